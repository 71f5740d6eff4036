#include "stages/normalize/language_detector.h"

#include <cstring>

#include <cld2/public/compact_lang_det.h>

namespace CLD2 {
const char* LanguageCode(Language lang);  // cld2/internal/lang_script.h, exported by libcld2
}

namespace corpusflow {
namespace {

// CLD2 still writes a few codes that BCP 47 has retired.
std::string bcp47(const char* code) {
  if (std::strcmp(code, "iw") == 0) return "he";
  if (std::strcmp(code, "jw") == 0) return "jv";
  if (std::strcmp(code, "in") == 0) return "id";
  if (std::strcmp(code, "mo") == 0) return "ro";
  return code;
}

}  // namespace

LanguageGuess detect_language(std::string_view utf8_text, size_t max_bytes) {
  if (max_bytes != 0 && utf8_text.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8_text[cut]) & 0xC0) == 0x80) --cut;
    utf8_text = utf8_text.substr(0, cut);
  }
  CLD2::Language languages[3];
  int percents[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguageSummary(utf8_text.data(), static_cast<int>(utf8_text.size()), /*is_plain_text=*/true,
                                  languages, percents, &text_bytes, &reliable);
  LanguageGuess guess;
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.language = bcp47(CLD2::LanguageCode(language));
  guess.score = static_cast<float>(languages[0] == language ? percents[0] : 0) / 100.0f;
  return guess;
}

}  // namespace corpusflow
