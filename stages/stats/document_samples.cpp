#include "stages/stats/document_samples.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include <nlohmann/json.hpp>

#include "stages/stats/duplicate_kinds.h"
#include "stages/stats/json_read.h"
#include "stages/stats/utf8_prefix.h"

namespace corpusflow {

namespace {

enum class Category { kept, duplicate, reject };

// Ids are unique within a run; parts of a scaled-out run each number their shards from 0, so equal ids
// from different parts are told apart by their source (shard path and member), whatever the merge order.
bool before(const DocumentSample& a, const DocumentSample& b) {
  return std::tie(a.id, a.source) < std::tie(b.id, b.source);
}
bool same(const DocumentSample& a, const DocumentSample& b) { return a.id == b.id && a.source == b.source; }

nlohmann::json sample_json(const DocumentSample& sample, Category category) {
  nlohmann::json json = {{"id", sample.id.str()},          {"source", sample.source},     {"url", sample.url},
                         {"title", sample.title},          {"language", sample.language}, {"text", sample.text},
                         {"text_bytes", sample.text_bytes}};
  if (category == Category::reject) {
    json["reason"] = sample.reason;
    json["detail"] = sample.detail;
  }
  if (category == Category::duplicate) {
    json["duplicate_of"] = sample.duplicate_of.str();
    json["similarity"] = static_cast<double>(sample.similarity);
  }
  return json;
}

nlohmann::json samples_json(const DocumentSamples::Samples& samples, Category category) {
  nlohmann::json json = nlohmann::json::array();
  for (const auto& sample : samples) json.push_back(sample_json(sample, category));
  return json;
}

// Sorted by id, one sample per id and at most `limit`, whatever order a hand-edited file lists them in.
DocumentSamples::Samples samples_from_json(const nlohmann::json& json, Category category, const std::string& path,
                                           size_t limit) {
  using namespace json_read;
  if (!json.is_array()) throw StatsFormatError("'" + path + "' is not an array");
  DocumentSamples::Samples samples;
  for (const auto& entry : json) {
    const std::string at = path + "[]";
    DocumentSample sample;
    sample.id = document_id_at(entry, "id", at);
    sample.source = string_at(entry, "source", at);
    sample.url = string_at(entry, "url", at);
    sample.title = string_at(entry, "title", at);
    sample.language = string_at(entry, "language", at);
    sample.text = string_at(entry, "text", at);
    sample.text_bytes = unsigned_at(entry, "text_bytes", at);
    if (category == Category::reject) {
      sample.reason = string_at(entry, "reason", at);
      sample.detail = string_at(entry, "detail", at);
    }
    if (category == Category::duplicate) {
      sample.duplicate_of = document_id_at(entry, "duplicate_of", at);
      sample.similarity = static_cast<float>(number_at(entry, "similarity", at));
    }
    samples.push_back(std::move(sample));
  }
  std::sort(samples.begin(), samples.end(), before);
  samples.erase(std::unique(samples.begin(), samples.end(), same), samples.end());
  if (samples.size() > limit) samples.resize(limit);
  return samples;
}

}  // namespace

void DocumentSamples::add(const Document& doc, std::string_view reject_reason) {
  switch (doc.outcome) {
    case Outcome::kept: offer(kept_, doc, {}); break;
    case Outcome::duplicate: offer(duplicates_[duplicate_kind_index(doc.duplicate_kind)], doc, {}); break;
    case Outcome::rejected: {
      auto it = rejects_.find(reject_reason);
      if (it == rejects_.end()) it = rejects_.emplace(std::string(reject_reason), Samples{}).first;
      offer(it->second, doc, reject_reason);
      break;
    }
    case Outcome::filtered: {
      const std::string_view rule = doc.filter_rule == nullptr ? "" : doc.filter_rule;
      auto it = filtered_.find(rule);
      if (it == filtered_.end()) it = filtered_.emplace(std::string(rule), Samples{}).first;
      offer(it->second, doc, rule);
      break;
    }
  }
}

void DocumentSamples::offer(Samples& samples, const Document& doc, std::string_view reject_reason) const {
  const bool full = samples.size() >= per_category_;
  if (full && (samples.empty() || samples.back().id < doc.id)) return;
  DocumentSample sample;
  sample.id = doc.id;
  sample.source = utf8_prefix(doc.source, kFieldBytes);
  sample.url = utf8_prefix(doc.url, kFieldBytes);
  sample.title = utf8_prefix(doc.title, kFieldBytes);
  sample.language = utf8_prefix(doc.language, kFieldBytes);
  sample.text = utf8_prefix(doc.text, kTextBytes);
  sample.text_bytes = doc.text.size();
  if (doc.outcome == Outcome::rejected) {
    sample.reason = std::string(reject_reason);
    sample.detail = utf8_prefix(doc.reject_detail, kFieldBytes);
  }
  if (doc.outcome == Outcome::filtered) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "value %.4g, limit %.4g", doc.filter_value, doc.filter_limit);
    sample.reason = std::string(reject_reason);
    sample.detail = detail;
  }
  if (doc.outcome == Outcome::duplicate) {
    sample.duplicate_of = doc.duplicate_of;
    sample.similarity = doc.similarity;
  }
  auto at = std::lower_bound(samples.begin(), samples.end(), sample, before);
  if ((at != samples.end() && same(*at, sample)) || (full && at == samples.end())) return;
  samples.insert(at, std::move(sample));
  if (samples.size() > per_category_) samples.pop_back();
}

