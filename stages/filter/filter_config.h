// What the filter stage does, per language: every rule's limit, the stop words and the extra terminal
// punctuation of each language, and the boilerplate pass's thresholds. Built-in defaults (docs/filters.md),
// then a config file (--filters FILE), then single settings from the command line (--filter).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stages/filter/filter_rules.h"

namespace corpusflow {

// What a language section changes; anything unset comes from the defaults.
struct LanguageOverrides {
  std::array<std::optional<double>, kFilterRuleCount> limits{};  // NaN: off
  std::optional<std::vector<std::string>> stop_words;
  std::optional<std::u32string> terminal_punctuation;  // besides Unicode's Sentence_Terminal characters
};

// The rules one document is held to: the defaults with its language's section applied.
struct LanguageRules {
  RuleLimits limits{};
  std::vector<std::string> stop_words;  // lower case; empty: gopher_stop_words does not apply
  std::u32string terminal_punctuation;
};

struct BoilerplateConfig {
  bool enabled = true;
  // A line is boilerplate of a host in a block when at least min_documents of the host's documents there,
  // and at least min_share of them, hold it (exact copies of one text count once).
  uint32_t min_documents = 3;
  double min_share = 0.10;
  uint32_t block_batches = 64;  // a block is this many consecutive batches (at most 64 x 2 MB of input)

  bool operator==(const BoilerplateConfig&) const = default;
};

struct FilterConfig {
  bool enabled = true;
  bool keep_text = false;  // --keep-filtered: filtered records also carry title and text
  LanguageRules defaults;
  std::map<std::string, LanguageOverrides, std::less<>> languages;  // CLD2 codes: ar, en, zh, zh-Hant, ...
  BoilerplateConfig boilerplate;
  std::vector<std::string> sources;  // files and settings applied, in order (the manifest echoes them)

  // The resolved rules of `language` (the defaults for a language without a section).
  LanguageRules rules_for(std::string_view language) const;
};

// The built-in config: the published limits, stop words for the languages we hold text in, and Arabic's
// section (docs/filters.md). What a script cannot be held to is script_rules.h's, per document.
FilterConfig default_filter_config();

struct FilterConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Applies a JSON config file: {"rules": {RULE: LIMIT|false|true}, "boilerplate": {...},
// "languages": {LANG: {"rules": {...}, "stop_words": [...], "terminal_punctuation": "..."}}}.
// Throws FilterConfigError naming the file and the key.
void apply_filter_file(FilterConfig& config, const std::filesystem::path& file);
void apply_filter_json(FilterConfig& config, std::string_view json, const std::string& where);
// Applies one `[LANG:]RULE=VALUE` setting, VALUE a number, `off` or `on` (the published default).
void apply_filter_setting(FilterConfig& config, std::string_view setting);

}  // namespace corpusflow
