#include "stages/normalize/text_cleaner.h"

#include <array>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "stages/normalize/icu_util.h"

namespace corpusflow {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;
constexpr UChar32 kPresentationA = 0xFB50, kPresentationAEnd = 0xFDFF;
constexpr UChar32 kPresentationB = 0xFE70, kPresentationBEnd = 0xFEFE;

bool is_presentation_form(UChar32 c) {
  return (c >= kPresentationA && c <= kPresentationAEnd) || (c >= kPresentationB && c <= kPresentationBEnd);
}

// NFKC of each Arabic presentation form, computed once.
class PresentationForms {
 public:
  PresentationForms() {
    std::string src;
    for (UChar32 c = kPresentationA; c <= kPresentationBEnd; ++c) {
      if (!is_presentation_form(c)) continue;
      src.clear();
      icu_util::append_utf8(c, src);
      icu_util::append_normalized(icu_util::nfkc(), src, forms_[index(c)]);
    }
  }
  const std::string& operator[](UChar32 c) const { return forms_[index(c)]; }

 private:
  static size_t index(UChar32 c) { return static_cast<size_t>(c - kPresentationA); }
  std::array<std::string, kPresentationBEnd - kPresentationA + 1> forms_;
};

const PresentationForms& presentation_forms() {
  static const std::unique_ptr<PresentationForms> forms = std::make_unique<PresentationForms>();
  return *forms;
}

// A valid code point at or above U+0080 that is written as it is: not a control, junk, tatweel, line break,
// space or presentation form.
bool is_plain(UChar32 c) {
  if (c < 0x1680) return c > 0xA0 && c != 0xAD && c != 0x0640;
  if (c < 0x3001) {
    return c != 0x1680 && c != 0x180E && (c < 0x2000 || c > 0x200B) && c != 0x2028 && c != 0x2029 && c != 0x202F &&
           (c < 0x205F || c > 0x2064) && c != 0x3000;
  }
  return !is_presentation_form(c) && c != 0xFEFF;
}

// Per BMP code point: its canonical combining class, whether it may change under NFC (NFC_Quick_Check No
// or Maybe), and whether it is plain.
class NfcQuickCheck {
 public:
  NfcQuickCheck() {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      const auto quick_check = static_cast<UNormalizationCheckResult>(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK));
      entries_[static_cast<size_t>(c)] =
          static_cast<uint16_t>(u_getCombiningClass(c) | (quick_check == UNORM_YES ? 0 : kUnsure) |
                                (c >= 0x80 && !U_IS_SURROGATE(c) && is_plain(c) ? kPlain : 0));
    }
  }
  static constexpr uint16_t kUnsure = 0x100;
  static constexpr uint16_t kPlain = 0x200;  // see is_plain()
  uint16_t operator[](UChar32 c) const { return entries_[static_cast<size_t>(c)]; }

 private:
  std::array<uint16_t, 0x10000> entries_;
};

const NfcQuickCheck& nfc_quick_check() {
  static const std::unique_ptr<NfcQuickCheck> table = std::make_unique<NfcQuickCheck>();
  return *table;
}

