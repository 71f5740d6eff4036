// Fingerprint text: the key text dedup hashes and shingles, never written to the output.
// A pure function of the output text (DESIGN.md, "Fingerprint text"): NFKC case fold in decomposed form;
// combining marks (Mn, Me), format characters (Cf) and Arabic tatweel dropped; U+0671 ٱ -> ا, U+0649 ى -> ي,
// U+0629 ة -> ه (and أ إ آ -> ا through mark removal); decimal digits of every script -> '0'; punctuation,
// symbols, controls, invalid bytes and whitespace -> one space; the result recomposed (NFC), spaces collapsed
// and trimmed. Idempotent. Thread-safe: ICU normalizers are immutable singletons.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

// Writes the fingerprint text of `text` to `out` (cleared first). Table-driven for the Basic Multilingual
// Plane, ICU for characters whose result depends on their neighbours.
void fingerprint_text(std::string_view text, std::string& out);
std::string fingerprint_text(std::string_view text);

// The same function computed with ICU alone over the whole text: slow, obviously right; the test oracle of
// fingerprint_text().
void fingerprint_text_reference(std::string_view text, std::string& out);

}  // namespace corpusflow
