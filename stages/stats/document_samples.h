// DocumentSamples: the documents a data team reads first — a few kept ones, a few of each reject reason
// and of each duplicate kind — for stats.json's "samples" and the report. Per category it keeps the
// `per_category` documents with the smallest ids, so the sample is the same whatever the thread count
// and merge order, and merging keeps the smallest of both sides (equal ids, from parts of a scaled-out
// run that each number their shards from 0, are ordered by source). A sample holds the start of the
// text (kTextBytes) and short fields; memory is per_category samples (~1 kB each) per category.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/document.h"

namespace corpusflow {

struct DocumentSample {
  DocumentId id;
  std::string source;
  std::string url;
  std::string title;
  std::string language;
  std::string text;         // the first kTextBytes of the text (utf8_prefix)
  uint64_t text_bytes = 0;  // of the whole text
  std::string reason;       // rejects: the reject reason
  std::string detail;       // rejects: what the stage said
  DocumentId duplicate_of;  // duplicates: the kept document
  float similarity = 0.0f;  // duplicates: estimated Jaccard (1 for exact and url)

  bool operator==(const DocumentSample&) const = default;
};

class DocumentSamples {
 public:
  using Samples = std::vector<DocumentSample>;  // ascending (id, source), at most per_category()

  static constexpr size_t kPerCategory = 5;
  static constexpr size_t kTextBytes = 300;
  static constexpr size_t kFieldBytes = 200;  // source, url, title and detail are cut to this

  explicit DocumentSamples(size_t per_category = kPerCategory) : per_category_(per_category) {}

  // `reject_reason` is the category of a rejected document (its name in stats.json's "rejects") and is
  // not read for other outcomes. Copies the document's fields only when it enters the sample.
  void add(const Document& doc, std::string_view reject_reason);
  // Keeps this side's per_category().
  void merge(const DocumentSamples& other);

  size_t per_category() const { return per_category_; }
  const Samples& kept() const { return kept_; }
  const Samples& duplicates(DuplicateKind kind) const;
  const std::map<std::string, Samples, std::less<>>& rejects() const { return rejects_; }
  // By filter rule; a sample's reason is the rule, its detail the value and the limit.
  const std::map<std::string, Samples, std::less<>>& filtered() const { return filtered_; }

  // {"per_category", "kept": [...], "duplicates": {"exact","url","near": [...]}, "rejects": {reason: [...]}},
  // each sample {"id","source","url","title","language","text","text_bytes"} plus "reason", "detail" for
  // rejects and "duplicate_of", "similarity" for duplicates. from_json throws StatsFormatError.
  nlohmann::json to_json() const;
  static DocumentSamples from_json(const nlohmann::json& json);

  bool operator==(const DocumentSamples&) const = default;

 private:
  void offer(Samples& samples, const Document& doc, std::string_view reject_reason) const;
  void merge_into(Samples& into, const Samples& from) const;

  size_t per_category_;
  Samples kept_;
  std::array<Samples, 3> duplicates_;  // exact, url, near
  std::map<std::string, Samples, std::less<>> rejects_;
  std::map<std::string, Samples, std::less<>> filtered_;
};

}  // namespace corpusflow