bool is_removed_junk(UChar32 c) {
  return (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xAD || c == 0x180E || c == 0x200B ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

bool is_line_break(UChar32 c) { return c == 0x85 || c == 0x2028 || c == 0x2029; }

bool is_unicode_space(UChar32 c) {
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Builds the output line by line: whitespace is held back until a visible character follows it on the same
// line, line breaks until the next line has content.
class LineWriter {
 public:
  LineWriter(std::string& out, bool single_line) : out_(out), single_line_(single_line) {}

  void space() {
    if (!pending_space_.empty() && pending_space_.back() == ' ') return;
    pending_space_.push_back(' ');
  }
  void whitespace(const char* bytes, size_t length) { pending_space_.append(bytes, length); }
  void line_break() {
    if (single_line_) {
      space();
      return;
    }
    pending_space_.clear();
    if (line_has_content_ || pending_breaks_ > 0) ++pending_breaks_;
    line_has_content_ = false;
  }
  void visible(const char* bytes, size_t length) {
    if (!line_has_content_) {
      pending_space_.clear();
      if (!out_.empty()) out_.append(pending_breaks_ > 1 ? "\n\n" : "\n");
      pending_breaks_ = 0;
      line_has_content_ = true;
    } else if (!pending_space_.empty()) {
      out_ += pending_space_;
      pending_space_.clear();
    }
    out_.append(bytes, length);
  }
  void visible(char ch) { visible(&ch, 1); }
  void visible_code_point(UChar32 c) {
    char buffer[4];
    size_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    visible(buffer, length);
  }

 private:
  std::string& out_;
  bool single_line_;
  std::string pending_space_;
  int pending_breaks_ = 0;
  bool line_has_content_ = false;
};

void write_code_point(UChar32 c, const char* bytes, size_t length, const CleanOptions& options, LineWriter& writer,
                      CleanCounts& counts);

void write_presentation_form(UChar32 c, const CleanOptions& options, LineWriter& writer, CleanCounts& counts) {
  const std::string& form = presentation_forms()[c];
  for (int32_t i = 0, n = static_cast<int32_t>(form.size()); i < n;) {
    const int32_t start = i;
    UChar32 d;
    U8_NEXT_UNSAFE(form.data(), i, d);
    const auto length = static_cast<size_t>(i - start);
    // A form whose NFKC is itself (U+FD3E ORNATE PARENTHESIS, U+FDFD, noncharacters, unassigned code points)
    // is written as it is: NFKC is idempotent, so nothing in `form` needs replacing again.
    if (is_presentation_form(d)) {
      writer.visible(form.data() + start, length);
    } else {
      write_code_point(d, form.data() + start, length, options, writer, counts);
    }
  }
}

// A code point at or above U+0080.
void write_code_point(UChar32 c, const char* bytes, size_t length, const CleanOptions& options, LineWriter& writer,
                      CleanCounts& counts) {
  if (c < 0x80) {
    if (c == ' ') {
      writer.space();
    } else if (c == '\t') {
      writer.whitespace(bytes, length);
    } else if (c == '\n') {
      writer.line_break();
    } else if (c < 0x20 || c == 0x7F) {
      ++counts.controls_removed;
    } else {
      writer.visible(static_cast<char>(c));
    }
  } else if (is_removed_junk(c)) {
    ++counts.controls_removed;
  } else if (c == 0x0640 && options.remove_tatweel) {
    ++counts.tatweel_removed;
  } else if (is_line_break(c)) {
    writer.line_break();
  } else if (is_unicode_space(c)) {
    writer.whitespace(bytes, length);
  } else if (is_presentation_form(c)) {
    write_presentation_form(c, options, writer, counts);
  } else {
    writer.visible(bytes, length);
  }
}

}  // namespace

void clean_text(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts) {
  out.clear();
  out.reserve(text.size());
  const NfcQuickCheck& quick_check = nfc_quick_check();
  LineWriter writer(out, options.single_line);
  const char* data = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  // NFC is certain when every code point written as it is passes the quick check in canonical order and
  // nothing else at or above U+0300 was met; otherwise ICU decides.
  bool nfc_unsure = false;
  bool saw_special = false;
  bool saw_high = false;
  uint16_t last_class = 0;
  int32_t i = 0;
  while (i < n) {
    // The common case: a run of printable ASCII and plain characters, written at once.
    const int32_t run_start = i;
    while (i < n) {
      const auto byte = static_cast<unsigned char>(data[i]);
      if (byte > 0x20 && byte < 0x7F) {
        last_class = 0;
        ++i;
        continue;
      }
      // A single space between two visible characters stays in the run; a space that ends the run is
      // given back below.
      if (byte == ' ' && i > run_start && i + 1 < n && static_cast<unsigned char>(data[i + 1]) > 0x20 &&
          data[i + 1] != 0x7F) {
        last_class = 0;
        ++i;
        continue;
      }
      if (byte < 0x80) break;
      UChar32 c;
      int32_t next = i;
      if (byte >= 0xC2 && byte < 0xE0 && i + 1 < n && (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
        c = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(data[i + 1]) & 0x3F);
        next = i + 2;
      } else {
        U8_NEXT(data, next, n, c);
        if (c < 0) break;
      }
      if (c >= 0x10000) {
        if (!is_plain(c)) break;
        saw_high = true;
        nfc_unsure = true;
        i = next;
        continue;
      }
      const uint16_t entry = quick_check[c];
      if ((entry & NfcQuickCheck::kPlain) == 0) break;
      const uint16_t combining_class = entry & 0xFF;
      if ((entry & NfcQuickCheck::kUnsure) != 0 || (combining_class != 0 && combining_class < last_class)) {
        nfc_unsure = true;
      }
      saw_high |= c >= 0x300;
      last_class = combining_class;
      i = next;
    }
    if (i > run_start && data[i - 1] == ' ') --i;
    if (i > run_start) writer.visible(data + run_start, static_cast<size_t>(i - run_start));
    if (i >= n) break;
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte < 0x80) {
      if (byte == '\r') {
        writer.line_break();
        ++i;
        if (i < n && data[i] == '\n') ++i;
        continue;
      }
      if (byte != ' ' && byte != '\n' && byte != '\t') saw_special = true;
      last_class = 0;
      write_code_point(byte, data + i, 1, options, writer, counts);
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c < 0) {
      if (counts.utf8_repairs == 0) counts.first_invalid_offset = static_cast<uint64_t>(start);
      ++counts.utf8_repairs;
      counts.invalid_bytes += static_cast<uint64_t>(i - start);
      last_class = 0;  // U+FFFD: a starter that passes the quick check
      writer.visible_code_point(kReplacement);
      continue;
    }
    if (c >= 0x300) saw_high = true;
    // The quick check goes on over the code points written. A removed one joins its neighbours (the class
    // before it stays the last); a line break, space or visible tatweel is a starter that combines with
    // nothing, and a space trimmed away leaves a line break or nothing before what follows. The rest
    // (presentation forms, spaces that NFC changes) leave the answer to ICU.
    const bool removed = is_removed_junk(c) || (c == 0x0640 && options.remove_tatweel);
    const bool starter = !removed && (c == 0x0640 || is_line_break(c) ||
                                      (is_unicode_space(c) && (quick_check[c] & NfcQuickCheck::kUnsure) == 0));
    if (!removed && !starter) saw_special = true;
    if (!removed) last_class = 0;
    write_code_point(c, data + start, static_cast<size_t>(i - start), options, writer, counts);
  }
  if (!saw_high || !(nfc_unsure || saw_special)) return;
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = icu_util::nfc();
  if (nfc.isNormalizedUTF8(icu::StringPiece(out.data(), static_cast<int32_t>(out.size())), error) && U_SUCCESS(error)) {
    return;
  }
  std::string composed;
  composed.reserve(out.size());
  icu_util::append_normalized(nfc, out, composed);
  out.swap(composed);
}

}  // namespace corpusflow
