#include "stages/filter/filter_config.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace corpusflow {
namespace {

constexpr double kOff = std::numeric_limits<double>::quiet_NaN();

// Gopher's published English list.
const std::vector<std::string> kEnglishStopWords = {"the", "be", "to", "of", "and", "that", "have", "with"};
// The words in at least half of ANT's 31,523 Arabic news pages (docs/filters.md, "Stop words").
const std::vector<std::string> kArabicStopWords = {"في",   "من", "على",  "أن",  "إلى", "عن",
                                                   "التي", "مع", "الذي", "بعد", "ما"};

std::u32string decode(std::string_view utf8, const std::string& where) {
  if (!is_valid_utf8(utf8)) throw FilterConfigError(where + ": not valid UTF-8");
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out.push_back(c);
    i += length;
  }
  return out;
}

FilterRule rule_or_throw(std::string_view name, const std::string& where) {
  const std::optional<FilterRule> rule = rule_named(name);
  if (!rule) throw FilterConfigError(where + ": no filter rule named '" + std::string(name) + "' (docs/filters.md)");
  return *rule;
}

// A limit as written: a number, false/"off" (off) or true/"on" (the published default).
double limit_of(FilterRule rule, const nlohmann::json& value, const std::string& where) {
  if (value.is_boolean()) return value.get<bool>() ? rule_info(rule).default_limit : kOff;
  if (value.is_number()) {
    const double limit = value.get<double>();
    if (!std::isfinite(limit)) throw FilterConfigError(where + ": not a finite number");
    return limit;
  }
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "off") return kOff;
    if (text == "on") return rule_info(rule).default_limit;
  }
  throw FilterConfigError(where + ": expected a number, true/false or \"on\"/\"off\"");
}

void apply_rules(const nlohmann::json& rules, const std::string& where,
                 const std::function<void(FilterRule, double)>& set) {
  if (!rules.is_object()) throw FilterConfigError(where + ": expected an object of rule: limit");
  for (const auto& [name, value] : rules.items()) {
    const FilterRule rule = rule_or_throw(name, where);
    set(rule, limit_of(rule, value, where + "." + name));
  }
}

std::vector<std::string> words_of(const nlohmann::json& list, const std::string& where) {
  if (!list.is_array()) throw FilterConfigError(where + ": expected an array of words");
  std::vector<std::string> words;
  for (const auto& word : list) {
    if (!word.is_string()) throw FilterConfigError(where + ": expected an array of words");
    const auto& text = word.get_ref<const std::string&>();
    if (!is_valid_utf8(text)) throw FilterConfigError(where + ": not valid UTF-8");
    words.push_back(text);
  }
  return words;
}

}  // namespace

LanguageRules FilterConfig::rules_for(std::string_view language) const {
  LanguageRules rules = defaults;
  const auto it = languages.find(language);
  if (it == languages.end()) return rules;
  const LanguageOverrides& section = it->second;
  for (size_t i = 0; i < kFilterRuleCount; ++i) {
    if (section.limits[i]) rules.limits[i] = *section.limits[i];
  }
  if (section.stop_words) rules.stop_words = *section.stop_words;
  if (section.terminal_punctuation) rules.terminal_punctuation = *section.terminal_punctuation;
  return rules;
}

FilterConfig default_filter_config() {
  FilterConfig config;
  for (size_t i = 0; i < kFilterRuleCount; ++i) config.defaults.limits[i] = rule_info(rule_at(i)).default_limit;
  config.languages["en"].stop_words = kEnglishStopWords;
  // FineWeb-2's thresholds for arb_Arab (Penedo et al. 2025), the duplicated n-grams spread evenly between
  // the published 5-gram and 10-gram values.
  LanguageOverrides& arabic = config.languages["ar"];
  arabic.stop_words = kArabicStopWords;
  auto set = [&arabic](FilterRule rule, double limit) { arabic.limits[rule_index(rule)] = limit; };
  set(FilterRule::gopher_dup_line_fraction, 0.304);
  set(FilterRule::gopher_top_2gram, 0.197);
  set(FilterRule::gopher_top_3gram, 0.172);
  set(FilterRule::gopher_top_4gram, 0.146);
  for (int n = 5; n <= 10; ++n) {
    set(rule_at(rule_index(FilterRule::gopher_dup_5gram) + static_cast<size_t>(n - 5)),
        0.165 + (0.109 - 0.165) * (n - 5) / 5.0);
  }
  set(FilterRule::fineweb_line_punctuation, 0.143);
  set(FilterRule::fineweb_newline_ratio, 0.189);
  set(FilterRule::gopher_min_mean_word_length, 2);
  set(FilterRule::gopher_max_mean_word_length, 9);
  set(FilterRule::gopher_alpha_words, 0.787);
  return config;
}

