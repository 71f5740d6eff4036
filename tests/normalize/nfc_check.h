// The test oracle for "is in NFC": ICU's own check, independent of the normalizer's quick-check shortcut.
#pragma once

#include <string_view>

#include <unicode/normalizer2.h>

namespace corpusflow::unicode_oracle {

inline bool is_nfc(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  const bool normalized =
      nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), error);
  return U_SUCCESS(error) && normalized;
}

}  // namespace corpusflow::unicode_oracle