void DocumentSamples::merge_into(Samples& into, const Samples& from) const {
  Samples merged;
  merged.reserve(std::min(into.size() + from.size(), per_category_));
  auto a = into.begin();
  auto b = from.begin();
  while (merged.size() < per_category_ && (a != into.end() || b != from.end())) {
    if (b == from.end() || (a != into.end() && !before(*b, *a))) {
      if (b != from.end() && same(*a, *b)) ++b;
      merged.push_back(std::move(*a++));
    } else {
      merged.push_back(*b++);
    }
  }
  into = std::move(merged);
}

void DocumentSamples::merge(const DocumentSamples& other) {
  merge_into(kept_, other.kept_);
  for (size_t k = 0; k < duplicates_.size(); ++k) merge_into(duplicates_[k], other.duplicates_[k]);
  for (const auto& [reason, samples] : other.rejects_) merge_into(rejects_[reason], samples);
  for (const auto& [rule, samples] : other.filtered_) merge_into(filtered_[rule], samples);
}

const DocumentSamples::Samples& DocumentSamples::duplicates(DuplicateKind kind) const {
  return duplicates_[duplicate_kind_index(kind)];
}

nlohmann::json DocumentSamples::to_json() const {
  nlohmann::json duplicates = nlohmann::json::object();
  for (DuplicateKind kind : kDuplicateKinds) {
    duplicates[to_string(kind)] = samples_json(duplicates_[duplicate_kind_index(kind)], Category::duplicate);
  }
  nlohmann::json rejects = nlohmann::json::object();
  for (const auto& [reason, samples] : rejects_) rejects[reason] = samples_json(samples, Category::reject);
  nlohmann::json filtered = nlohmann::json::object();
  for (const auto& [rule, samples] : filtered_) filtered[rule] = samples_json(samples, Category::reject);
  return {{"per_category", per_category_},
          {"kept", samples_json(kept_, Category::kept)},
          {"duplicates", std::move(duplicates)},
          {"rejects", std::move(rejects)},
          {"filtered", std::move(filtered)}};
}

DocumentSamples DocumentSamples::from_json(const nlohmann::json& json) {
  using namespace json_read;
  const std::string path = "samples";
  DocumentSamples samples(unsigned_at(json, "per_category", path));
  const size_t limit = samples.per_category_;
  samples.kept_ = samples_from_json(member(json, "kept", path), Category::kept, path + ".kept", limit);
  const auto& duplicates = member(json, "duplicates", path);
  for (DuplicateKind kind : kDuplicateKinds) {
    std::string name = to_string(kind);
    samples.duplicates_[duplicate_kind_index(kind)] = samples_from_json(
        member(duplicates, name, path + ".duplicates"), Category::duplicate, path + ".duplicates." + name, limit);
  }
  const auto& rejects = member(json, "rejects", path);
  if (!rejects.is_object()) throw StatsFormatError("'samples.rejects' is not an object");
  for (const auto& [reason, entries] : rejects.items()) {
    samples.rejects_[reason] = samples_from_json(entries, Category::reject, path + ".rejects." + reason, limit);
  }
  // Optional: written before filters existed.
  if (json.contains("filtered") && json["filtered"].is_object()) {
    for (const auto& [rule, entries] : json["filtered"].items()) {
      samples.filtered_[rule] = samples_from_json(entries, Category::reject, path + ".filtered." + rule, limit);
    }
  }
  return samples;
}

}  // namespace corpusflow
