// Every Unicode scalar value (U+0000..U+10FFFF without surrogates) through clean_text, the whole normalizer
// and fingerprint_text, alone and in the contexts where cleaning interacts with neighbours: between Arabic
// letters, between Latin letters and after a combining mark. No sample of text can cover the input space;
// this does, for single code points in context. Properties: no crash, valid UTF-8 in NFC, idempotence.
#include <malloc.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include "core/utf8.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/normalizer.h"
#include "stages/normalize/text_cleaner.h"

#include "normalize/nfc_check.h"
#include "tests/support/sanitizers.h"

namespace corpusflow {
namespace code_point_sweep {
namespace {

using unicode_oracle::is_nfc;

struct Context {
  const char* name;
  const char* before;
  const char* after;
};

// "after a combining mark": a base letter with U+0301 COMBINING ACUTE, then the code point, so canonical
// reordering and composition with the mark are exercised.
constexpr Context kContexts[] = {
    {"alone", "", ""},
    {"between Arabic letters", "\xd8\xa8", "\xd8\xa8"},  // ب X ب
    {"between Latin letters", "a", "b"},
    {"after a combining mark", "a\xcc\x81", ""},
};

// Test names and failure messages show the context's name, not its bytes.
void PrintTo(const Context& context, std::ostream* out) { *out << context.name; }

std::string encode(UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  return std::string(buffer, static_cast<size_t>(length));
}

std::string hex(UChar32 c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// Failures are collected and reported a few at a time: a broken table would otherwise print a million lines.
class Failures {
 public:
  void add(UChar32 c, const Context& context, const char* property) {
    if (++count_ <= 20) first_ += hex(c) + " " + context.name + ": " + property + "\n";
  }
  void expect_none(const char* what) const {
    EXPECT_EQ(count_, 0u) << what << ": " << count_ << " failures, the first:\n" << first_;
  }

 private:
  size_t count_ = 0;
  std::string first_;
};

// Sanitized builds run the normalizer and the cleaner ~5x slower: there each context takes every 16th code
// point, offset by its index, so every block of the code space still passes under the sanitizers (a quarter of
// its code points). The Release suite runs every code point in every context.
#if defined(CORPUSFLOW_ASAN)
constexpr UChar32 kSanitizedStride = 16;
#else
constexpr UChar32 kSanitizedStride = 1;
#endif

UChar32 context_index(const Context& context) {
  UChar32 index = 0;
  while (kContexts[index].name != context.name) ++index;  // a test parameter is a copy: compare by name
  return index;
}

template <typename Check>
void sweep(const Context& context, Check check, UChar32 stride = 1) {
  std::string text;
  for (UChar32 c = stride == 1 ? 0 : context_index(context) % stride; c <= 0x10FFFF; c += stride) {
    if (U_IS_SURROGATE(c)) continue;
    text.assign(context.before).append(encode(c)).append(context.after);
    check(c, context, text);
  }
}

// One test per context, so CTest runs them side by side.
class CodePointSweep : public testing::TestWithParam<Context> {};

TEST_P(CodePointSweep, CleanTextIsValidNfcAndIdempotent) {
  Failures failures;
  std::string once, twice;
  for (const bool single_line : {false, true}) {
    const CleanOptions options{.remove_tatweel = true, .single_line = single_line};
    sweep(
        GetParam(),
        [&](UChar32 c, const Context& context, const std::string& text) {
          CleanCounts counts;
          clean_text(text, options, once, counts);
          if (!is_valid_utf8(once)) return failures.add(c, context, "output is not valid UTF-8");
          if (!is_nfc(once)) return failures.add(c, context, "output is not NFC");
          clean_text(once, options, twice, counts);
          if (twice != once) failures.add(c, context, "clean_text(clean_text(x)) != clean_text(x)");
        },
        kSanitizedStride);
  }
  failures.expect_none("clean_text");
}

TEST_P(CodePointSweep, FingerprintTextIsIdempotentAndMatchesTheReference) {
  Failures failures;
  std::string once, twice, reference;
  sweep(GetParam(), [&](UChar32 c, const Context& context, const std::string& text) {
    fingerprint_text(text, once);
    if (!is_valid_utf8(once)) return failures.add(c, context, "output is not valid UTF-8");
    fingerprint_text(once, twice);
    if (twice != once) return failures.add(c, context, "fingerprint_text is not idempotent");
    fingerprint_text_reference(text, reference);
    if (reference != once) failures.add(c, context, "fingerprint_text differs from its ICU reference");
  });
  failures.expect_none("fingerprint_text");
}

// The whole stage as the engine runs it (language detection included), on text and title, then again on its
// own output: what comes out once must come out unchanged.
TEST_P(CodePointSweep, NormalizerIsValidNfcAndIdempotent) {
  // CLD2 allocates and frees a 56 KB scoring context per call: without this, glibc returns it to the system
  // each time and the sweep spends most of its time in brk().
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  Failures failures;
  Normalizer normalizer;
  Normalizer without_language({.detect_language = false});  // the language never changes the text
  Document doc, again;
  sweep(
      GetParam(),
      [&](UChar32 c, const Context& context, const std::string& text) {
        doc = Document();
        doc.title = "title " + text;  // not the text's own line, which repetition repair would remove
        doc.text = text;
        normalizer.normalize(doc);
        if (doc.rejected()) {
          if (doc.reject_reason != RejectReason::empty && doc.reject_reason != RejectReason::not_utf8) {
            failures.add(c, context, "rejected for an unexpected reason");
          }
          return;
        }
        for (const std::string* field : {&doc.text, &doc.title, &doc.fingerprint_text}) {
          if (!is_valid_utf8(*field)) return failures.add(c, context, "a field is not valid UTF-8");
        }
        if (!is_nfc(doc.text) || !is_nfc(doc.title)) return failures.add(c, context, "text or title is not NFC");
        if (doc.fingerprint_text != fingerprint_text(doc.text)) {
          return failures.add(c, context, "the fingerprint text handed to dedup is not fingerprint_text(text)");
        }
        again = Document();
        again.title = doc.title;
        again.text = doc.text;
        without_language.normalize(again);
        if (again.rejected() || again.text != doc.text || again.title != doc.title) {
          failures.add(c, context, "normalize(normalize(x)) != normalize(x)");
        }
      },
      kSanitizedStride);
  failures.expect_none("normalizer");
}

INSTANTIATE_TEST_SUITE_P(Contexts, CodePointSweep, testing::ValuesIn(kContexts),
                         [](const testing::TestParamInfo<Context>& info) {
                           std::string name;
                           for (const char* c = info.param.name; *c != '\0'; ++c) {
                             if (*c != ' ') name += *c;
                           }
                           return name;
                         });

}  // namespace
}  // namespace code_point_sweep
}  // namespace corpusflow
