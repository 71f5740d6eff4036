// Fuzz target: clean_text over arbitrary bytes (first byte: bit 0 remove_tatweel, bit 1 single_line). The output
// keeps every promise of text_cleaner.h (valid UTF-8, NFC, no controls or junk, trimmed lines, ...), cleaning it
// again changes nothing and finds nothing to repair, the counts add up, and the scalar twin agrees.
#include <string>
#include <string_view>

#include "stages/normalize/text_cleaner.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/text_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const corpusflow::CleanOptions options{.remove_tatweel = (control & 1) != 0, .single_line = (control & 2) != 0};
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);

  std::string out = "left over";
  corpusflow::CleanCounts counts;
  corpusflow::clean_text(input, options, out, counts);
  corpusflow::fuzz::check_cleaned(out, options);
  FUZZ_CHECK((counts.utf8_repairs == 0) == corpusflow::is_valid_utf8(input), "repairs disagree with validity");
  FUZZ_CHECK(counts.invalid_bytes >= counts.utf8_repairs && counts.invalid_bytes <= input.size(),
             "invalid byte count out of range");
  if (counts.utf8_repairs > 0) {
    FUZZ_CHECK(counts.first_invalid_offset < input.size(), "first invalid offset out of range");
    FUZZ_CHECK(static_cast<unsigned char>(input[counts.first_invalid_offset]) >= 0x80,
               "first invalid offset is at an ASCII byte");
    FUZZ_CHECK(corpusflow::is_valid_utf8(input.substr(0, counts.first_invalid_offset)),
               "invalid UTF-8 before the first invalid offset");
  }

  std::string scalar;
  corpusflow::CleanCounts scalar_counts;
  corpusflow::clean_text_scalar(input, options, scalar, scalar_counts);
  FUZZ_CHECK(scalar == out, "clean_text differs from its scalar twin");
  FUZZ_CHECK(scalar_counts.utf8_repairs == counts.utf8_repairs && scalar_counts.invalid_bytes == counts.invalid_bytes &&
                 scalar_counts.controls_removed == counts.controls_removed &&
                 scalar_counts.tatweel_removed == counts.tatweel_removed &&
                 scalar_counts.first_invalid_offset == counts.first_invalid_offset,
             "clean_text counts differ from its scalar twin");

  std::string again;
  corpusflow::CleanCounts again_counts;
  corpusflow::clean_text(out, options, again, again_counts);
  FUZZ_CHECK(again == out, "clean_text is not idempotent");
  FUZZ_CHECK(again_counts.utf8_repairs == 0 && again_counts.controls_removed == 0 && again_counts.tatweel_removed == 0,
             "cleaned text still had something to remove");

  // The same text cleaned into a reused buffer gives the same result.
  corpusflow::CleanCounts reused_counts;
  corpusflow::clean_text(input, options, again, reused_counts);
  FUZZ_CHECK(again == out, "clean_text depends on the output buffer's previous content");
  return 0;
}
