#include "stages/normalize/language_detector.h"

#include <cstring>
#include <string>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

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

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// The first `max_bytes` of the text (0: all), cut back to a character boundary.
std::string_view prefix(std::string_view text, size_t max_bytes) {
  if (max_bytes == 0 || text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && is_continuation(text[cut])) --cut;
  return text.substr(0, cut);
}

struct Detection {
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;  // UNKNOWN_LANGUAGE when CLD2 is unsure
  int percent = 0;
};

Detection detect(std::string_view text, const std::string& hint) {
  CLD2::Language languages[3];
  int percents[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  if (hint.empty()) {
    language = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()),
                                           /*is_plain_text=*/true, languages, percents, &text_bytes, &reliable);
  } else {
    const CLD2::CLDHints hints{hint.c_str(), nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    double scores[3];
    language = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
                                              &hints, 0, languages, percents, scores, nullptr, &text_bytes, &reliable);
  }
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  return {language, languages[0] == language ? percents[0] : 0};
}

LanguageGuess guess_of(Detection detection) {
  LanguageGuess guess;
  if (detection.language == CLD2::UNKNOWN_LANGUAGE) return guess;
  guess.language = bcp47(CLD2::LanguageCode(detection.language));
  guess.score = static_cast<float>(detection.percent) / 100.0f;
  return guess;
}

}  // namespace

LanguageGuess detect_language(std::string_view utf8_text, size_t max_bytes) {
  return guess_of(detect(prefix(utf8_text, max_bytes), {}));
}

LanguageGuess detect_language(std::string_view utf8_text, const LanguageSampling& sampling,
                              std::string_view language_hint) {
  const std::string hint(language_hint.substr(0, 64));
  const std::string_view sample = prefix(utf8_text, sampling.sample_bytes);
  const size_t window = sampling.window_bytes;
  if (window == 0 || sample.size() <= 2 * window) return guess_of(detect(sample, hint));
  const Detection first = detect(prefix(sample, window), hint);
  if (first.language != CLD2::UNKNOWN_LANGUAGE) {
    size_t middle = sample.size() / 2;
    while (middle < sample.size() && is_continuation(sample[middle])) ++middle;
    const Detection second = detect(prefix(sample.substr(middle), window), hint);
    if (second.language == first.language) return guess_of({first.language, (first.percent + second.percent) / 2});
  }
  return guess_of(detect(sample, hint));
}

}  // namespace corpusflow
