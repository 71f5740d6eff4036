// extract as a stage: every document whose text is still a page's HTML gets the page's text (main content by
// default), its title when it has none, and the page's declared language as a hint for language ID.
#pragma once

#include <string_view>

#include "core/batch.h"
#include "stages/html/html_text.h"
#include "stages/stage.h"

namespace corpusflow {

class ExtractStage {
 public:
  struct Config {
    HtmlMode mode = HtmlMode::extract;  // --html extract|text|raw
  };
  static constexpr std::string_view kName = "extract";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit ExtractStage(const Config& config) : config_(config) {}
  // Leaves rejected documents and plain text alone; an empty result is left for normalize to reject.
  void process(Batch& batch);

 private:
  Config config_;
  HtmlExtractor extractor_;
  HtmlText result_;
};

static_assert(BatchStage<ExtractStage>);

}  // namespace corpusflow
