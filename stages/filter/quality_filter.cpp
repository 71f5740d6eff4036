#include "stages/filter/quality_filter.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stages/filter/c4_rules.h"
#include "stages/filter/script_rules.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"

namespace corpusflow {
namespace {

uint32_t code_points(std::string_view text) {
  uint32_t count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

}  // namespace

QualityFilter::QualityFilter(const FilterConfig& config) : config_(config) {}

const QualityFilter::Language& QualityFilter::language(const std::string& name, const std::string& script) {
  key_.assign(name).append(1, '/').append(script);
  auto it = languages_.find(key_);
  if (it == languages_.end()) {
    LanguageRules rules = config_.rules_for(name);
    apply_script_limits(script, rules.limits);
    StopWords stop_words(rules.stop_words);
    it = languages_.emplace(key_, Language{std::move(rules), std::move(stop_words)}).first;
  }
  return it->second;
}

bool QualityFilter::remove_boilerplate(Document& doc, const BoilerplateLines& boilerplate) {
  if (doc.host.empty() || doc.line_keys.empty() || boilerplate.keys.empty()) return false;
  const uint64_t host = host_key(doc.host);
  const std::string& text = doc.text;
  kept_.clear();
  size_t line = 0;
  uint32_t removed = 0;
  bool blank_since_kept = false;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end == begin) {
      blank_since_kept = true;
    } else {
      if (line == doc.line_keys.size()) return false;  // not the lines normalize keyed: leave the text alone
      const uint64_t key = doc.line_keys[line++];
      uint64_t mixed = boilerplate_key(host, key);
      mixed = mixed == 0 ? 1 : mixed;
      if (key != 0 && boilerplate.contains(mixed)) {
        ++removed;
      } else {
        if (!kept_.empty()) kept_.append(blank_since_kept ? "\n\n" : "\n");
        kept_.append(text, begin, end - begin);
        blank_since_kept = false;
      }
    }
    begin = end + 1;
  }
  if (removed == 0 || line != doc.line_keys.size()) return false;
  doc.boilerplate_lines_removed = removed;
  doc.boilerplate_bytes_removed = text.size() - kept_.size();
  doc.text.swap(kept_);
  return true;
}

void QualityFilter::refresh(Document& doc) {
  fingerprint_text(doc.text, fingerprint_);
  doc.words = static_cast<uint32_t>(count_tokens(fingerprint_));
  doc.chars = code_points(doc.text);
  uint32_t lines = 0;
  for (size_t begin = 0; begin < doc.text.size();) {
    size_t end = doc.text.find('\n', begin);
    if (end == std::string::npos) end = doc.text.size();
    lines += end > begin;
    begin = end + 1;
  }
  doc.lines = lines;
  if (doc.fingerprint_text_ready) doc.fingerprint_text.swap(fingerprint_);
}

void QualityFilter::apply(Document& doc, const BoilerplateLines* boilerplate) {
  values_.fill(std::numeric_limits<double>::quiet_NaN());
  if (doc.rejected()) return;
  // Normalize removes a page's second copy and its repeated title (the scraper's artifacts) and any looped
  // lines. What it removed beyond a second copy and two title lines was a loop, which Gopher's duplicate-line
  // rule would have seen before the repair.
  const double removed = doc.normalize.lines_removed;
  const double before_repair = removed + doc.lines;
  const double loops = before_repair == 0 ? 0 : std::max(0.0, removed - doc.lines - 2) / before_repair;
  bool changed = boilerplate != nullptr && config_.boilerplate.enabled && remove_boilerplate(doc, *boilerplate);
  doc.line_keys.clear();
  if (config_.enabled) {
    const Language& rules = language(doc.language, doc.script);
    split_spans(doc.text, spans_);
    gopher_.measure(doc.text, spans_, rules.stop_words, values_);
    const C4Outcome c4 = apply_c4(doc.text, spans_, rules.rules, kept_, values_);
    if (c4.lines_removed > 0) {
      doc.filter_lines_removed = c4.lines_removed;
      doc.filter_bytes_removed = c4.bytes_removed;
      doc.text.swap(kept_);
      split_spans(doc.text, spans_);
      changed = true;
    }
    measure_fineweb(doc.text, spans_, rules.rules, counter_, values_);
    values_[rule_index(FilterRule::repetition_loops)] = loops;
    values_[rule_index(FilterRule::no_text_left)] = doc.text.empty() ? 1 : 0;
    const RuleLimits& limits = rules.rules.limits;
    auto check = [&](FilterRule rule) {
      const size_t i = rule_index(rule);
      if (rule_info(rule).removes_lines || std::isnan(values_[i]) || !breaks(rule, values_[i], limits[i])) {
        return false;
      }
      doc.filter(rule_info(rule).name.data(), values_[i], limits[i]);
      return true;
    };
    if (!check(FilterRule::no_text_left)) {
      for (size_t i = 0; i + 1 < kFilterRuleCount; ++i) {
        if (check(rule_at(i))) break;
      }
    }
  } else if (changed && doc.text.empty()) {
    values_[rule_index(FilterRule::no_text_left)] = 1;
    doc.filter(rule_info(FilterRule::no_text_left).name.data(), 1, 1);
  }
  if (changed && !doc.filtered()) refresh(doc);
  stats_.add(doc, values_);
}

}  // namespace corpusflow
