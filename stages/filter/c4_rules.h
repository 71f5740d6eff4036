// C4's rules (Raffel et al. 2020) as FineWeb runs them: line rules remove lines (a long word, too few words,
// javascript, a policy notice, and optionally no terminal punctuation), then the page rules look at the lines
// kept: "lorem ipsum", '{', and too few sentences (docs/filters.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "stages/filter/filter_config.h"
#include "stages/filter/gopher_signals.h"
#include "stages/filter/text_spans.h"

namespace corpusflow {

struct C4Outcome {
  uint32_t lines_removed = 0;
  uint64_t bytes_removed = 0;
};

// Writes the kept lines of `text` to `kept` (blank lines between paragraphs kept, as normalize writes them)
// and sets the c4_* page values of `values`. `kept` is left empty when no line is removed.
C4Outcome apply_c4(std::string_view text, const TextSpans& spans, const LanguageRules& rules, std::string& kept,
                   RuleValues& values);

// Sentences in a line: runs of terminal punctuation followed by a space or the end, plus an unterminated end.
uint32_t count_sentences(std::string_view line, std::u32string_view extra_terminals);

// Sets the fineweb_* values of `values` for `text`, split into `spans`.
void measure_fineweb(std::string_view text, const TextSpans& spans, const LanguageRules& rules, HashCounter& counter,
                     RuleValues& values);

}  // namespace corpusflow
