#include "core/reject_reason.h"

#include <array>
#include <ostream>

namespace corpusflow {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(RejectReason::count)> kNames = {
    "", "io", "unsupported", "too_large", "empty", "bad_json", "not_utf8", "bad_encoding"};

}  // namespace

std::string_view to_string(RejectReason reason) {
  const auto index = static_cast<size_t>(reason);
  return index < kNames.size() ? kNames[index] : std::string_view("unknown");
}

std::optional<RejectReason> reject_reason_named(std::string_view name) {
  for (size_t i = 1; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<RejectReason>(i);
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, RejectReason reason) { return out << to_string(reason); }

}  // namespace corpusflow
