#include "stages/encode/batch_encoder.h"

#include <gtest/gtest.h>

#include "core/json_escape.h"
#include "core/utf8.h"

namespace corpusflow {
namespace {

TEST(JsonEscape, EscapesControlsQuotesAndRepairsUtf8) {
  std::string out;
  append_json_string(out, "a\"b\\c\n\t\x01\x1f \xD8\xB9 \xFF\xC0\xAF end");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f \xD8\xB9 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end\"");
  EXPECT_TRUE(is_valid_utf8(out));
  std::string with_nul;
  append_json_string(with_nul, std::string("a\0b", 3));
  EXPECT_EQ(with_nul, "\"a\\u0000b\"");
}

TEST(Utf8, RepairsEachMaximalInvalidSubsequence) {
  struct Case {
    std::string input;
    std::string expected;
    size_t repairs;
  };
  const std::string r = "\xEF\xBF\xBD";
  const std::vector<Case> cases = {
      {"plain", "plain", 0},
      {"\xC0\xAF", r + r, 2},                  // overlong 2-byte
      {"\xE0\x80\xAF", r + r + r, 3},          // overlong 3-byte
      {"\xED\xA0\x80", r + r + r, 3},          // surrogate
      {"\xF4\x90\x80\x80", r + r + r + r, 4},  // above U+10FFFF
      {"\xE2\x82", r, 1},                      // truncated 3-byte sequence
      {"\xF0\x9F\x98", r, 1},                  // truncated 4-byte sequence
      {"a\xFF"
       "b",
       "a" + r + "b", 1},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},  // emoji
  };
  for (const Case& c : cases) {
    std::string out;
    EXPECT_EQ(append_repaired_utf8(c.input, out), c.repairs) << c.input;
    EXPECT_EQ(out, c.expected);
    EXPECT_EQ(is_valid_utf8(c.input), c.repairs == 0);
  }
}

Document sample(Outcome outcome) {
  Document doc;
  doc.id = {2, 7};
  doc.id_text = "s.tar.zst:7";
  doc.url = "https://a.example/x";
  doc.host = "a.example";
  doc.date = "2018-03-17";
  doc.title = "\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86";
  doc.text = "line one\nline \"two\"";
  doc.language = "ar";
  doc.language_score = 0.97f;
  doc.script = "Arab";
  doc.words = 3;
  doc.chars = 19;
  doc.source = "shards/s.tar.zst:001.txt";
  doc.raw_bytes = 120;
  doc.outcome = outcome;
  return doc;
}

TEST(BatchEncoder, KeptDocumentHasTheFlatColumnsThenTheInputsFields) {
  std::string out;
  Document doc = sample(Outcome::kept);
  doc.fields.add(FieldScope::top, "dump", R"("CC-MAIN-2013-20")");
  doc.fields.add(FieldScope::top, "n", "[1, 2]");
  encode_kept_document(doc, out);
  EXPECT_EQ(out,
            "{\"id\":\"s.tar.zst:7\",\"url\":\"https://a.example/x\",\"host\":\"a.example\",\"date\":\"2018-03-17\","
            "\"title\":\"\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86\",\"text\":\"line one\\nline \\\"two\\\"\","
            "\"language\":\"ar\",\"language_score\":0.97,\"script\":\"Arab\",\"words\":3,\"chars\":19,"
            "\"source\":\"shards/s.tar.zst:001.txt\",\"dump\":\"CC-MAIN-2013-20\",\"n\":[1, 2]}\n");
}

TEST(BatchEncoder, SplitsABatchIntoThreeStreamsInOrder) {
  Batch batch;
  batch.documents.push_back(sample(Outcome::kept));
  Document duplicate = sample(Outcome::duplicate);
  duplicate.id = {2, 8};
  duplicate.duplicate_kind = DuplicateKind::near;
  duplicate.duplicate_of = {2, 7};
  duplicate.similarity = 0.875f;
  batch.documents.push_back(duplicate);
  Document rejected = sample(Outcome::kept);
  rejected.id = {2, 9};
  rejected.reject(RejectReason::io, "truncated zstd stream at compressed offset 4096");
  batch.documents.push_back(rejected);
  batch.documents.push_back(sample(Outcome::kept));

  encode_batch(batch, EncodeOptions{});
  EXPECT_EQ(batch.kept.records, 2u);
  EXPECT_EQ(batch.duplicates.records, 1u);
  EXPECT_EQ(batch.rejects.records, 1u);
  EXPECT_EQ(batch.duplicates.json,
            "{\"id\":\"2:8\",\"kind\":\"near\",\"duplicate_of\":\"2:7\",\"similarity\":0.875}\n");
  EXPECT_EQ(batch.rejects.json,
            "{\"id\":\"2:9\",\"source\":\"shards/s.tar.zst:001.txt\",\"reason\":\"io\","
            "\"detail\":\"truncated zstd stream at compressed offset 4096\",\"bytes\":120}\n");

  encode_batch(batch, EncodeOptions{.keep_duplicate_text = true});
  EXPECT_NE(batch.duplicates.json.find("\"text\":\"line one"), std::string::npos);
  EXPECT_EQ(batch.kept.records, 2u) << "encoding twice starts afresh";
}

}  // namespace
}  // namespace corpusflow
