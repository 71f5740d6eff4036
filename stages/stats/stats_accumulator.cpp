#include "stages/stats/stats_accumulator.h"

#include <nlohmann/json.hpp>

#include "stages/stats/duplicate_kinds.h"
#include "stages/stats/json_read.h"

namespace corpusflow {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

double percent(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void add_outcome(OutcomeCounts& counts, const Document& doc) {
  ++counts.documents;
  counts.bytes += doc.raw_bytes;
  counts.text_bytes += doc.text.size();
}

nlohmann::json outcome_json(const OutcomeCounts& counts) {
  return {{"documents", counts.documents}, {"bytes", counts.bytes}, {"text_bytes", counts.text_bytes}};
}

OutcomeCounts outcome_from_json(const nlohmann::json& json, const std::string& path) {
  using namespace json_read;
  return {unsigned_at(json, "documents", path), unsigned_at(json, "bytes", path),
          unsigned_at(json, "text_bytes", path)};
}

void count_key(KeyCounts& counts, const Document& doc) {
  ++counts.documents;
  switch (doc.outcome) {
    case Outcome::kept:
      ++counts.kept;
      counts.words += doc.words;
      counts.chars += doc.chars;
      counts.bytes += doc.text.size();
      break;
    case Outcome::duplicate: ++counts.duplicates; break;
    case Outcome::rejected: ++counts.rejected; break;
    case Outcome::filtered: ++counts.filtered; break;
  }
}

// The one read of Document::reject_reason: the reason's name in stats.json.
std::string_view reject_reason_of(const Document& doc) {
  return doc.reject_reason == RejectReason::none ? StatsAccumulator::kUnknownReason : to_string(doc.reject_reason);
}

}  // namespace

StatsAccumulator::StatsAccumulator(StatsConfig config)
    : config_(config), by_host_(config.host_capacity), groups_(config.group_capacity) {}

std::string_view StatsAccumulator::month_of(std::string_view date) {
  if (date.size() >= 7 && is_digit(date[0]) && is_digit(date[1]) && is_digit(date[2]) && is_digit(date[3]) &&
      date[4] == '-' && is_digit(date[5]) && is_digit(date[6])) {
    int month = (date[5] - '0') * 10 + (date[6] - '0');
    if (month >= 1 && month <= 12 && (date.size() == 7 || date[7] == '-')) return date.substr(0, 7);
  }
  return "unknown";
}

void StatsAccumulator::add(const Document& doc) {
  const std::string_view reason = doc.rejected() ? reject_reason_of(doc) : std::string_view();
  ++documents_;
  raw_bytes_ += doc.raw_bytes;
  if (doc.header_missing) ++header_missing_;
  if (doc.charset_source != CharsetSource::none) {
    ++charset_sources_[to_string(doc.charset_source)];
    ++charsets_[doc.charset];
  }

  const NormalizeCounts& n = doc.normalize;
  normalize_.utf8_repairs += n.utf8_repairs;
  normalize_.controls_removed += n.controls_removed;
  normalize_.tatweel_removed += n.tatweel_removed;
  normalize_.lines_removed += n.lines_removed;
  normalize_.bytes_removed += n.bytes_removed;
  if (n.utf8_repairs != 0) ++normalize_.documents_with_utf8_repairs;
  if (n.lines_removed != 0) ++normalize_.documents_with_lines_removed;

  switch (doc.outcome) {
    case Outcome::kept:
      add_outcome(kept_, doc);
      chars_.add(doc.chars);
      words_.add(doc.words);
      lines_.add(doc.lines);
      break;
    case Outcome::duplicate:
      add_outcome(duplicates_[duplicate_kind_index(doc.duplicate_kind)], doc);
      if (doc.duplicate_kind == DuplicateKind::near) similarity_.add(doc.similarity);
      groups_.add(doc);
      break;
    case Outcome::rejected: {
      auto it = rejects_.find(reason);
      if (it == rejects_.end()) it = rejects_.emplace(std::string(reason), OutcomeCounts{}).first;
      add_outcome(it->second, doc);
      break;
    }
    case Outcome::filtered: add_outcome(filtered_, doc); break;
  }

  count_key(by_language_.at(doc.language), doc);
  count_key(by_script_.at(doc.script), doc);
  count_key(by_host_.at(doc.host.empty() ? kNoHost : std::string_view(doc.host)), doc);
  count_key(by_month_.at(month_of(doc.date)), doc);
  samples_.add(doc, reason);
}

void StatsAccumulator::merge(const StatsAccumulator& other) {
  documents_ += other.documents_;
  raw_bytes_ += other.raw_bytes_;
  header_missing_ += other.header_missing_;
  for (const auto& [source, count] : other.charset_sources_) charset_sources_[source] += count;
  for (const auto& [charset, count] : other.charsets_) charsets_[charset] += count;
  auto add_counts = [](OutcomeCounts& to, const OutcomeCounts& from) {
    to.documents += from.documents;
    to.bytes += from.bytes;
    to.text_bytes += from.text_bytes;
  };
  add_counts(kept_, other.kept_);
  add_counts(filtered_, other.filtered_);
  for (size_t k = 0; k < duplicates_.size(); ++k) add_counts(duplicates_[k], other.duplicates_[k]);
  for (const auto& [reason, counts] : other.rejects_) add_counts(rejects_[reason], counts);
  normalize_.utf8_repairs += other.normalize_.utf8_repairs;
  normalize_.controls_removed += other.normalize_.controls_removed;
  normalize_.tatweel_removed += other.normalize_.tatweel_removed;
  normalize_.lines_removed += other.normalize_.lines_removed;
  normalize_.bytes_removed += other.normalize_.bytes_removed;
  normalize_.documents_with_utf8_repairs += other.normalize_.documents_with_utf8_repairs;
  normalize_.documents_with_lines_removed += other.normalize_.documents_with_lines_removed;
  by_language_.merge(other.by_language_);
  by_script_.merge(other.by_script_);
  by_host_.merge(other.by_host_);
  by_month_.merge(other.by_month_);
  chars_.merge(other.chars_);
  words_.merge(other.words_);
  lines_.merge(other.lines_);
  similarity_.merge(other.similarity_);
  groups_.merge(other.groups_);
  samples_.merge(other.samples_);
}

uint64_t StatsAccumulator::duplicates() const {
  return duplicates_[0].documents + duplicates_[1].documents + duplicates_[2].documents;
}

uint64_t StatsAccumulator::rejected() const {
  uint64_t total = 0;
  for (const auto& [reason, counts] : rejects_) total += counts.documents;
  return total;
}

nlohmann::json StatsAccumulator::to_json() const {
  uint64_t duplicate_bytes = duplicates_[0].bytes + duplicates_[1].bytes + duplicates_[2].bytes;
  uint64_t rejected_bytes = 0;
  nlohmann::json rejects = nlohmann::json::object();
  for (const auto& [reason, counts] : rejects_) {
    rejected_bytes += counts.bytes;
    rejects[reason] = outcome_json(counts);
  }
  nlohmann::json by_kind = nlohmann::json::object();
  for (DuplicateKind kind : kDuplicateKinds)
    by_kind[to_string(kind)] = outcome_json(duplicates_[duplicate_kind_index(kind)]);

  return {
      {"schema", "corpusflow.stats"},
      {"schema_version", kSchemaVersion},
      {"config",
       {{"top_hosts", config_.top_hosts},
        {"host_capacity", config_.host_capacity},
        {"top_groups", config_.top_groups},
        {"group_capacity", config_.group_capacity}}},
      {"documents",
       {{"in", documents_},
        {"kept", kept_.documents},
        {"duplicates", duplicates()},
        {"rejected", rejected()},
        {"filtered", filtered_.documents},
        {"header_missing", header_missing_},
        {"kept_percent", percent(kept_.documents, documents_)},
        {"duplicates_percent", percent(duplicates(), documents_)},
        {"rejected_percent", percent(rejected(), documents_)},
        {"filtered_percent", percent(filtered_.documents, documents_)}}},
      {"bytes",
       {{"in", raw_bytes_},
        {"kept", kept_.bytes},
        {"kept_text", kept_.text_bytes},
        {"duplicates", duplicate_bytes},
        {"rejected", rejected_bytes},
        {"filtered", filtered_.bytes}}},
      {"kept", outcome_json(kept_)},
      {"filtered", outcome_json(filtered_)},
      {"content", {{"words", words_.sum()}, {"chars", chars_.sum()}, {"lines", lines_.sum()}}},
      {"rejects", std::move(rejects)},
      {"duplicates", std::move(by_kind)},
      {"charsets", {{"sources", charset_sources_}, {"used", charsets_}}},
      {"normalize",
       {{"utf8_repairs", normalize_.utf8_repairs},
        {"controls_removed", normalize_.controls_removed},
        {"tatweel_removed", normalize_.tatweel_removed},
        {"lines_removed", normalize_.lines_removed},
        {"bytes_removed", normalize_.bytes_removed},
        {"documents_with_utf8_repairs", normalize_.documents_with_utf8_repairs},
        {"documents_with_lines_removed", normalize_.documents_with_lines_removed}}},
      {"by_language", by_language_.to_json()},
      {"by_script", by_script_.to_json()},
      {"by_month", by_month_.to_json()},
      {"by_host", by_host_.to_json()},
      {"hosts", {{"tracked", by_host_.size()}, {"exact", by_host_.exact()}, {"error_bound", by_host_.error_bound()}}},
      {"lengths", {{"chars", chars_.to_json()}, {"words", words_.to_json()}, {"lines", lines_.to_json()}}},
      {"similarity", similarity_.to_json()},
      {"duplicate_groups", groups_.to_json(config_.top_groups)},
      {"samples", samples_.to_json()},
  };
}

StatsAccumulator StatsAccumulator::from_json(const nlohmann::json& json) {
  using namespace json_read;
  if (!json.is_object()) throw StatsFormatError("stats is not a JSON object");
  if (string_at(json, "schema", "") != "corpusflow.stats") {
    throw StatsFormatError("'schema' is not \"corpusflow.stats\"");
  }
  uint64_t version = unsigned_at(json, "schema_version", "");
  if (version != kSchemaVersion) {
    throw StatsFormatError("schema_version " + std::to_string(version) + " is not supported (this build reads " +
                           std::to_string(kSchemaVersion) + ")");
  }
  const auto& config_json = member(json, "config", "");
  StatsConfig config;
  config.top_hosts = unsigned_at(config_json, "top_hosts", "config");
  config.host_capacity = unsigned_at(config_json, "host_capacity", "config");
  config.top_groups = unsigned_at(config_json, "top_groups", "config");
  config.group_capacity = unsigned_at(config_json, "group_capacity", "config");
  StatsAccumulator stats(config);

  const auto& documents = member(json, "documents", "");
  stats.documents_ = unsigned_at(documents, "in", "documents");
  stats.header_missing_ = unsigned_at(documents, "header_missing", "documents");
  // Optional: a stats.json written before web input existed has none.
  if (json.contains("charsets") && json["charsets"].is_object()) {
    const auto read_counts = [&](const char* key, std::map<std::string, uint64_t, std::less<>>& into) {
      const auto& counts = json["charsets"].value(key, nlohmann::json::object());
      for (const auto& [name, count] : counts.items()) {
        if (count.is_number_unsigned()) into[name] = count.get<uint64_t>();
      }
    };
    read_counts("sources", stats.charset_sources_);
    read_counts("used", stats.charsets_);
  }
  stats.raw_bytes_ = unsigned_at(member(json, "bytes", ""), "in", "bytes");
  stats.kept_ = outcome_from_json(member(json, "kept", ""), "kept");
  // Optional: a stats.json written before filters existed has none.
  if (json.contains("filtered") && json["filtered"].is_object()) {
    stats.filtered_ = outcome_from_json(json["filtered"], "filtered");
  }

  const auto& duplicates = member(json, "duplicates", "");
  for (DuplicateKind kind : kDuplicateKinds) {
    std::string name = to_string(kind);
    stats.duplicates_[duplicate_kind_index(kind)] =
        outcome_from_json(member(duplicates, name, "duplicates"), "duplicates." + name);
  }
  const auto& rejects = member(json, "rejects", "");
  if (!rejects.is_object()) throw StatsFormatError("'rejects' is not an object");
  for (const auto& [reason, counts] : rejects.items()) {
    stats.rejects_[reason] = outcome_from_json(counts, "rejects." + reason);
  }

  const auto& normalize = member(json, "normalize", "");
  stats.normalize_.utf8_repairs = unsigned_at(normalize, "utf8_repairs", "normalize");
  stats.normalize_.controls_removed = unsigned_at(normalize, "controls_removed", "normalize");
  stats.normalize_.tatweel_removed = unsigned_at(normalize, "tatweel_removed", "normalize");
  stats.normalize_.lines_removed = unsigned_at(normalize, "lines_removed", "normalize");
  stats.normalize_.bytes_removed = unsigned_at(normalize, "bytes_removed", "normalize");
  stats.normalize_.documents_with_utf8_repairs = unsigned_at(normalize, "documents_with_utf8_repairs", "normalize");
  stats.normalize_.documents_with_lines_removed = unsigned_at(normalize, "documents_with_lines_removed", "normalize");

  stats.by_language_ = KeyTable::from_json(member(json, "by_language", ""), 0, true, 0, "by_language");
  stats.by_script_ = KeyTable::from_json(member(json, "by_script", ""), 0, true, 0, "by_script");
  stats.by_month_ = KeyTable::from_json(member(json, "by_month", ""), 0, true, 0, "by_month");
  const auto& hosts = member(json, "hosts", "");
  const auto& hosts_exact = member(hosts, "exact", "hosts");
  if (!hosts_exact.is_boolean()) throw StatsFormatError("'hosts.exact' is not a boolean");
  stats.by_host_ = KeyTable::from_json(member(json, "by_host", ""), config.host_capacity, hosts_exact.get<bool>(),
                                       unsigned_at(hosts, "error_bound", "hosts"), "by_host");

  const auto& lengths = member(json, "lengths", "");
  stats.chars_ = LogHistogram::from_json(member(lengths, "chars", "lengths"));
  stats.words_ = LogHistogram::from_json(member(lengths, "words", "lengths"));
  stats.lines_ = LogHistogram::from_json(member(lengths, "lines", "lengths"));
  stats.similarity_ = SimilarityHistogram::from_json(member(json, "similarity", ""));
  stats.groups_ = DuplicateGroups::from_json(member(json, "duplicate_groups", ""), config.group_capacity);
  // Optional: a stats.json written before samples existed merges with none.
  if (json.contains("samples")) stats.samples_ = DocumentSamples::from_json(json["samples"]);
  return stats;
}

bool StatsAccumulator::operator==(const StatsAccumulator& other) const {
  return config_ == other.config_ && documents_ == other.documents_ && raw_bytes_ == other.raw_bytes_ &&
         header_missing_ == other.header_missing_ && charset_sources_ == other.charset_sources_ &&
         charsets_ == other.charsets_ && kept_ == other.kept_ && filtered_ == other.filtered_ &&
         duplicates_ == other.duplicates_ && rejects_ == other.rejects_ && normalize_ == other.normalize_ &&
         by_language_ == other.by_language_ && by_script_ == other.by_script_ && by_host_ == other.by_host_ &&
         by_month_ == other.by_month_ && chars_ == other.chars_ && words_ == other.words_ && lines_ == other.lines_ &&
         similarity_ == other.similarity_ && groups_ == other.groups_ && samples_ == other.samples_;
}

}  // namespace corpusflow
