// RejectReason: why a record left the corpus as a reject, one value per class of bad input (docs/formats.md has
// the table). Written to OUT/rejects and stats.json by name.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace corpusflow {

enum class RejectReason : uint8_t { none, io, unsupported, too_large, empty, bad_json, not_utf8, bad_encoding, count };

// The name in the output: "io", "bad_json", ...; "" for none.
std::string_view to_string(RejectReason reason);

// The reason a name stands for, or nothing for a name no reason has.
std::optional<RejectReason> reject_reason_named(std::string_view name);

std::ostream& operator<<(std::ostream& out, RejectReason reason);

}  // namespace corpusflow
