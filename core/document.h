// Document: one input record as it moves through the stages, from parse to write.
// Plain data shared by stages and engine; no stage logic lives here.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "core/input_fields.h"
#include "core/reject_reason.h"

namespace corpusflow {

// A document's place in the run: `<shard index>:<record index>`, both 0-based in input order (DESIGN.md,
// "Document order and id"). Decisions follow this order; the id users see is Document::id_text.
struct DocumentId {
  uint32_t shard = 0;
  uint64_t record = 0;

  std::string str() const;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 reads the defaulted comparison as a 0 literal
  auto operator<=>(const DocumentId&) const = default;
};

enum class Outcome : uint8_t { kept, duplicate, rejected, filtered };
// Where the charset a page was decoded with came from (stats count each).
enum class CharsetSource : uint8_t {
  none,      // not a web page or file: JSON and scraped pages are UTF-8 by contract
  header,    // the HTTP (or WARC block) Content-Type
  bom,       // a byte order mark
  meta,      // <meta charset> or <meta http-equiv="Content-Type"> in the page's first bytes
  detected,  // nothing declared and the bytes were not UTF-8: ICU's detector
  utf8,      // nothing declared, and the bytes were valid UTF-8
  repaired,  // the declared charset was wrong (valid UTF-8 declared as another, or UTF-8 declared and not valid)
};
const char* to_string(CharsetSource source);

// What `text` holds after parse: plain text, or a page's markup (UTF-8) that the extract stage turns into text.
enum class Markup : uint8_t { none, html };
enum class DuplicateKind : uint8_t { none, exact, url, near };

const char* to_string(DuplicateKind kind);

// What normalize changed inside one document; summed by the stats stage.
struct NormalizeCounts {
  uint32_t utf8_repairs = 0;      // maximal invalid subsequences replaced by U+FFFD
  uint32_t controls_removed = 0;  // C0/C1 controls, BOM and zero-width junk removed
  uint32_t tatweel_removed = 0;
  uint32_t lines_removed = 0;  // repeated lines/blocks removed by repetition repair
  uint64_t bytes_removed = 0;  // bytes of those removed lines
};

// What dedup needs of a document, computed in parallel before the serial decide.
struct Fingerprint {
  uint64_t exact_hash_low = 0;  // 128-bit hash of the fingerprint text
  uint64_t exact_hash_high = 0;
  uint64_t url_hash = 0;  // hash of the normalized URL; meaningful only when has_url
  bool has_url = false;
  bool has_text = false;            // false when the fingerprint text is empty
  std::vector<uint32_t> signature;  // MinHash signature; empty when the text has fewer than n tokens
};

// Where the id users see comes from (docs/formats.md, "Ids").
enum class IdOrigin : uint8_t {
  derived,  // `<shard name>:<record index>`: the input has no id of its own
  input,    // the input's own: a JSONL `id` (string or number), a WARC-Record-ID
};

struct Document {
  DocumentId id;
  std::string source;      // shard path and member name or line number
  uint64_t raw_bytes = 0;  // size of the record as read

  // parse; the ids stage makes id_text unique within the run
  std::string id_text;        // the id users see: a string, or a JSONL id's number as written (id_is_number)
  bool id_is_number = false;  // written as a JSON number, not a string
  IdOrigin id_origin = IdOrigin::derived;
  std::string url;   // as written in the input
  std::string host;  // lower-cased host of url, empty without url
  std::string date;  // as written: a page header's YYYY-MM-DD, a WARC-Date, a JSONL string
  std::string title;
  std::string text;
  InputFields fields;  // a JSON record's other fields, as written (the encoder writes them out)
  Markup markup = Markup::none;
  CharsetSource charset_source = CharsetSource::none;
  std::string charset;          // the charset the page was decoded with (ICU's name), empty for CharsetSource::none
  std::string language_hint;    // the language the page declares (<html lang>), a hint for language ID
  bool header_missing = false;  // a scraped page without its `date YYYY-MM-DD URL` header

  // normalize
  std::string language = "und";  // CLD2 code, `und` when unsure
  float language_score = 0.0f;   // CLD2 percent of the text in `language`, 0..1
  std::string script = "Zyyy";   // ISO 15924 code of the dominant script of the letters
  uint32_t words = 0;
  uint32_t chars = 0;  // code points of text
  uint32_t lines = 0;  // non-empty lines of text
  NormalizeCounts normalize;
  // fingerprint_text(text), which normalize builds from its per-line work when fingerprint_text_ready; the
  // fingerprint stage takes it (and computes it itself when normalize did not run).
  std::string fingerprint_text;
  bool fingerprint_text_ready = false;
  // One key per non-blank line of text, in order: the hash of the line's fingerprint text (0 for a line with
  // none); the boilerplate pass counts them per host. Empty when normalize did not run.
  std::vector<uint64_t> line_keys;

  // filter (outcome == filtered): the first rule the document failed, what it measured and the rule's limit
  const char* filter_rule = nullptr;
  double filter_value = 0.0;
  double filter_limit = 0.0;
  uint32_t boilerplate_lines_removed = 0;  // lines the boilerplate pass took out of text
  uint64_t boilerplate_bytes_removed = 0;
  uint32_t filter_lines_removed = 0;  // lines the C4 line rules took out of text
  uint64_t filter_bytes_removed = 0;

  // fingerprint
  Fingerprint fingerprint;

  // decide
  Outcome outcome = Outcome::kept;
  DuplicateKind duplicate_kind = DuplicateKind::none;
  DocumentId duplicate_of;
  std::string duplicate_of_id;  // the id_text of duplicate_of, as the output names it
  bool duplicate_of_is_number = false;
  float similarity = 0.0f;  // estimated Jaccard for near, 1 for exact and url

  // reject (outcome == rejected)
  RejectReason reject_reason = RejectReason::none;
  std::string reject_detail;  // human-readable context: offset, parser message

  void reject(RejectReason reason, std::string detail) {
    outcome = Outcome::rejected;
    reject_reason = reason;
    reject_detail = std::move(detail);
  }
  bool rejected() const { return outcome == Outcome::rejected; }
  void filter(const char* rule, double value, double limit) {
    outcome = Outcome::filtered;
    filter_rule = rule;
    filter_value = value;
    filter_limit = limit;
  }
  bool filtered() const { return outcome == Outcome::filtered; }
};

}  // namespace corpusflow
