// The normalize stage: cleans a document's title and text for the output, repairs repetition inside it, and
// measures it (script, language, words, chars, lines). One Normalizer per thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "stages/normalize/earlier_line_index.h"
#include "stages/normalize/language_detector.h"
#include "stages/normalize/repetition.h"
#include "stages/normalize/text_cleaner.h"

namespace corpusflow {

struct NormalizeOptions {
  bool remove_tatweel = true;               // drop U+0640 ARABIC TATWEEL from title and text
  bool repair_repetition = true;            // remove a repeated page, repeated runs and long lines, title at top
  bool detect_language = true;              // CLD2; when false, language stays "und" with score 0
  size_t min_repeated_line_chars = 40;      // see RepetitionOptions
  double max_invalid_fraction = 0.2;        // reject as not_utf8 when invalid UTF-8 bytes (for a JSON line that
                                            // parse repaired: its U+FFFD, 3 bytes each) and control characters
                                            // are more than this fraction of the text's bytes
  bool keep_fingerprint_text = true;        // leave Document::fingerprint_text for dedup (off when dedup is)
  LanguageSampling language_sampling = {};  // how much of the text CLD2 reads (docs/normalize.md)
};

class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  // Normalizes doc.title and doc.text in place (see clean_text() and remove_repetition()); sets doc.script,
  // language, language_score, words (tokens of the text's fingerprint text), chars (code points of text),
  // lines (non-empty lines of text), doc.normalize and (keep_fingerprint_text) doc.fingerprint_text. Rejects with
  // reason "not_utf8" a text that is mostly invalid bytes or controls (binary), and with "empty" one with no text left.
  // Skips rejected documents.
  void normalize(Document& doc);

 private:
  void normalize_document(Document& doc);

  NormalizeOptions options_;
  std::string cleaned_;
  std::string fingerprint_;
  std::vector<TextLine> lines_;
  std::string line_fingerprints_;                // every line's fingerprint text, end to end
  std::vector<uint32_t> line_fingerprint_ends_;  // per line of lines_: its end in line_fingerprints_
  RepetitionScratch repetition_scratch_;
  EarlierLineIndex earlier_lines_;
};

}  // namespace corpusflow
