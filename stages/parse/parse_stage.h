// parse as a stage: every raw record of a batch becomes a Document (id, source, fields or a reject); the
// records are released after.
#pragma once

#include "stages/parse/parser.h"
#include "stages/stage.h"

namespace corpusflow {

class ParseStage {
 public:
  struct Config {};
  static constexpr std::string_view kName = "parse";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit ParseStage(const Config&) {}
  void process(Batch& batch);

 private:
  Parser parser_;
};

}  // namespace corpusflow
