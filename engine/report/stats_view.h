// Tolerant reads of a stats.json for rendering: a missing or mistyped value reads as 0 / "" / empty,
// so the summary and the report render whatever part of the document is there.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace corpusflow::stats_view {

const nlohmann::json& at(const nlohmann::json& json, std::initializer_list<std::string_view> path);
uint64_t count(const nlohmann::json& json, std::initializer_list<std::string_view> path);
double number(const nlohmann::json& json, std::initializer_list<std::string_view> path);
std::string text(const nlohmann::json& json, std::initializer_list<std::string_view> path);

// Entries of a by_* table ({key: {"documents",...}}), by documents descending then key; at most `limit`
// (0: all).
std::vector<std::pair<std::string, const nlohmann::json*>> ranked(const nlohmann::json& table, size_t limit);

// Display name of a by_month key ("2018-03" stays, "unknown" reads "no date").
std::string month_label(const std::string& key);

}  // namespace corpusflow::stats_view
