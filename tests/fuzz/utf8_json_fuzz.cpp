// Fuzz target: UTF-8 repair and JSON escaping. Repaired text is valid UTF-8 and equals the input when the input
// was valid; the per-sequence functions agree with a plain reference decoder; the escaped string parses back
// (nlohmann) to the repaired text.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/json_escape.h"
#include "core/utf8.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

// Length of the well-formed sequence at text[0] per Unicode table 3-7, 0 when ill-formed. Slow and plain.
size_t reference_sequence_length(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead == 0xE0)
    length = 3, low = 0xA0;
  else if (lead >= 0xE1 && lead <= 0xEC)
    length = 3;
  else if (lead == 0xED)
    length = 3, high = 0x9F;
  else if (lead >= 0xEE && lead <= 0xEF)
    length = 3;
  else if (lead == 0xF0)
    length = 4, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3)
    length = 4;
  else if (lead == 0xF4)
    length = 4, high = 0x8F;
  else
    return 0;
  if (text.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  bool reference_valid = true;
  for (size_t i = 0; i < input.size();) {
    const std::string_view rest = input.substr(i);
    const size_t length = reference_sequence_length(rest);
    FUZZ_CHECK(corpusflow::valid_utf8_sequence_length(rest) == length, "sequence length differs from Unicode's");
    if (length == 0) {
      reference_valid = false;
      const size_t invalid = corpusflow::invalid_utf8_subsequence_length(rest);
      FUZZ_CHECK(invalid >= 1 && invalid <= rest.size() && invalid <= 3, "bad maximal subpart length");
      i += 1;
    } else {
      i += length;
    }
  }
  FUZZ_CHECK(corpusflow::is_valid_utf8(input) == reference_valid, "is_valid_utf8 differs from Unicode's");

  std::string repaired;
  const size_t replaced = corpusflow::append_repaired_utf8(input, repaired);
  FUZZ_CHECK(corpusflow::is_valid_utf8(repaired), "repaired text is not valid UTF-8");
  FUZZ_CHECK((replaced == 0) == reference_valid, "replacement count disagrees with validity");
  if (reference_valid) FUZZ_CHECK(repaired == input, "valid text was changed by repair");

  std::string escaped = "prefix";
  corpusflow::append_json_string(escaped, input);
  FUZZ_CHECK(escaped.starts_with("prefix\""), "append_json_string replaced what was there");
  const auto parsed = nlohmann::json::parse(std::string_view(escaped).substr(6), nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded() && parsed.is_string(), "escaped text is not a JSON string");
  FUZZ_CHECK(parsed.get<std::string>() == repaired, "escaped text does not parse back to the repaired text");
  std::string scalar = "prefix";
  corpusflow::append_json_string_scalar(scalar, input);
  FUZZ_CHECK(scalar == escaped, "append_json_string differs from its scalar twin");
  return 0;
}
