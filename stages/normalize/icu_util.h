// Small shared helpers over ICU for the normalize stage: the normalizer singletons and UTF-8 appends.
#pragma once

#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/umachine.h>

namespace corpusflow::icu_util {

// ICU's Normalizer2 singletons (immutable, thread-safe). Throw std::runtime_error when ICU data is missing.
const icu::Normalizer2& nfc();
const icu::Normalizer2& nfkc();
const icu::Normalizer2& nfkc_casefold_decompose();  // "nfkc_cf" in UNORM2_DECOMPOSE mode
const icu::Normalizer2& nfkc_casefold();            // "nfkc_cf" composed

// Appends normalizer(src) to out. src must be valid UTF-8.
void append_normalized(const icu::Normalizer2& normalizer, std::string_view src, std::string& out);

inline void append_utf8(UChar32 c, std::string& out) {
  char buffer[4];
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  int length;
  if (c < 0x800) {
    buffer[0] = static_cast<char>(0xC0 | (c >> 6));
    buffer[1] = static_cast<char>(0x80 | (c & 0x3F));
    length = 2;
  } else if (c < 0x10000) {
    buffer[0] = static_cast<char>(0xE0 | (c >> 12));
    buffer[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buffer[2] = static_cast<char>(0x80 | (c & 0x3F));
    length = 3;
  } else {
    buffer[0] = static_cast<char>(0xF0 | (c >> 18));
    buffer[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    buffer[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buffer[3] = static_cast<char>(0x80 | (c & 0x3F));
    length = 4;
  }
  out.append(buffer, static_cast<size_t>(length));
}

}  // namespace corpusflow::icu_util
