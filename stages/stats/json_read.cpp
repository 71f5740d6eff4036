#include "stages/stats/json_read.h"

#include <charconv>

namespace corpusflow::json_read {

namespace {

std::string join(std::string_view path, std::string_view key) {
  std::string out(path);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

}  // namespace

const nlohmann::json& member(const nlohmann::json& object, std::string_view key, std::string_view path) {
  if (!object.is_object()) {
    throw StatsFormatError("'" + std::string(path.empty() ? "(top level)" : path) + "' is not an object");
  }
  auto it = object.find(key);
  if (it == object.end()) throw StatsFormatError("missing key '" + join(path, key) + "'");
  return *it;
}

uint64_t as_unsigned(const nlohmann::json& value, std::string_view path) {
  if (!value.is_number_unsigned()) {
    if (value.is_number_integer() && value.get<int64_t>() >= 0) return value.get<uint64_t>();
    throw StatsFormatError("'" + std::string(path) + "' is not a non-negative integer");
  }
  return value.get<uint64_t>();
}

uint64_t unsigned_at(const nlohmann::json& object, std::string_view key, std::string_view path) {
  return as_unsigned(member(object, key, path), join(path, key));
}

double number_at(const nlohmann::json& object, std::string_view key, std::string_view path) {
  const auto& value = member(object, key, path);
  if (!value.is_number()) throw StatsFormatError("'" + join(path, key) + "' is not a number");
  return value.get<double>();
}

std::string string_at(const nlohmann::json& object, std::string_view key, std::string_view path) {
  const auto& value = member(object, key, path);
  if (!value.is_string()) throw StatsFormatError("'" + join(path, key) + "' is not a string");
  return value.get<std::string>();
}

DocumentId document_id_at(const nlohmann::json& object, std::string_view key, std::string_view path) {
  const std::string text = string_at(object, key, path);
  DocumentId id;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto colon = text.find(':');
  bool ok = colon != std::string::npos;
  if (ok) {
    auto shard = std::from_chars(begin, begin + colon, id.shard);
    auto record = std::from_chars(begin + colon + 1, end, id.record);
    ok = shard.ec == std::errc() && shard.ptr == begin + colon && record.ec == std::errc() && record.ptr == end;
  }
  if (!ok) throw StatsFormatError("'" + join(path, key) + "': '" + text + "' is not a document id (shard:record)");
  return id;
}

uint64_t unsigned_or(const nlohmann::json& object, std::string_view key, uint64_t fallback, std::string_view path) {
  if (!object.is_object() || !object.contains(key)) return fallback;
  return unsigned_at(object, key, path);
}

}  // namespace corpusflow::json_read
