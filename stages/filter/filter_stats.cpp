#include "stages/filter/filter_stats.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace corpusflow {
namespace {

size_t bin_of(ValueScale scale, double value) {
  if (!(value > 0)) return 0;
  double bin = 0;
  switch (scale) {
    case ValueScale::fraction: bin = value < 1 ? std::floor(value * 100) : 100 + std::floor((value - 1) * 4); break;
    case ValueScale::count: bin = std::floor(8 * std::log2(1 + value)); break;
    case ValueScale::length: bin = std::floor(value * 4); break;
  }
  return static_cast<size_t>(std::min(bin, static_cast<double>(ValueBins::kBins - 1)));
}

double upper_edge(ValueScale scale, size_t bin) {
  const auto b = static_cast<double>(bin);
  switch (scale) {
    case ValueScale::fraction: return bin < 100 ? (b + 1) / 100 : 1 + (b - 99) / 4;
    case ValueScale::count: return std::exp2((b + 1) / 8) - 1;
    case ValueScale::length: return (b + 1) / 4;
  }
  return b;
}

double rounded(double value) { return std::round(value * 1000) / 1000; }

nlohmann::json quantiles_json(const ValueBins& bins, ValueScale scale) {
  nlohmann::json out = {{"documents", bins.count()}};
  if (bins.count() == 0) return out;
  for (const auto& [name, q] : std::initializer_list<std::pair<const char*, double>>{{"p1", 0.01},
                                                                                     {"p5", 0.05},
                                                                                     {"p10", 0.10},
                                                                                     {"p25", 0.25},
                                                                                     {"p50", 0.50},
                                                                                     {"p75", 0.75},
                                                                                     {"p90", 0.90},
                                                                                     {"p95", 0.95},
                                                                                     {"p99", 0.99}}) {
    out[name] = rounded(bins.quantile(scale, q));
  }
  return out;
}

nlohmann::json limit_json(double limit) { return std::isnan(limit) ? nlohmann::json(nullptr) : nlohmann::json(limit); }

}  // namespace

void ValueBins::add(ValueScale scale, double value) {
  ++bins_[bin_of(scale, value)];
  ++count_;
}

void ValueBins::merge(const ValueBins& other) {
  for (size_t i = 0; i < kBins; ++i) bins_[i] += other.bins_[i];
  count_ += other.count_;
}

double ValueBins::quantile(ValueScale scale, double q) const {
  if (count_ == 0) return 0;
  const auto want = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_)));
  uint64_t seen = 0;
  for (size_t i = 0; i < kBins; ++i) {
    seen += bins_[i];
    if (seen >= std::max<uint64_t>(want, 1)) return i == 0 && scale != ValueScale::fraction ? 0 : upper_edge(scale, i);
  }
  return upper_edge(scale, kBins - 1);
}

void FilterStats::add(const Document& doc, const RuleValues& values) {
  ++totals_.measured;
  LanguageValues& language = languages_[doc.language];
  ++language.measured;
  for (size_t i = 0; i < kFilterRuleCount; ++i) {
    if (std::isnan(values[i])) continue;
    const ValueScale scale = rule_info(rule_at(i)).scale;
    values_[i].add(scale, values[i]);
    language.values[i].add(scale, values[i]);
  }
  if (doc.boilerplate_lines_removed > 0) {
    ++totals_.boilerplate_documents;
    totals_.boilerplate_lines += doc.boilerplate_lines_removed;
    totals_.boilerplate_bytes += doc.boilerplate_bytes_removed;
  }
  if (doc.filter_lines_removed > 0) {
    ++totals_.line_rule_documents;
    totals_.line_rule_lines += doc.filter_lines_removed;
    totals_.line_rule_bytes += doc.filter_bytes_removed;
  }
  if (!doc.filtered()) return;
  ++totals_.filtered;
  const std::optional<FilterRule> rule = rule_named(doc.filter_rule);
  if (!rule) return;
  RuleTally& tally = by_rule_[rule_index(*rule)];
  ++tally.documents;
  tally.bytes += doc.raw_bytes;
  tally.text_bytes += doc.text.size();
  ++language.filtered[rule_index(*rule)];
}

void FilterStats::merge(const FilterStats& other) {
  totals_.measured += other.totals_.measured;
  totals_.filtered += other.totals_.filtered;
  totals_.boilerplate_documents += other.totals_.boilerplate_documents;
  totals_.boilerplate_lines += other.totals_.boilerplate_lines;
  totals_.boilerplate_bytes += other.totals_.boilerplate_bytes;
  totals_.line_rule_documents += other.totals_.line_rule_documents;
  totals_.line_rule_lines += other.totals_.line_rule_lines;
  totals_.line_rule_bytes += other.totals_.line_rule_bytes;
  for (size_t i = 0; i < kFilterRuleCount; ++i) {
    by_rule_[i].documents += other.by_rule_[i].documents;
    by_rule_[i].bytes += other.by_rule_[i].bytes;
    by_rule_[i].text_bytes += other.by_rule_[i].text_bytes;
    values_[i].merge(other.values_[i]);
  }
  for (const auto& [name, theirs] : other.languages_) {
    LanguageValues& ours = languages_[name];
    ours.measured += theirs.measured;
    for (size_t i = 0; i < kFilterRuleCount; ++i) {
      ours.values[i].merge(theirs.values[i]);
      ours.filtered[i] += theirs.filtered[i];
    }
  }
}

nlohmann::json FilterStats::to_json(const FilterConfig& config, size_t top_languages) const {
  std::vector<std::pair<std::string, uint64_t>> languages;
  for (const auto& [name, values] : languages_) languages.emplace_back(name, values.measured);
  std::stable_sort(languages.begin(), languages.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (languages.size() > top_languages) languages.resize(top_languages);

  nlohmann::json rules = nlohmann::json::object();
  for (size_t i = 0; i < kFilterRuleCount; ++i) {
    const RuleInfo& info = rule_info(rule_at(i));
    nlohmann::json rule = {{"family", info.family},
                           {"limit", limit_json(config.defaults.limits[i])},
                           {"documents", by_rule_[i].documents},
                           {"bytes", by_rule_[i].bytes},
                           {"text_bytes", by_rule_[i].text_bytes}};
    if (info.removes_lines) {
      rule["removes_lines"] = true;
    } else {
      nlohmann::json by_language = nlohmann::json::object();
      nlohmann::json values = {{"all", quantiles_json(values_[i], info.scale)}};
      for (const auto& [name, count] : languages) {
        const LanguageValues& language = languages_.find(name)->second;
        if (language.filtered[i] > 0) by_language[name] = language.filtered[i];
        nlohmann::json quantiles = quantiles_json(language.values[i], info.scale);
        quantiles["limit"] = limit_json(config.rules_for(name).limits[i]);
        values[name] = std::move(quantiles);
      }
      rule["by_language"] = std::move(by_language);
      rule["values"] = std::move(values);
    }
    rules[std::string(info.name)] = std::move(rule);
  }
  return {{"measured", totals_.measured},
          {"filtered", totals_.filtered},
          {"boilerplate",
           {{"documents", totals_.boilerplate_documents},
            {"lines", totals_.boilerplate_lines},
            {"bytes", totals_.boilerplate_bytes}}},
          {"line_rules",
           {{"documents", totals_.line_rule_documents},
            {"lines", totals_.line_rule_lines},
            {"bytes", totals_.line_rule_bytes}}},
          {"rules", std::move(rules)}};
}

}  // namespace corpusflow
