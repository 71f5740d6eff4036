#include "engine/report/stats_view.h"

#include <algorithm>

namespace corpusflow::stats_view {

namespace {
const nlohmann::json kNull;
}  // namespace

const nlohmann::json& at(const nlohmann::json& json, std::initializer_list<std::string_view> path) {
  const nlohmann::json* node = &json;
  for (std::string_view key : path) {
    if (!node->is_object()) return kNull;
    auto it = node->find(key);
    if (it == node->end()) return kNull;
    node = &*it;
  }
  return *node;
}

uint64_t count(const nlohmann::json& json, std::initializer_list<std::string_view> path) {
  const auto& value = at(json, path);
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer()) return static_cast<uint64_t>(std::max<int64_t>(0, value.get<int64_t>()));
  if (value.is_number_float()) return static_cast<uint64_t>(std::max(0.0, value.get<double>()));
  return 0;
}

double number(const nlohmann::json& json, std::initializer_list<std::string_view> path) {
  const auto& value = at(json, path);
  return value.is_number() ? value.get<double>() : 0.0;
}

std::string text(const nlohmann::json& json, std::initializer_list<std::string_view> path) {
  const auto& value = at(json, path);
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<std::pair<std::string, const nlohmann::json*>> ranked(const nlohmann::json& table, size_t limit) {
  std::vector<std::pair<std::string, const nlohmann::json*>> entries;
  if (!table.is_object()) return entries;
  for (const auto& [key, value] : table.items()) entries.emplace_back(key, &value);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    uint64_t da = count(*a.second, {"documents"});
    uint64_t db = count(*b.second, {"documents"});
    return da != db ? da > db : a.first < b.first;
  });
  if (limit != 0 && entries.size() > limit) entries.resize(limit);
  return entries;
}

std::string month_label(const std::string& key) { return key == "unknown" ? "no date" : key; }

}  // namespace corpusflow::stats_view
