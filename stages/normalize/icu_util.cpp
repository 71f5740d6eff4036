#include "stages/normalize/icu_util.h"

#include <stdexcept>
#include <string>

#include <unicode/bytestream.h>

namespace corpusflow::icu_util {
namespace {

const icu::Normalizer2& instance(const char* name, UNormalization2Mode mode) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getInstance(nullptr, name, mode, error);
  if (U_FAILURE(error) || normalizer == nullptr) {
    throw std::runtime_error(std::string("ICU normalizer ") + name + " unavailable: " + u_errorName(error));
  }
  return *normalizer;
}

}  // namespace

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& normalizer = instance("nfc", UNORM2_COMPOSE);
  return normalizer;
}

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2& normalizer = instance("nfkc", UNORM2_COMPOSE);
  return normalizer;
}

const icu::Normalizer2& nfkc_casefold_decompose() {
  static const icu::Normalizer2& normalizer = instance("nfkc_cf", UNORM2_DECOMPOSE);
  return normalizer;
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2& normalizer = instance("nfkc_cf", UNORM2_COMPOSE);
  return normalizer;
}

void append_normalized(const icu::Normalizer2& normalizer, std::string_view src, std::string& out) {
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(src.size()));
  UErrorCode error = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, icu::StringPiece(src.data(), static_cast<int32_t>(src.size())), sink, nullptr, error);
  if (U_FAILURE(error)) {
    throw std::runtime_error(std::string("ICU normalizeUTF8 failed: ") + u_errorName(error));
  }
}

}  // namespace corpusflow::icu_util
