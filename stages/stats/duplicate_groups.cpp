#include "stages/stats/duplicate_groups.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "stages/stats/json_read.h"
#include "stages/stats/utf8_prefix.h"

namespace corpusflow {

namespace {

bool larger(const DuplicateGroup& a, const DuplicateGroup& b) {
  if (a.absorbed != b.absorbed) return a.absorbed > b.absorbed;
  return a.kept < b.kept;
}

void take_sample_if_smaller(DuplicateGroup& group, const DuplicateGroup& other) {
  if (other.absorbed == 0) return;
  if (group.absorbed == 0 || other.sample < group.sample) {
    group.sample = other.sample;
    group.title = other.title;
    group.host = other.host;
  }
}

}  // namespace

void DuplicateGroups::add(const Document& duplicate) {
  auto it = groups_.find(duplicate.duplicate_of);
  if (it == groups_.end()) {
    prune_if_full();
    it = groups_.emplace(duplicate.duplicate_of, DuplicateGroup{}).first;
    it->second.kept = duplicate.duplicate_of;
    it->second.error = error_bound_;
  }
  DuplicateGroup& group = it->second;
  if (group.absorbed == 0 || duplicate.id < group.sample) {
    group.sample = duplicate.id;
    group.title = utf8_prefix(duplicate.title, kSampleTitleBytes);
    group.host = duplicate.host;
  }
  ++group.absorbed;
}

void DuplicateGroups::prune_if_full() {
  if (capacity_ == 0 || groups_.size() < 2 * capacity_) return;
  std::vector<DuplicateGroup> all;
  all.reserve(groups_.size());
  for (auto& [id, group] : groups_) all.push_back(std::move(group));
  std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(capacity_), all.end(), larger);
  for (size_t i = capacity_; i < all.size(); ++i) {
    error_bound_ = std::max(error_bound_, all[i].absorbed + all[i].error);
  }
  all.resize(capacity_);
  groups_.clear();
  for (auto& group : all) groups_.emplace(group.kept, std::move(group));
  pruned_ = true;
}

void DuplicateGroups::merge(const DuplicateGroups& other) {
  for (auto& [id, group] : groups_) {
    if (!other.groups_.contains(id)) group.error += other.error_bound_;
  }
  for (const auto& [id, theirs] : other.groups_) {
    auto it = groups_.find(id);
    if (it != groups_.end()) {
      take_sample_if_smaller(it->second, theirs);
      it->second.absorbed += theirs.absorbed;
      it->second.error += theirs.error;
      continue;
    }
    prune_if_full();
    DuplicateGroup& mine = groups_.emplace(id, theirs).first->second;
    mine.error += error_bound_;
  }
  error_bound_ += other.error_bound_;
  pruned_ = pruned_ || other.pruned_;
  prune_if_full();
}

uint64_t DuplicateGroups::absorbed() const {
  uint64_t total = 0;
  for (const auto& [id, group] : groups_) total += group.absorbed;
  return total;
}

std::vector<DuplicateGroup> DuplicateGroups::largest(size_t limit) const {
  std::vector<DuplicateGroup> all;
  all.reserve(groups_.size());
  for (const auto& [id, group] : groups_) all.push_back(group);
  std::sort(all.begin(), all.end(), larger);
  if (limit != 0 && all.size() > limit) all.resize(limit);
  return all;
}

LogHistogram DuplicateGroups::size_histogram() const {
  LogHistogram histogram;
  for (const auto& [id, group] : groups_) histogram.add(group.absorbed + 1);
  return histogram;
}

nlohmann::json DuplicateGroups::to_json(size_t largest_limit) const {
  nlohmann::json largest_json = nlohmann::json::array();
  for (const auto& group : largest(largest_limit)) {
    nlohmann::json entry = {{"id", group.kept.str()},
                            {"absorbed", group.absorbed},
                            {"sample", group.sample.str()},
                            {"title", group.title},
                            {"host", group.host}};
    if (group.error != 0) entry["error"] = group.error;
    largest_json.push_back(std::move(entry));
  }
  std::vector<const DuplicateGroup*> by_id;
  by_id.reserve(groups_.size());
  for (const auto& [id, group] : groups_) by_id.push_back(&group);
  std::sort(by_id.begin(), by_id.end(), [](auto* a, auto* b) { return a->kept < b->kept; });
  nlohmann::json tracked = nlohmann::json::array();
  for (const auto* group : by_id) {
    tracked.push_back({group->kept.shard, group->kept.record, group->absorbed, group->error});
  }
  return {
      {"groups", groups_.size()},
      {"absorbed", absorbed()},
      {"exact", !pruned_},
      {"error_bound", error_bound_},
      {"size_histogram", size_histogram().to_json()},
      {"largest", std::move(largest_json)},
      {"tracked", std::move(tracked)},
  };
}

DuplicateGroups DuplicateGroups::from_json(const nlohmann::json& json, size_t capacity) {
  using namespace json_read;
  const std::string path = "duplicate_groups";
  DuplicateGroups groups(capacity);
  const auto& exact = member(json, "exact", path);
  if (!exact.is_boolean()) throw StatsFormatError("'duplicate_groups.exact' is not a boolean");
  groups.pruned_ = !exact.get<bool>();
  groups.error_bound_ = unsigned_at(json, "error_bound", path);
  const auto& tracked = member(json, "tracked", path);
  if (!tracked.is_array()) throw StatsFormatError("'duplicate_groups.tracked' is not an array");
  for (const auto& row : tracked) {
    if (!row.is_array() || row.size() != 4) {
      throw StatsFormatError("'duplicate_groups.tracked' holds an entry that is not [shard, record, absorbed, error]");
    }
    DuplicateGroup group;
    uint64_t shard = as_unsigned(row[0], path + ".tracked[shard]");
    if (shard > UINT32_MAX) throw StatsFormatError("'duplicate_groups.tracked' has a shard index out of range");
    group.kept = DocumentId{static_cast<uint32_t>(shard), as_unsigned(row[1], path + ".tracked[record]")};
    group.absorbed = as_unsigned(row[2], path + ".tracked[absorbed]");
    group.error = as_unsigned(row[3], path + ".tracked[error]");
    // Without a sample the group ranks after any group that has one in a later merge.
    group.sample = DocumentId{UINT32_MAX, UINT64_MAX};
    groups.groups_[group.kept] = std::move(group);
  }
  const auto& largest = member(json, "largest", path);
  if (!largest.is_array()) throw StatsFormatError("'duplicate_groups.largest' is not an array");
  for (const auto& entry : largest) {
    DocumentId id = document_id_at(entry, "id", path + ".largest");
    auto it = groups.groups_.find(id);
    if (it == groups.groups_.end()) {
      throw StatsFormatError("'duplicate_groups.largest' names " + id.str() + ", which is not tracked");
    }
    it->second.sample = document_id_at(entry, "sample", path + ".largest");
    it->second.title = string_at(entry, "title", path + ".largest");
    it->second.host = string_at(entry, "host", path + ".largest");
  }
  return groups;
}

bool DuplicateGroups::operator==(const DuplicateGroups& other) const {
  return groups_ == other.groups_ && pruned_ == other.pruned_ && error_bound_ == other.error_bound_;
}

}  // namespace corpusflow
