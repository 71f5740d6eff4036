#include "stages/parse/parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "stages/parse/page_layout.h"

namespace corpusflow {
namespace {

Document parse(std::string bytes, RecordLayout layout = RecordLayout::page) {
  Parser parser;
  RawRecord record;
  record.size = bytes.size();
  record.bytes = std::move(bytes);
  Document doc;
  parser.parse(record, layout, doc);
  return doc;
}

TEST(PageLayout, SeedPageHeaderTitleAndBody) {
  std::ifstream file(std::string(CORPUSFLOW_SAMPLE_DIR) + "/000_c591a7c62088d57a.txt", std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  const Document doc = parse(content.str());
  ASSERT_FALSE(doc.rejected());
  EXPECT_FALSE(doc.header_missing);
  EXPECT_EQ(doc.date, "2025-10-08");
  EXPECT_EQ(doc.host, "sarabic.ae");
  EXPECT_TRUE(doc.url.starts_with("https://sarabic.ae/20251008/"));
  EXPECT_EQ(doc.title.substr(0, 15), "\xD8\xA8\xD9\x8A\xD9\x84\xD8\xA7\xD8\xA4\xD9\x88\xD8\xB3\xD9");
  EXPECT_TRUE(doc.text.starts_with(doc.title)) << "the repeated title stays for normalize to remove";
  EXPECT_EQ(doc.raw_bytes, content.str().size());
}

TEST(PageLayout, HeaderVariants) {
  EXPECT_EQ(parse("date 2018-03-17 http://x.org/a\nTitle\nBody").title, "Title");
  EXPECT_EQ(parse("\t  date\t2018-03-17   http://x.org/a  \r\n\r\n  Title \r\nBody").url, "http://x.org/a");
  EXPECT_EQ(parse(" date 2018-03-17 http://x.org/a\n\n\nTitle\nBody").title, "Title");
  const Document raw_url = parse(" date 2020-01-02 https://EXAMPLE.com:8080/\xD9\x85\xD8\xB1\n T\nB");
  EXPECT_EQ(raw_url.host, "example.com");
  EXPECT_EQ(raw_url.url, "https://EXAMPLE.com:8080/\xD9\x85\xD8\xB1");
  const Document no_body = parse(" date 2020-01-02 https://a.b/\nOnly a title");
  EXPECT_EQ(no_body.title, "Only a title");
  EXPECT_EQ(no_body.text, "");
}

TEST(PageLayout, PagesWithoutHeaderKeepTheirText) {
  for (const char* page : {"Just some text\nand more", "date 2018-13-01 http://x/\nbad month",
                           "dated 2018-03-17 http://x/\nnot the word", "date 18-03-17 http://x\nshort year"}) {
    const Document doc = parse(page);
    EXPECT_TRUE(doc.header_missing) << page;
    EXPECT_EQ(doc.text, page);
    EXPECT_TRUE(doc.url.empty());
    EXPECT_TRUE(doc.date.empty());
  }
}

TEST(Parser, RejectsCarryTheirReason) {
  EXPECT_EQ(parse("").reject_reason, RejectReason::empty);
  EXPECT_EQ(parse(" \n\t\r\n ").reject_reason, RejectReason::empty);
  EXPECT_EQ(parse("", RecordLayout::json).reject_reason, RejectReason::empty);

  Parser parser;
  Document doc;
  RawRecord broken;
  broken.io_error = "truncated tar member at offset 1536";
  parser.parse(broken, RecordLayout::page, doc);
  EXPECT_EQ(doc.reject_reason, RejectReason::io);
  EXPECT_EQ(doc.reject_detail, "truncated tar member at offset 1536");

  Document big;
  RawRecord large;
  large.too_large = true;
  large.size = 5'000'000'000ull;
  parser.parse(large, RecordLayout::json, big);
  EXPECT_EQ(big.reject_reason, RejectReason::too_large);
  EXPECT_NE(big.reject_detail.find("5000000000"), std::string::npos);
  EXPECT_EQ(big.raw_bytes, 5'000'000'000ull);
}

TEST(JsonRecords, FieldsAreKeptAsWritten) {
  const Document doc =
      parse(R"({"id": "x-1", "url": "HTTPS://News.Example.ORG/a?b#c", "date": "2024-05-06T07:08:09Z", "title": "T",)"
            R"( "text": "Body \u00e9\n", "tags": ["a", {"b": 1}], "score": 0.5, "ok": true, "none": null})",
            RecordLayout::json);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  EXPECT_EQ(doc.text, "Body \xC3\xA9\n");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.host, "news.example.org");
  EXPECT_EQ(doc.date, "2024-05-06T07:08:09Z");
  EXPECT_EQ(doc.id_text, "x-1");
  EXPECT_FALSE(doc.id_is_number);
  EXPECT_EQ(doc.id_origin, IdOrigin::input);
  EXPECT_EQ(input_fields_json(doc.fields), R"({"tags":["a", {"b": 1}],"score":0.5,"ok":true,"none":null})");
}

// A repeated field never replaces the first one and is never lost: it is kept as written.
TEST(JsonRecords, RepeatedFieldsKeepTheFirstAndAreKept) {
  const Document doc = parse(R"({"text": "first", "url": "http://a.example/1", "text": "second", "text": 7,)"
                             R"( "url": "http://b.example/2", "title": "", "title": "later"})",
                             RecordLayout::json);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  EXPECT_EQ(doc.text, "first");
  EXPECT_EQ(doc.url, "http://a.example/1");
  EXPECT_EQ(doc.title, "");
  EXPECT_EQ(input_fields_json(doc.fields), R"({"text":"second","text":7,"url":"http://b.example/2","title":"later"})");

  const Document not_string_first = parse(R"({"text": 5, "text": "a"})", RecordLayout::json);
  EXPECT_EQ(not_string_first.reject_reason, RejectReason::bad_json);
  EXPECT_EQ(not_string_first.reject_detail, "field \"text\" is a number, not a string at byte 9");

  // url, title and date come from their first string value; a non-string one before it is kept.
  const Document null_url_first = parse(
      R"({"url": null, "text": "t", "url": "http://x.example/a", "title": 3, "title": "T", "date": "2020-01-02"})",
      RecordLayout::json);
  ASSERT_FALSE(null_url_first.rejected()) << null_url_first.reject_detail;
  EXPECT_EQ(null_url_first.url, "http://x.example/a");
  EXPECT_EQ(null_url_first.host, "x.example");
  EXPECT_EQ(null_url_first.title, "T");
  EXPECT_EQ(null_url_first.date, "2020-01-02");
  EXPECT_EQ(input_fields_json(null_url_first.fields), R"({"url":null,"title":3})");
}

TEST(JsonRecords, MalformedObjectsAreBadJson) {
  for (const char* line : {"{", "[1, 2]", "\"text\"", "{\"text\": 5}", "{\"title\": \"no text\"}",
                           "{\"text\": \"unterminated}", "not json at all", "{\"text\": \"a\",}"}) {
    const Document doc = parse(line, RecordLayout::json);
    EXPECT_EQ(doc.reject_reason, RejectReason::bad_json) << line;
    EXPECT_FALSE(doc.reject_detail.empty()) << line;
  }
}

TEST(JsonRecords, MalformedMetadataValuesAreBadJson) {
  // Found by fuzzing: on-demand parsing copied unread values as they were, so metadata could be broken JSON.
  for (const char* line :
       {R"({"text": "a", "tags": ["a", {:""bnull}]})", R"({"text": "a", "ok": tru})", R"({"text": "a", "n": 1.5e})",
        R"({"text": "a", "o": {"k": [1,, 2]}})", R"({"o": {"k": "\x"}, "text": "a"})"}) {
    const Document doc = parse(line, RecordLayout::json);
    EXPECT_EQ(doc.reject_reason, RejectReason::bad_json) << line << " kept " << input_fields_json(doc.fields);
  }
}

TEST(JsonRecords, ContentAfterTheObjectIsBadJson) {
  // A second object on the line was silently dropped.
  for (const char* line : {R"({"text": "a"}{"text": "b"})", R"({"text": "a"}})", R"({"text": "a"} 5)"}) {
    const Document doc = parse(line, RecordLayout::json);
    EXPECT_EQ(doc.reject_reason, RejectReason::bad_json) << line;
  }
  EXPECT_FALSE(parse("{\"text\": \"a\"} \t \r\n", RecordLayout::json).rejected());
}

TEST(JsonRecords, InvalidUtf8IsRepairedNotRejected) {
  const Document doc = parse("{\"text\": \"caf\xE9 \xFF ok\", \"k\xC0\": 1}", RecordLayout::json);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  EXPECT_EQ(doc.text, "caf\xEF\xBF\xBD \xEF\xBF\xBD ok");
  EXPECT_EQ(doc.normalize.utf8_repairs, 3u);
  EXPECT_EQ(input_fields_json(doc.fields), "{\"k\xEF\xBF\xBD\":1}");
}

TEST(HostOf, Forms) {
  EXPECT_EQ(host_of("http://user:pw@Host.Example.com:80/x"), "host.example.com");
  EXPECT_EQ(host_of("https://[::1]:8443/"), "[::1]");
  EXPECT_EQ(host_of("https://example.com./"), "example.com");
  EXPECT_EQ(host_of("example.com/path"), "");
  EXPECT_EQ(host_of(""), "");
  EXPECT_EQ(host_of("https://\xD9\x85\xD8\xB5\xD8\xB1.eg/"), "\xD9\x85\xD8\xB5\xD8\xB1.eg");
}

}  // namespace
}  // namespace corpusflow