void apply_filter_json(FilterConfig& config, std::string_view json, const std::string& where) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& error) {
    throw FilterConfigError(where + ": not valid JSON: " + error.what());
  }
  if (!root.is_object()) throw FilterConfigError(where + ": expected a JSON object");
  for (const auto& [key, value] : root.items()) {
    const std::string at = where + ": " + key;
    if (key == "enabled") {
      if (!value.is_boolean()) throw FilterConfigError(at + ": expected true or false");
      config.enabled = value.get<bool>();
    } else if (key == "rules") {
      apply_rules(value, at,
                  [&config](FilterRule rule, double limit) { config.defaults.limits[rule_index(rule)] = limit; });
    } else if (key == "stop_words") {
      config.defaults.stop_words = words_of(value, at);
    } else if (key == "terminal_punctuation") {
      if (!value.is_string()) throw FilterConfigError(at + ": expected a string");
      config.defaults.terminal_punctuation = decode(value.get_ref<const std::string&>(), at);
    } else if (key == "boilerplate") {
      if (!value.is_object()) throw FilterConfigError(at + ": expected an object");
      for (const auto& [name, setting] : value.items()) {
        const std::string in = at + "." + name;
        if (name == "enabled" && setting.is_boolean()) {
          config.boilerplate.enabled = setting.get<bool>();
        } else if (name == "min_documents" && setting.is_number_unsigned() && setting.get<uint64_t>() >= 1 &&
                   setting.get<uint64_t>() <= UINT32_MAX) {
          config.boilerplate.min_documents = setting.get<uint32_t>();
        } else if (name == "min_share" && setting.is_number() && setting.get<double>() >= 0 &&
                   setting.get<double>() <= 1) {
          config.boilerplate.min_share = setting.get<double>();
        } else if (name == "block_batches" && setting.is_number_unsigned() && setting.get<uint64_t>() >= 1 &&
                   setting.get<uint64_t>() <= 4096) {
          config.boilerplate.block_batches = setting.get<uint32_t>();
        } else {
          throw FilterConfigError(in +
                                  ": expected enabled (true/false), min_documents (>= 1), min_share (0..1) "
                                  "or block_batches (1..4096)");
        }
      }
    } else if (key == "languages") {
      if (!value.is_object()) throw FilterConfigError(at + ": expected an object of language: section");
      for (const auto& [language, section_json] : value.items()) {
        const std::string in = at + "." + language;
        if (!section_json.is_object()) throw FilterConfigError(in + ": expected an object");
        LanguageOverrides& section = config.languages[language];
        for (const auto& [name, setting] : section_json.items()) {
          if (name == "rules") {
            apply_rules(setting, in + ".rules",
                        [&section](FilterRule rule, double limit) { section.limits[rule_index(rule)] = limit; });
          } else if (name == "stop_words") {
            section.stop_words = words_of(setting, in + ".stop_words");
          } else if (name == "terminal_punctuation" && setting.is_string()) {
            section.terminal_punctuation = decode(setting.get_ref<const std::string&>(), in + "." + name);
          } else {
            throw FilterConfigError(in + "." + name + ": expected rules, stop_words or terminal_punctuation");
          }
        }
      }
    } else {
      throw FilterConfigError(at +
                              ": unknown key (enabled, rules, stop_words, terminal_punctuation, boilerplate, "
                              "languages)");
    }
  }
  config.sources.push_back(where);
}

void apply_filter_file(FilterConfig& config, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FilterConfigError(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  apply_filter_json(config, text.str(), file.string());
}

void apply_filter_setting(FilterConfig& config, std::string_view setting) {
  const std::string where = "--filter " + std::string(setting);
  const size_t equals = setting.find('=');
  if (equals == std::string_view::npos) throw FilterConfigError(where + ": expected [LANG:]RULE=VALUE");
  std::string_view name = setting.substr(0, equals);
  const std::string_view value = setting.substr(equals + 1);
  std::string_view language;
  if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
    language = name.substr(0, colon);
    name = name.substr(colon + 1);
  }
  const FilterRule rule = rule_or_throw(name, where);
  double limit = 0;
  if (value == "off") {
    limit = kOff;
  } else if (value == "on") {
    limit = rule_info(rule).default_limit;
  } else {
    try {
      size_t used = 0;
      limit = std::stod(std::string(value), &used);
      if (used != value.size() || !std::isfinite(limit)) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      throw FilterConfigError(where + ": VALUE must be a number, off or on");
    }
  }
  if (language.empty()) {
    config.defaults.limits[rule_index(rule)] = limit;
  } else {
    config.languages[std::string(language)].limits[rule_index(rule)] = limit;
  }
  config.sources.push_back(where);
}

}  // namespace corpusflow
