// The filter stage's work on one document: removes its host's boilerplate lines (when its block found any),
// measures the Gopher values, applies C4's line and page rules and FineWeb's, and marks the document filtered by
// the first rule it fails (filter_rules.h order). A document whose text changed gets its words, lines, chars
// and fingerprint text again. One QualityFilter per thread.
#pragma once

#include <map>
#include <string>

#include "core/document.h"
#include "stages/filter/boilerplate_lines.h"
#include "stages/filter/filter_config.h"
#include "stages/filter/filter_stats.h"
#include "stages/filter/gopher_signals.h"
#include "stages/filter/text_spans.h"

namespace corpusflow {

class QualityFilter {
 public:
  explicit QualityFilter(const FilterConfig& config);

  // Skips rejected documents. `boilerplate` may be null.
  void apply(Document& doc, const BoilerplateLines* boilerplate);
  // The values the last apply() measured (NaN where not measured).
  const RuleValues& values() const { return values_; }
  const FilterStats& stats() const { return stats_; }

 private:
  struct Language {
    LanguageRules rules;
    StopWords stop_words;
  };
  // The rules of a language in a script: the language's section, then the script's (script_rules.h).
  const Language& language(const std::string& name, const std::string& script);
  bool remove_boilerplate(Document& doc, const BoilerplateLines& boilerplate);
  void refresh(Document& doc);

  const FilterConfig& config_;
  std::map<std::string, Language, std::less<>> languages_;  // by "language/script"
  std::string key_;
  GopherMeter gopher_;
  HashCounter counter_;
  TextSpans spans_;
  RuleValues values_{};
  std::string kept_;
  std::string fingerprint_;
  FilterStats stats_;
};

}  // namespace corpusflow
