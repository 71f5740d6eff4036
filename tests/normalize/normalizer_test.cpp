#include "stages/normalize/normalizer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"

#include "normalize/nfc_check.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

// The parser's split of a scraped page: header line dropped, title = first non-empty line, text = the rest.
Document scraped_page(const std::string& page) {
  Document doc;
  size_t position = page.find('\n');
  position = position == std::string::npos ? page.size() : position + 1;
  while (position < page.size()) {
    size_t end = page.find('\n', position);
    if (end == std::string::npos) end = page.size();
    if (end > position) {
      doc.title = page.substr(position, end - position);
      doc.text = end < page.size() ? page.substr(end + 1) : "";
      break;
    }
    position = end + 1;
  }
  return doc;
}

std::string golden_path(const std::string& name) {
  return std::string(CORPUSFLOW_SOURCE_DIR) + "/tests/normalize/golden/" + name;
}

// Compares with the checked-in golden file; CORPUSFLOW_UPDATE_GOLDEN=1 rewrites it instead.
void expect_golden(const std::string& name, const std::string& actual) {
  if (std::getenv("CORPUSFLOW_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path(name), std::ios::binary) << actual;
    return;
  }
  std::ifstream in(golden_path(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << golden_path(name);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "golden " << name;
}

Document normalized(std::string text, std::string title = "", NormalizeOptions options = {}) {
  Document doc;
  doc.title = std::move(title);
  doc.text = std::move(text);
  Normalizer normalizer(options);
  normalizer.normalize(doc);
  return doc;
}

TEST(Normalizer, SeedPageComesOutOnceAndClean) {
  Document doc = scraped_page(testing::read_file(testing::sample_path("000_c591a7c62088d57a.txt")));
  Normalizer normalizer;
  normalizer.normalize(doc);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  expect_golden("seed_title.txt", doc.title + "\n");
  expect_golden("seed_text.txt", doc.text + "\n");
  EXPECT_EQ(doc.language, "ar");
  EXPECT_EQ(doc.script, "Arab");
  EXPECT_EQ(doc.lines, 5u);
  EXPECT_EQ(doc.normalize.lines_removed, 7u);
  EXPECT_GT(doc.normalize.bytes_removed, 1500u);
  EXPECT_GT(doc.words, 100u);
}

bool is_valid_utf8(const std::string& text) {
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Normalizes doc, checks the output properties, and that a second pass changes nothing.
void expect_normalized_properties(Normalizer& normalizer, Document& doc, const std::string& what) {
  normalizer.normalize(doc);
  if (doc.rejected()) return;
  ASSERT_TRUE(is_valid_utf8(doc.text)) << what;
  ASSERT_TRUE(is_valid_utf8(doc.title)) << what;
  ASSERT_TRUE(unicode_oracle::is_nfc(doc.text)) << what;
  ASSERT_TRUE(unicode_oracle::is_nfc(doc.title)) << what;
  ASSERT_EQ(doc.words, count_tokens(fingerprint_text(doc.text))) << what;
  // The fingerprint text normalize joins from its lines is the one of the whole output text.
  ASSERT_TRUE(doc.fingerprint_text_ready) << what;
  ASSERT_EQ(doc.fingerprint_text, fingerprint_text(doc.text)) << what;
  Document again;
  again.title = doc.title;
  again.text = doc.text;
  normalizer.normalize(again);
  ASSERT_FALSE(again.rejected()) << what;
  ASSERT_EQ(again.text, doc.text) << what;
  ASSERT_EQ(again.title, doc.title) << what;
  ASSERT_EQ(again.normalize.lines_removed, 0u) << what;
  ASSERT_EQ(again.words, doc.words) << what;
  ASSERT_EQ(again.lines, doc.lines) << what;
  ASSERT_EQ(again.language, doc.language) << what;
  ASSERT_EQ(again.script, doc.script) << what;
}

struct ScriptCase {
  const char* udhr_language;
  const char* language;
  const char* script;
};

const ScriptCase kScriptCases[] = {
    {"ar", "ar", "Arab"}, {"fa", "fa", "Arab"}, {"ru", "ru", "Cyrl"}, {"el-monoton", "el", "Grek"},
    {"he", "he", "Hebr"}, {"hi", "hi", "Deva"}, {"zh", "zh", "Hani"}, {"ja", "ja", "Jpan"},
    {"ko", "ko", "Hang"}, {"th", "th", "Thai"}, {"en", "en", "Latn"}, {"km", "km", "Khmr"},
};

TEST(Normalizer, UdhrScriptsLanguagesAndGoldenOpenings) {
  Normalizer normalizer;
  for (const ScriptCase& c : kScriptCases) {
    const testing::UdhrText& udhr = testing::udhr_language(c.udhr_language);
    Document doc;
    doc.title = udhr.title;
    doc.text = udhr.text;
    expect_normalized_properties(normalizer, doc, c.udhr_language);
    ASSERT_FALSE(doc.rejected()) << c.udhr_language;
    EXPECT_EQ(doc.language, c.language) << c.udhr_language;
    EXPECT_GT(doc.language_score, 0.5f) << c.udhr_language;
    EXPECT_EQ(doc.script, c.script) << c.udhr_language;
    EXPECT_GT(doc.words, 100u) << c.udhr_language;
    EXPECT_GT(doc.lines, 5u) << c.udhr_language;
    // The first lines as written: checked in, read by a person before freezing.
    size_t cut = 0;
    for (int line = 0; line < 4 && cut != std::string::npos; ++line) cut = doc.text.find('\n', cut + 1);
    expect_golden(std::string("udhr_") + c.udhr_language + ".txt", doc.title + "\n\n" + doc.text.substr(0, cut) + "\n");
  }
}

TEST(Normalizer, MixedScriptsGolden) {
  const std::string text =
      "\xEF\xBB\xBF"
      "  بِسْمِ ٱللَّهِ ٱلرَّحْمَـٰنِ ٱلرَّحِيمِ  \r\n"
      "كـــتـــاب جميـــل \ufefb \ufdf2 \ufe8d\ufedf\ufedc\ufe98\ufe8e\ufe8f ٢٠٢٤\r\n"
      "\r\n\r\n\r\n"
      "می\u200cخواهم به خانه بروم\u200b.   Persian ZWNJ stays.\n"
      "Corpusflow يعالج النصوص العربية (Arabic) و English معًا "
      "😀👍🏽👨\u200d👩\u200d👧!\n"
      "Ελληνικά, русский, עברית, हिन्दी, 中文，日本語です。한국어 ภาษาไทย\t\n";
  Document doc = normalized(text, "  عنوان   الصفحة  ");
  ASSERT_FALSE(doc.rejected());
  expect_golden("mixed_scripts.txt", doc.title + "\n\n" + doc.text + "\n");
  EXPECT_EQ(doc.script, "Arab");
  EXPECT_EQ(doc.normalize.tatweel_removed, 10u);
  EXPECT_EQ(doc.normalize.controls_removed, 2u);  // BOM and zero width space
  EXPECT_EQ(doc.normalize.utf8_repairs, 0u);
  EXPECT_NE(doc.text.find("می\u200cخواهم"), std::string::npos);
  EXPECT_NE(doc.text.find("👨\u200d👩\u200d👧"), std::string::npos);
  EXPECT_EQ(doc.text.find('\r'), std::string::npos);
}

TEST(Normalizer, CountsWordsCharsAndLines) {
  const Document doc = normalized("Hello, world!\n\n日本語 text\nمرحبا ١٢");
  EXPECT_EQ(doc.lines, 3u);
  EXPECT_EQ(doc.chars, 32u);
  EXPECT_EQ(doc.words, 2u + 4u + 2u);
  std::vector<std::string_view> tokens;
  EXPECT_EQ(doc.text, "Hello, world!\n\n日本語 text\nمرحبا ١٢");
}

TEST(Normalizer, RejectsEmptyAndWhitespaceOnlyPages) {
  EXPECT_EQ(normalized("").reject_reason, RejectReason::empty);
  EXPECT_EQ(normalized(" \t\r\n\n\u00a0\u3000\u200b\n  ").reject_reason, RejectReason::empty);
  EXPECT_EQ(normalized("\u0640\u0640\u0640").reject_reason, RejectReason::empty);
}

TEST(Normalizer, RejectsBinaryAsNotUtf8) {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 2654435761u) >> 24));
  const Document doc = normalized(binary);
  EXPECT_EQ(doc.reject_reason, RejectReason::not_utf8);
  EXPECT_NE(doc.reject_detail.find("offset"), std::string::npos) << doc.reject_detail;
  EXPECT_EQ(normalized("\xFF\xFE\xFD").reject_reason, RejectReason::not_utf8);
}

TEST(Normalizer, RepairsAFewBadBytesAndNuls) {
  std::string text =
      "Une phrase en fran\xE7"
      "ais, avec un octet Latin-1.\nSecond line";
  text += std::string("\0\0 with NUL bytes\0.", 19);
  const Document doc = normalized(text);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  EXPECT_EQ(doc.text, "Une phrase en fran\uFFFDais, avec un octet Latin-1.\nSecond line with NUL bytes.");
  EXPECT_EQ(doc.normalize.utf8_repairs, 1u);
  EXPECT_EQ(doc.normalize.controls_removed, 3u);
}

TEST(Normalizer, SkipsRejectedDocuments) {
  Document doc;
  doc.text = "  text  ";
  doc.reject(RejectReason::too_large, "cap");
  Normalizer().normalize(doc);
  EXPECT_EQ(doc.text, "  text  ");
  EXPECT_EQ(doc.reject_reason, RejectReason::too_large);
}

TEST(Normalizer, FiftyMegabyteSingleLine) {
  std::string text;
  text.reserve(50u << 20);
  const std::string words[] = {"alpha ", "beta ", "gamma ", "delta ", "كلمة ", "слово "};
  for (size_t i = 0; text.size() < (50u << 20); ++i) text += words[(i * 7 + i / 6) % 6];
  const size_t input_size = text.size();
  Document doc = normalized(std::move(text));
  ASSERT_FALSE(doc.rejected());
  EXPECT_EQ(doc.lines, 1u);
  EXPECT_EQ(doc.text.size(), input_size - 1);  // the trailing space
  EXPECT_GT(doc.words, 7'000'000u);
}

TEST(Normalizer, TitleIsCleanedToOneLine) {
  const Document doc = normalized(std::string(50, 'x'), "  A\r\ntitle\u200b  with\ttab\u0640 ");
  EXPECT_EQ(doc.title, "A title with\ttab");
}

TEST(Normalizer, KeepsTatweelWhenAsked) {
  NormalizeOptions options;
  options.remove_tatweel = false;
  options.detect_language = false;
  const Document doc = normalized("كـــتاب", "", options);
  EXPECT_EQ(doc.text, "كـــتاب");
  EXPECT_EQ(doc.language, "und");
}

// Characters that combine or fold with a neighbour, split by line breaks, blank and punctuation-only lines:
// the fingerprint text joined from lines must equal the one computed over the whole text.
TEST(Normalizer, FingerprintTextAcrossLineBreaks) {
  Normalizer normalizer;
  const char* const texts[] = {
      "\u1100\n\u1161 and more words here",       // Hangul jamo split by a line break
      "e\n\u0301x\n\n\u0301",                     // combining marks opening lines
      "\u0627\n\u0653\u0654 \u0644\u0627",        // Arabic marks after a break
      "!!!\n...\nword\n???\n\n  \nend",           // lines whose fingerprint text is empty
      "A\u030A\nB\uFB01\n\u0661\u0662\n\u00DF",   // decomposed A-ring, ligature, Arabic digits, sharp s
      "\u03A3\n\u03C2\u03C3\n\u1E9E",             // sigmas and capital sharp s
      "\u0E01\u0E33\n\u0E33 \u0E40\u0E01\u0E47",  // Thai sara am at a line start
      "a\n \t \nb\u00A0\u2003c",                  // a line of spaces; non-ASCII spaces inside a line
  };
  for (const char* text : texts) {
    Document doc;
    doc.text = text;
    normalizer.normalize(doc);
    ASSERT_FALSE(doc.rejected()) << text;
    EXPECT_TRUE(doc.fingerprint_text_ready) << text;
    EXPECT_EQ(doc.fingerprint_text, fingerprint_text(doc.text)) << text;
  }
}

TEST(Normalizer, FingerprintTextOnlyWhenKeptAndNeverStale) {
  NormalizeOptions without;
  without.keep_fingerprint_text = false;
  Document doc;
  doc.text = "some words of text";
  Normalizer(without).normalize(doc);
  EXPECT_FALSE(doc.fingerprint_text_ready);
  EXPECT_TRUE(doc.fingerprint_text.empty());

  Normalizer normalizer;
  normalizer.normalize(doc);
  ASSERT_TRUE(doc.fingerprint_text_ready);
  doc.text = "\x01\x02\x03\x04\x05";  // the same document, now binary: rejected, its old fingerprint text gone
  normalizer.normalize(doc);
  EXPECT_EQ(doc.reject_reason, RejectReason::not_utf8);
  EXPECT_FALSE(doc.fingerprint_text_ready);
  EXPECT_TRUE(doc.fingerprint_text.empty());
}

TEST(Normalizer, IdempotentValidNfcOnUdhrAndRandomBytes) {
  Normalizer normalizer;
  for (const testing::UdhrText& udhr : testing::udhr()) {
    Document doc;
    doc.title = udhr.title;
    doc.text = udhr.text;
    expect_normalized_properties(normalizer, doc, udhr.language);
  }
  std::string noise;
  uint64_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    noise.clear();
    for (int i = 0; i < 200; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const auto pick = static_cast<unsigned>(state >> 59);
      static const char* const pieces[] = {
          "a",        " ",      "\n",         "\r",           "\t",       "\xFF",   "\xC3",   "\xA9",
          "\xE2\x80", "é",      "e\u0301",    "\u0640",       "\ufefb",   "\ufe70", "\u200b", "\u200c",
          "x\n\n",    "ب",      "\u064e",     "\u0651",       "\u1100",   "\u1161", "日",     ".",
          "\0",       "\u00a0", "\U0001F600", "\xED\xA0\x80", "\xF4\x90", "A",      "1",      "!"};
      noise += pick == 24 ? std::string(1, '\0') : std::string(pieces[pick]);
    }
    Document doc;
    doc.text = noise;
    expect_normalized_properties(normalizer, doc, "noise round " + std::to_string(round));
  }
}

