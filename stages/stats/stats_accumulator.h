// StatsAccumulator: everything counted about the documents of a run, one per thread on the hot path,
// merged at the end. add() costs a few counter updates and hash lookups; it allocates only for a key
// (language, script, host, month, reject reason, duplicate group) it has not seen before.
// Counts and histograms merge exactly; hosts and duplicate groups are bounded (see key_table.h and
// duplicate_groups.h) and stay exact until their capacity is exceeded.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json_fwd.hpp>

#include "core/document.h"
#include "stages/stats/document_samples.h"
#include "stages/stats/duplicate_groups.h"
#include "stages/stats/key_table.h"
#include "stages/stats/log_histogram.h"
#include "stages/stats/similarity_histogram.h"

namespace corpusflow {

struct StatsConfig {
  // Hosts listed by the terminal summary and report.html (stats.json keeps every tracked host).
  size_t top_hosts = 50;
  // Distinct hosts tracked exactly per accumulator before the least frequent are pruned (pruning
  // starts at twice this and keeps this many); also bounds the hosts kept in stats.json for merging.
  size_t host_capacity = 10000;
  // Largest duplicate groups listed in stats.json, the summary and the report.
  size_t top_groups = 20;
  // Duplicate groups (kept documents that absorbed duplicates) tracked per accumulator, as for hosts.
  size_t group_capacity = 20000;

  bool operator==(const StatsConfig&) const = default;
};

// Documents and bytes of one reject reason or duplicate kind.
struct OutcomeCounts {
  uint64_t documents = 0;
  uint64_t bytes = 0;       // raw bytes of the records as read
  uint64_t text_bytes = 0;  // UTF-8 bytes of their normalized text (0 for rejects not normalized)

  bool operator==(const OutcomeCounts&) const = default;
};

// Sums of NormalizeCounts over all documents, and how many documents each kind of repair touched.
struct NormalizeTotals {
  uint64_t utf8_repairs = 0;
  uint64_t controls_removed = 0;
  uint64_t tatweel_removed = 0;
  uint64_t lines_removed = 0;
  uint64_t bytes_removed = 0;
  uint64_t documents_with_utf8_repairs = 0;
  uint64_t documents_with_lines_removed = 0;

  bool operator==(const NormalizeTotals&) const = default;
};

class StatsAccumulator {
 public:
  explicit StatsAccumulator(StatsConfig config = {});

  void add(const Document& doc);
  // Exact for counts and histograms; hosts and groups as documented in their headers. Keeps this
  // accumulator's config.
  void merge(const StatsAccumulator& other);

  // The accumulator's part of stats.json (documented in docs/stats.md): raw counts and the values
  // derived from them (percentiles, percentages). from_json reads the raw counts back and ignores
  // everything else, so it accepts a whole stats.json; throws StatsFormatError on a missing key, a
  // wrong type or a newer schema_version.
  nlohmann::json to_json() const;
  static StatsAccumulator from_json(const nlohmann::json& json);

  const StatsConfig& config() const { return config_; }
  const DocumentSamples& samples() const { return samples_; }
  uint64_t documents() const { return documents_; }
  uint64_t kept() const { return kept_.documents; }
  uint64_t filtered() const { return filtered_.documents; }
  uint64_t duplicates() const;
  uint64_t rejected() const;

  bool operator==(const StatsAccumulator& other) const;

  static constexpr int kSchemaVersion = 1;
  // The `by_month` key of a date: "YYYY-MM" from a date starting with YYYY-MM, else "unknown".
  static std::string_view month_of(std::string_view date);
  static constexpr std::string_view kNoHost = "(none)";
  static constexpr std::string_view kUnknownReason = "unknown";

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };

  StatsConfig config_;
  uint64_t documents_ = 0;
  uint64_t raw_bytes_ = 0;
  uint64_t header_missing_ = 0;
  // Web pages by where their charset came from (header, meta, ...) and by the charset used (ICU's names).
  std::map<std::string, uint64_t, std::less<>> charset_sources_;
  std::map<std::string, uint64_t, std::less<>> charsets_;
  OutcomeCounts kept_;
  OutcomeCounts filtered_;                     // by rule in FilterStats (stats.json `filters`)
  std::array<OutcomeCounts, 3> duplicates_{};  // exact, url, near
  std::unordered_map<std::string, OutcomeCounts, Hash, std::equal_to<>> rejects_;
  NormalizeTotals normalize_;
  KeyTable by_language_;
  KeyTable by_script_;
  KeyTable by_host_;
  KeyTable by_month_;
  LogHistogram chars_;
  LogHistogram words_;
  LogHistogram lines_;
  SimilarityHistogram similarity_;
  DuplicateGroups groups_;
  DocumentSamples samples_;
};

}  // namespace corpusflow
