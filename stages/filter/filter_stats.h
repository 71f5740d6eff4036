// What the filter stage measured and decided over a run: documents and bytes each rule removed (per
// language), lines the line rules and the boilerplate pass took out, and the distribution of every measured
// value per language (what thresholds are tuned on). One per thread, merged exactly.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/document.h"
#include "stages/filter/filter_config.h"
#include "stages/filter/gopher_signals.h"

namespace corpusflow {

// Values of one rule binned on its scale (filter_rules.h), for quantiles.
class ValueBins {
 public:
  static constexpr size_t kBins = 128;
  void add(ValueScale scale, double value);
  void merge(const ValueBins& other);
  uint64_t count() const { return count_; }
  // The value at quantile q (0..1), to the resolution of the bins (the upper edge of the bin it falls in).
  double quantile(ValueScale scale, double q) const;

 private:
  std::array<uint64_t, kBins> bins_{};
  uint64_t count_ = 0;
};

struct RuleTally {
  uint64_t documents = 0;
  uint64_t bytes = 0;       // raw bytes
  uint64_t text_bytes = 0;  // text the rule saw
};

struct FilterTotals {
  uint64_t measured = 0;  // documents the rules looked at
  uint64_t filtered = 0;
  uint64_t boilerplate_documents = 0;  // documents with lines removed as boilerplate
  uint64_t boilerplate_lines = 0;
  uint64_t boilerplate_bytes = 0;
  uint64_t line_rule_documents = 0;  // documents with lines removed by the C4 line rules
  uint64_t line_rule_lines = 0;
  uint64_t line_rule_bytes = 0;

  bool operator==(const FilterTotals&) const = default;
};

class FilterStats {
 public:
  void add(const Document& doc, const RuleValues& values);
  void merge(const FilterStats& other);
  const FilterTotals& totals() const { return totals_; }
  const std::array<RuleTally, kFilterRuleCount>& by_rule() const { return by_rule_; }
  uint64_t filtered_by(FilterRule rule) const { return by_rule_[rule_index(rule)].documents; }

  // stats.json's `filters` (docs/stats.md): totals, then per rule its default limit, what it removed, per
  // language, and its values' quantiles over all documents and per language (the `top_languages` with most
  // documents measured).
  nlohmann::json to_json(const FilterConfig& config, size_t top_languages = 12) const;

 private:
  struct LanguageValues {
    uint64_t measured = 0;
    std::array<ValueBins, kFilterRuleCount> values{};
    std::array<uint64_t, kFilterRuleCount> filtered{};
  };
  FilterTotals totals_;
  std::array<RuleTally, kFilterRuleCount> by_rule_{};
  std::array<ValueBins, kFilterRuleCount> values_{};
  std::map<std::string, LanguageValues, std::less<>> languages_;
};

}  // namespace corpusflow
