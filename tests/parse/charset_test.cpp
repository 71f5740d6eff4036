#include "stages/parse/charset.h"

#include <gtest/gtest.h>

namespace corpusflow {
namespace {

struct Case {
  std::string bytes;
  std::string declared;
  bool html;
  std::string utf8;
  CharsetSource source;
  std::string charset;
};

TEST(Charset, DeclarationsAreReadAsBrowsersReadThem) {
  const std::string cyrillic_1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";  // Привет
  const Case cases[] = {
      {cyrillic_1251, "windows-1251", false, "Привет", CharsetSource::header, "windows-1251"},
      {"<p>\xD6\xD0\xCE\xC4</p>", "gb2312", true, "<p>中文</p>", CharsetSource::header, "GB18030"},
      {"<meta charset=\"euc-jp\"><p>\xC6\xFC\xCB\xDC\xB8\xEC</p>", "", true, "<meta charset=\"euc-jp\"><p>日本語</p>",
       CharsetSource::meta, "EUC-JP"},
      {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">\x93\xFA\x96\x7B\x8C\xEA", "", true,
       "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">日本語", CharsetSource::meta,
       "Shift_JIS"},
      // ISO-8859-1 is windows-1252 on the web: 0x93/0x94 are curly quotes, not C1 controls.
      {"\x93quoted\x94 caf\xE9", "ISO-8859-1", false, "“quoted” café", CharsetSource::header, "windows-1252"},
      {"plain ascii", "", false, "plain ascii", CharsetSource::utf8, "UTF-8"},
      {"déjà vu", "", true, "déjà vu", CharsetSource::utf8, "UTF-8"},
      // valid multi-byte UTF-8 declared as something else: the declaration is wrong
      {"Привет, мир", "windows-1251", false, "Привет, мир", CharsetSource::repaired, "UTF-8"},
      // UTF-8 with one bad byte stays UTF-8 (normalize repairs the byte)
      {"Привет\xFF мир", "utf-8", false, "Привет\xFF мир", CharsetSource::header, "UTF-8"},
      {"\xEF\xBB\xBFwith bom", "windows-1251", false, "with bom", CharsetSource::bom, "UTF-8"},
      {std::string("\xFF\xFEh\0i\0", 6), "", false, "hi", CharsetSource::bom, "UTF-16LE"},
      // a declaration ICU does not know falls through to what the bytes are
      {"text", "no-such-charset", false, "text", CharsetSource::utf8, "UTF-8"},
  };
  CharsetDecoder decoder;
  for (const Case& c : cases) {
    std::string bytes = c.bytes;
    const CharsetDecoder::Result result = decoder.decode(bytes, c.declared, c.html);
    EXPECT_EQ(bytes, c.utf8) << c.declared << " " << c.bytes;
    EXPECT_EQ(result.source, c.source) << c.bytes << ": " << to_string(result.source);
    EXPECT_EQ(result.charset, c.charset) << c.bytes;
  }
}

TEST(Charset, UndeclaredNonUtf8IsDetected) {
  // A Russian page in windows-1251 with no declaration: long enough for ICU's detector.
  std::string page = "<html><body><p>";
  for (int i = 0; i < 20; ++i) {
    page +=
        "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! \xDD\xF2\xEE \xF2\xE5\xEA\xF1\xF2 \xED\xE0 "
        "\xF0\xF3\xF1\xF1\xEA\xEE\xEC "
        "\xFF\xE7\xFB\xEA\xE5. ";
  }
  page += "</p></body></html>";
  CharsetDecoder decoder;
  const CharsetDecoder::Result result = decoder.decode(page, "", true);
  EXPECT_EQ(result.source, CharsetSource::detected);
  EXPECT_EQ(result.charset, "windows-1251");
  EXPECT_NE(page.find("Привет, мир! Это текст на русском языке."), std::string::npos) << page.substr(0, 200);

  // Declared UTF-8 over the same bytes: the declaration is repaired.
  std::string mislabeled = page;
  CharsetDecoder other;
  std::string again = "<html><body><p>";
  for (int i = 0; i < 20; ++i) again += "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! \xDD\xF2\xEE \xF2\xE5\xEA\xF1\xF2. ";
  const CharsetDecoder::Result repaired = other.decode(again, "utf-8", true);
  EXPECT_EQ(repaired.source, CharsetSource::repaired);
  EXPECT_NE(again.find("Привет, мир!"), std::string::npos) << again.substr(0, 200);
}

TEST(Charset, MetaPrescan) {
  EXPECT_EQ(meta_charset("<html><head><meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(meta_charset("<meta http-equiv='content-type' content='text/html;charset=windows-1256'/>"), "windows-1256");
  EXPECT_EQ(meta_charset("<META CHARSET = \"KOI8-R\" >"), "KOI8-R");
  EXPECT_EQ(meta_charset("<p>charset=utf-8 outside a meta</p>"), "");
  EXPECT_EQ(meta_charset("<meta name=description content=x>"), "");
  EXPECT_EQ(meta_charset(std::string(9000, ' ') + "<meta charset=utf-8>"), "");  // past the prescan
}

}  // namespace
}  // namespace corpusflow
