#include "stages/filter/c4_rules.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace corpusflow {
namespace {

// C4's policy notices, English only as published.
constexpr std::array<std::string_view, 6> kPolicyPhrases = {"terms of use", "privacy policy", "cookie policy",
                                                            "uses cookies", "use of cookies", "use cookies"};

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool on(const LanguageRules& rules, FilterRule rule) {
  const double limit = rules.limits[rule_index(rule)];
  return !std::isnan(limit) && limit != 0;
}

}  // namespace

uint32_t count_sentences(std::string_view line, std::u32string_view extra_terminals) {
  uint32_t sentences = 0;
  bool in_terminal = false;
  bool content_since = false;
  for (size_t i = 0; i < line.size();) {
    const char32_t c = decode_code_point(line, i);
    const bool terminal = is_sentence_terminal(c, extra_terminals);
    const bool space = c == ' ' || c == '\t';
    if (terminal) {
      in_terminal = true;
      continue;
    }
    if (in_terminal && space && content_since) {
      ++sentences;
      content_since = false;
    }
    in_terminal = false;
    if (!space) content_since = true;
  }
  if (content_since || in_terminal) ++sentences;
  return sentences;
}

C4Outcome apply_c4(std::string_view text, const TextSpans& spans, const LanguageRules& rules, std::string& kept,
                   RuleValues& values) {
  const double max_word_chars = rules.limits[rule_index(FilterRule::c4_line_max_word_chars)];
  const double min_words = rules.limits[rule_index(FilterRule::c4_line_min_words)];
  const bool need_terminal = on(rules, FilterRule::c4_line_terminal_punctuation);
  const bool drop_javascript = on(rules, FilterRule::c4_line_javascript);
  const bool drop_policy = on(rules, FilterRule::c4_line_policy);
  C4Outcome outcome;
  kept.clear();
  bool lorem = false;
  bool bracket = false;
  uint32_t sentences = 0;
  std::vector<uint32_t> removed;  // indices in spans.lines; allocates only when a line goes
  std::string lowered;
  // Sentences are counted only for a rule that reads them (a pass over every character).
  const bool count_them = !std::isnan(rules.limits[rule_index(FilterRule::c4_min_sentences)]);
  for (size_t index = 0; index < spans.lines.size(); ++index) {
    const LineSpan& line = spans.lines[index];
    if (line.blank) continue;
    const std::string_view bytes = text.substr(line.begin, line.end - line.begin);
    uint32_t counted_words = 0;
    uint32_t longest = 0;
    for (uint32_t w = line.first_word; w < line.first_word + line.word_count; ++w) {
      const WordSpan& word = spans.words[w];
      if (!word.only_symbols) ++counted_words;
      longest = std::max(longest, word.chars);
    }
    // The ASCII phrases are looked for in a lower-cased copy, made only for a line with ASCII letters.
    bool ascii_letters = false;
    for (char c : bytes) ascii_letters |= static_cast<unsigned>(static_cast<unsigned char>(c | 0x20) - 'a') < 26u;
    if (ascii_letters) {
      lowered.resize(bytes.size());
      std::transform(bytes.begin(), bytes.end(), lowered.begin(), lower_ascii);
    }
    auto holds = [&](std::string_view phrase) {
      return ascii_letters && std::string_view(lowered).find(phrase) != std::string_view::npos;
    };
    const bool remove =
        (!std::isnan(max_word_chars) && longest > max_word_chars) ||
        (need_terminal &&
         (!ends_in_terminal(bytes, rules.terminal_punctuation, TerminalKind::sentence) || ends_with_ellipsis(bytes))) ||
        (!std::isnan(min_words) && counted_words < min_words) || (drop_javascript && holds("javascript")) ||
        (drop_policy && std::any_of(kPolicyPhrases.begin(), kPolicyPhrases.end(), holds));
    if (remove) {
      removed.push_back(static_cast<uint32_t>(index));
      continue;
    }
    if (!lorem && holds("lorem ipsum")) lorem = true;
    if (!bracket && bytes.find('{') != std::string_view::npos) bracket = true;
    if (count_them) sentences += count_sentences(bytes, rules.terminal_punctuation);
  }
  if (!removed.empty()) {
    // The kept lines, with a blank line where one stood between paragraphs, as normalize writes them.
    bool blank_since_kept = false;
    size_t next_removed = 0;
    for (size_t index = 0; index < spans.lines.size(); ++index) {
      const LineSpan& line = spans.lines[index];
      if (line.blank) {
        blank_since_kept = true;
        continue;
      }
      if (next_removed < removed.size() && removed[next_removed] == index) {
        ++next_removed;
        continue;
      }
      if (!kept.empty()) kept.append(blank_since_kept ? "\n\n" : "\n");
      kept.append(text, line.begin, line.end - line.begin);
      blank_since_kept = false;
    }
    outcome.lines_removed = static_cast<uint32_t>(removed.size());
    outcome.bytes_removed = text.size() - kept.size();
  }
  set_value(values, FilterRule::c4_lorem_ipsum, lorem ? 1 : 0);
  set_value(values, FilterRule::c4_curly_bracket, bracket ? 1 : 0);
  set_value(values, FilterRule::c4_min_sentences, count_them ? sentences : std::nan(""));
  return outcome;
}

void measure_fineweb(std::string_view text, const TextSpans& spans, const LanguageRules& rules, HashCounter& counter,
                     RuleValues& values) {
  uint64_t lines = 0;
  uint64_t terminal = 0;
  uint64_t short_lines = 0;
  uint64_t dup_chars = 0;
  uint64_t words = 0;
  counter.reset(spans.lines.size());
  for (const LineSpan& line : spans.lines) {
    for (uint32_t w = line.first_word; w < line.first_word + line.word_count; ++w)
      words += !spans.words[w].only_symbols;
    if (line.blank) continue;
    ++lines;
    const std::string_view bytes = text.substr(line.begin, line.end - line.begin);
    if (ends_in_terminal(bytes, rules.terminal_punctuation, TerminalKind::punctuation)) ++terminal;
    if (line.chars <= 30) ++short_lines;
    if (counter.add(XXH3_64bits(bytes.data(), bytes.size())) > 1) dup_chars += line.chars;
  }
  const auto newlines = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
  const double chars_without_breaks = spans.chars - newlines;
  auto ratio = [](double part, double whole) { return whole == 0 ? 0.0 : part / whole; };
  set_value(values, FilterRule::fineweb_line_punctuation,
            ratio(static_cast<double>(terminal), static_cast<double>(lines)));
  set_value(values, FilterRule::fineweb_short_lines,
            ratio(static_cast<double>(short_lines), static_cast<double>(lines)));
  set_value(values, FilterRule::fineweb_dup_line_chars, ratio(static_cast<double>(dup_chars), chars_without_breaks));
  set_value(values, FilterRule::fineweb_newline_ratio, words == 0 ? newlines : newlines / static_cast<double>(words));
}

}  // namespace corpusflow
