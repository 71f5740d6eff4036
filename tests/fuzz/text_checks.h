// Shared by the text fuzz targets (text_cleaner, normalizer, fingerprint, document_path): the properties that
// clean_text() and fingerprint_text() promise of their output, checked against ICU directly rather than
// through stages/normalize/icu_util.h, so that the oracle does not share the code under test.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/text_cleaner.h"
#include "stages/normalize/tokenizer.h"
#include "tests/fuzz/fuzz_support.h"

namespace corpusflow::fuzz {

inline const icu::Normalizer2& oracle_nfc() {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  FUZZ_CHECK(U_SUCCESS(error) && nfc != nullptr, "ICU NFC unavailable");
  return *nfc;
}

inline const icu::Normalizer2& oracle_nfkc() {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  FUZZ_CHECK(U_SUCCESS(error) && nfkc != nullptr, "ICU NFKC unavailable");
  return *nfkc;
}

// `text` must be valid UTF-8.
inline bool is_nfc(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const bool normalized =
      oracle_nfc().isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), error);
  FUZZ_CHECK(U_SUCCESS(error), "isNormalizedUTF8 failed");
  return normalized;
}

inline bool is_line_edge_space(UChar32 c) { return c == ' ' || c == '\t' || u_charType(c) == U_SPACE_SEPARATOR; }

// What clean_text() promises of its output (text_cleaner.h), one check per promise.
inline void check_cleaned(std::string_view out, const CleanOptions& options) {
  FUZZ_CHECK(is_valid_utf8(out), "cleaned text is not valid UTF-8");
  FUZZ_CHECK(is_nfc(out), "cleaned text is not NFC");
  FUZZ_CHECK(out.find('\r') == std::string_view::npos, "cleaned text holds a CR");
  FUZZ_CHECK(out.find("  ") == std::string_view::npos, "cleaned text holds two ASCII spaces in a row");
  FUZZ_CHECK(out.find("\n\n\n") == std::string_view::npos, "cleaned text holds two blank lines in a row");
  FUZZ_CHECK(!out.starts_with('\n') && !out.ends_with('\n'), "cleaned text starts or ends with a line break");
  if (options.single_line) FUZZ_CHECK(out.find('\n') == std::string_view::npos, "a single-line text has a LF");
  const char* data = out.data();
  const auto n = static_cast<int32_t>(out.size());
  bool line_start = true;
  UChar32 previous = '\n';
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(data, i, n, c);
    FUZZ_CHECK(c >= 0, "invalid UTF-8 in cleaned text");
    if (c == '\n') {
      FUZZ_CHECK(!is_line_edge_space(previous), "a line ends with whitespace");
      line_start = true;
      previous = c;
      continue;
    }
    if (line_start) FUZZ_CHECK(!is_line_edge_space(c), "a line starts with whitespace");
    line_start = false;
    FUZZ_CHECK(c == '\t' || (c >= 0x20 && c != 0x7F), "a C0 control or DEL left");
    FUZZ_CHECK(c < 0x80 || c > 0x9F, "a C1 control left");
    FUZZ_CHECK(c != 0xFEFF && c != 0x200B && (c < 0x2060 || c > 0x2064) && c != 0xAD && c != 0x180E,
               "BOM or zero-width junk left");
    FUZZ_CHECK(c != 0x2028 && c != 0x2029, "a Unicode line or paragraph separator left");
    if (options.remove_tatweel) FUZZ_CHECK(c != 0x0640, "a tatweel left");
    if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)) {
      icu::UnicodeString decomposition;
      FUZZ_CHECK(!oracle_nfkc().getDecomposition(c, decomposition), "a presentation form that NFKC changes left");
    }
    previous = c;
  }
  FUZZ_CHECK(!is_line_edge_space(previous), "the text ends with whitespace");
}

// What fingerprint_text() promises (fingerprint_text.h): valid UTF-8, NFC, single spaces, trimmed, idempotent,
// equal to the ICU-only reference.
inline void check_fingerprint_text(std::string_view input, std::string_view fingerprint) {
  FUZZ_CHECK(is_valid_utf8(fingerprint), "fingerprint text is not valid UTF-8");
  FUZZ_CHECK(is_nfc(fingerprint), "fingerprint text is not NFC");
  FUZZ_CHECK(fingerprint.find("  ") == std::string_view::npos, "fingerprint text holds two spaces in a row");
  FUZZ_CHECK(!fingerprint.starts_with(' ') && !fingerprint.ends_with(' '), "fingerprint text is not trimmed");
  std::string again;
  fingerprint_text(fingerprint, again);
  FUZZ_CHECK(again == fingerprint, "fingerprint_text is not idempotent");
  std::string reference;
  fingerprint_text_reference(input, reference);
  FUZZ_CHECK(reference == fingerprint, "fingerprint_text differs from fingerprint_text_reference");
  std::vector<std::string_view> tokens;
  tokenize(fingerprint, tokens);
  FUZZ_CHECK(count_tokens(fingerprint) == tokens.size(), "count_tokens differs from tokenize");
  for (std::string_view token : tokens) {
    FUZZ_CHECK(!token.empty() && token.find(' ') == std::string_view::npos, "an empty token or one with a space");
  }
}

}  // namespace corpusflow::fuzz