TEST(Normalizer, AntPagesAreArabicIdempotentAndRepaired) {
  Normalizer normalizer;
  size_t pages = 0;
  size_t arabic = 0;
  size_t arab_script = 0;
  size_t repaired = 0;
  for (int shard = 0; shard < 3; ++shard) {
    for (const std::string& page : testing::ant_pages(shard)) {
      Document doc = scraped_page(page);
      expect_normalized_properties(normalizer, doc, "ant shard " + std::to_string(shard));
      ++pages;
      if (doc.rejected()) continue;
      arabic += doc.language == "ar";
      arab_script += doc.script == "Arab";
      repaired += doc.normalize.lines_removed > 0;
      // No non-blank line of a kept page repeats an earlier one once long lines are considered.
      EXPECT_EQ(doc.text.find(doc.title + "\n"),
                doc.title.size() < 40 ? doc.text.find(doc.title + "\n") : std::string::npos);
    }
  }
  EXPECT_EQ(pages, 3000u);
  EXPECT_GE(arabic, pages * 99 / 100);
  EXPECT_GE(arab_script, pages * 999 / 1000);
  EXPECT_GE(repaired, pages / 2);
}

TEST(Normalizer, OnePerThreadGivesTheSameResults) {
  const std::vector<std::string> pages = testing::ant_pages(1);
  auto run = [&](size_t first, size_t step, std::vector<Document>& out) {
    Normalizer normalizer;
    for (size_t k = first; k < pages.size(); k += step) {
      Document doc = scraped_page(pages[k]);
      normalizer.normalize(doc);
      out.push_back(std::move(doc));
    }
  };
  std::vector<Document> serial;
  run(0, 1, serial);
  std::vector<Document> even;
  std::vector<Document> odd;
  std::thread first([&] { run(0, 2, even); });
  std::thread second([&] { run(1, 2, odd); });
  first.join();
  second.join();
  ASSERT_EQ(even.size() + odd.size(), serial.size());
  for (size_t k = 0; k < serial.size(); ++k) {
    const Document& parallel = k % 2 == 0 ? even[k / 2] : odd[k / 2];
    ASSERT_EQ(parallel.text, serial[k].text);
    ASSERT_EQ(parallel.language, serial[k].language);
    ASSERT_EQ(parallel.words, serial[k].words);
  }
}

}  // namespace
}  // namespace corpusflow
