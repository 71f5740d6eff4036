// Checked readers for stats.json values: a missing key or a wrong type throws StatsFormatError naming
// the key's path, so a hand-edited or truncated file gives a precise one-line message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "stages/stats/stats_error.h"

namespace corpusflow::json_read {

const nlohmann::json& member(const nlohmann::json& object, std::string_view key, std::string_view path);
uint64_t unsigned_at(const nlohmann::json& object, std::string_view key, std::string_view path);
double number_at(const nlohmann::json& object, std::string_view key, std::string_view path);
std::string string_at(const nlohmann::json& object, std::string_view key, std::string_view path);
uint64_t as_unsigned(const nlohmann::json& value, std::string_view path);
// A document id written as DocumentId::str() ("shard:record").
DocumentId document_id_at(const nlohmann::json& object, std::string_view key, std::string_view path);
// Optional members: the default when absent; still a type error when present with the wrong type.
uint64_t unsigned_or(const nlohmann::json& object, std::string_view key, uint64_t fallback, std::string_view path);

}  // namespace corpusflow::json_read
