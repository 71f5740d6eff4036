#include "stages/encode/kept_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "core/raw_record.h"
#include "stages/parse/parser.h"

namespace corpusflow {
namespace {

using nlohmann::json;

Document computed(Document doc) {
  doc.language = "ar";
  doc.language_score = 0.5f;
  doc.script = "Arab";
  doc.words = 2;
  doc.chars = 9;
  return doc;
}

// A JSON line as the parse stage reads it, with the fields normalize computes set as a run would.
Document read_line(const std::string& line, const std::string& source = "in.jsonl:line 1") {
  static Parser parser;
  RawRecord record;
  record.bytes = line;
  record.size = line.size();
  Document doc;
  doc.source = source;
  parser.parse(record, RecordLayout::json, doc);
  EXPECT_FALSE(doc.rejected()) << doc.reject_detail;
  return computed(std::move(doc));
}

std::string written(const Document& doc, OutputSchema schema, const KeptOrigin& origin = {}) {
  std::string out;
  write_kept_document(doc, schema, origin, out);
  EXPECT_TRUE(out.ends_with("\n"));
  return out;
}

// The keys of a JSON line in the order written (nlohmann's object sorts them).
std::vector<std::string> keys(const std::string& line) {
  std::vector<std::string> names;
  json::parser_callback_t collect = [&](int depth, json::parse_event_t event, json& value) {
    if (depth == 1 && event == json::parse_event_t::key) names.push_back(value.get<std::string>());
    return true;
  };
  const json ignored = json::parse(line, collect);
  (void)ignored;
  return names;
}

TEST(KeptWriter, CorpusflowWritesItsColumnsThenEveryInputFieldAsWritten) {
  const Document doc = read_line(
      R"({"id": 17, "text": "نص عربي", "url": "http://a.example/x", "date": "2013-05-18T07:24:47Z", "n": 1.50,)"
      R"( "tags": ["a", {"b": null}], "language": "ar", "words": 5, "host": "a.example"})");
  const std::string line = written(doc, OutputSchema::corpusflow);
  EXPECT_EQ(keys(line),
            (std::vector<std::string>{"id", "url", "host", "date", "title", "text", "language", "language_score",
                                      "script", "words", "chars", "source", "n", "tags", "input_words"}));
  const json parsed = json::parse(line);
  EXPECT_EQ(parsed["id"], 17);  // a number stays a number
  EXPECT_EQ(parsed["date"], "2013-05-18T07:24:47Z");
  EXPECT_NE(line.find(R"("n":1.50,"tags":["a", {"b": null}])"), std::string::npos) << line;  // raw, as written
  EXPECT_EQ(parsed["words"], 2);                                                             // ours
  EXPECT_EQ(parsed["input_words"], 5);  // the input's, different: kept under input_
  EXPECT_FALSE(parsed.contains("input_language")) << "the same value is not repeated";
  EXPECT_FALSE(parsed.contains("input_host"));
}

TEST(KeptWriter, SeveralDifferingValuesAreEachKeptOnce) {
  const Document doc = read_line(R"({"id": "a", "text": "t", "language": "en", "language_score": 0.93,)"
                                 R"( "script": "Latn", "words": 7, "chars": 40, "host": "x.example"})");
  const std::string line = written(doc, OutputSchema::corpusflow);
  const json parsed = json::parse(line);
  EXPECT_EQ(parsed["input_language"], "en");
  EXPECT_EQ(parsed["input_language_score"], 0.93);
  EXPECT_EQ(parsed["input_script"], "Latn");
  EXPECT_EQ(parsed["input_words"], 7);
  EXPECT_EQ(parsed["input_chars"], 40);
  EXPECT_EQ(parsed["input_host"], "x.example");
  EXPECT_EQ(keys(line).size(), parsed.size()) << "no key twice: " << line;
}

TEST(KeptWriter, ProvenanceAndNonStringValuesKeepTheInputs) {
  Document doc = read_line(R"({"text": "t", "source": "common-crawl", "date": 1700000000, "title": null})");
  doc.id_text = "in.jsonl:0";
  const json parsed = json::parse(written(doc, OutputSchema::corpusflow));
  EXPECT_EQ(parsed["source"], "common-crawl");
  EXPECT_EQ(parsed["date"], 1700000000);
  EXPECT_TRUE(parsed["title"].is_null());
  EXPECT_FALSE(parsed.contains("input_source"));
}

TEST(KeptWriter, ADifferingValueIsNotKeptTwiceWhenTheInputAlreadyHoldsAnOriginal) {
  const Document doc = read_line(R"({"id": "a", "text": "t", "language": "fr", "input_language": "en"})");
  const std::string line = written(doc, OutputSchema::corpusflow);
  const json parsed = json::parse(line);
  EXPECT_EQ(parsed["language"], "ar");
  EXPECT_EQ(parsed["input_language"], "en");  // the earliest original, once
  EXPECT_EQ(keys(line).size(), json::parse(line).size()) << "no key twice: " << line;
}

TEST(KeptWriter, FineWebHasItsColumnsFirstAndTheDumpFromTheCrawlPath) {
  Document doc = read_line(R"({"text": "t", "url": "https://b.example/", "date": "2013-05-18T07:24:47Z"})");
  doc.id_text = "<urn:uuid:1>";
  const KeptOrigin origin{.shard_path =
                              "crawl-data/CC-MAIN-2013-20/segments/1368696381249/warc/"
                              "CC-MAIN-20130516092621-00000-ip-10-60-113-184.ec2.internal.warc.gz"};
  const std::string line = written(doc, OutputSchema::fineweb, origin);
  const auto names = keys(line);
  EXPECT_EQ(std::vector<std::string>(names.begin(), names.begin() + 8),
            (std::vector<std::string>{"text", "id", "dump", "url", "date", "file_path", "language", "language_score"}));
  const json parsed = json::parse(line);
  EXPECT_EQ(parsed["dump"], "CC-MAIN-2013-20");
  EXPECT_EQ(parsed["file_path"], origin.shard_path);
  EXPECT_EQ(parsed["date"], "2013-05-18T07:24:47Z");

  const Document given = read_line(R"({"text": "t", "dump": "CC-MAIN-2024-10", "file_path": "s3://x/y.warc.gz"})");
  const json kept = json::parse(written(given, OutputSchema::fineweb, origin));
  EXPECT_EQ(kept["dump"], "CC-MAIN-2024-10");
  EXPECT_EQ(kept["file_path"], "s3://x/y.warc.gz");
}

TEST(KeptWriter, DolmaPutsOursInMetadataBesideTheInputsMetadata) {
  const Document doc =
      read_line(R"({"id": "d1", "text": "t", "source": "c4", "added": "2024-01-01T00:00:00Z", "extra": [1],)"
                R"( "metadata": {"url": "http://c.example/", "length": 1200, "language": "en"}})");
  EXPECT_EQ(doc.url, "http://c.example/");  // taken from metadata: the record has none of its own
  const std::string line = written(doc, OutputSchema::dolma, {.shard_mtime = 1700000000});
  EXPECT_EQ(keys(line), (std::vector<std::string>{"id", "text", "source", "added", "created", "metadata", "extra"}));
  const json parsed = json::parse(line);
  EXPECT_EQ(parsed["source"], "c4");
  EXPECT_EQ(parsed["added"], "2024-01-01T00:00:00Z");
  EXPECT_EQ(parsed["created"], "");
  const json& metadata = parsed["metadata"];
  EXPECT_EQ(metadata["url"], "http://c.example/");
  EXPECT_EQ(metadata["length"], 1200);
  EXPECT_EQ(metadata["language"], "ar");
  EXPECT_EQ(metadata["input_language"], "en");
  EXPECT_EQ(metadata["words"], 2);

  const Document plain = read_line(R"({"text": "t"})");
  EXPECT_EQ(json::parse(written(plain, OutputSchema::dolma, {.shard_mtime = 1700000000}))["added"],
            "2023-11-14T22:13:20Z");  // the shard's modification time
}

TEST(KeptWriter, CorpusflowKeepsTheMetadataObjectWhole) {
  const Document doc = read_line(R"({"text": "t", "metadata": {"url": "http://c.example/", "length": 1200}})");
  const json parsed = json::parse(written(doc, OutputSchema::corpusflow));
  EXPECT_EQ(parsed["url"], "http://c.example/");
  EXPECT_EQ(parsed["metadata"], json::parse(R"({"url": "http://c.example/", "length": 1200})"));
}

// Reading the output back and writing it again changes nothing: no field moves, nests or appears.
TEST(KeptWriter, EverySchemaIsAFixedPointOverItsOwnOutput) {
  const std::string input =
      R"({"id": "x", "text": "نص", "title": "عنوان", "url": "http://d.example/a", "date": "2020-02-02",)"
      R"( "language": "en", "language_score": 0.9, "dump": "CC-MAIN-2020-05", "source": "c4", "k": {"v": [1]},)"
      R"( "metadata": {"length": 3, "language": "en"}})";
  for (OutputSchema schema : {OutputSchema::corpusflow, OutputSchema::fineweb, OutputSchema::dolma}) {
    const KeptOrigin origin{.shard_path = "in.jsonl", .shard_mtime = 1700000000};
    const std::string once = written(read_line(input), schema, origin);
    const std::string twice = written(read_line(once, "out/data/part-00000.jsonl.zst:line 1"), schema, origin);
    EXPECT_EQ(once, twice) << to_string(schema);
    EXPECT_EQ(keys(once).size(), json::parse(once).size()) << "a key twice: " << once;
  }
}

TEST(KeptWriter, CommonCrawlDumpNeedsTheSnapshotForm) {
  EXPECT_EQ(common_crawl_dump("s3://commoncrawl/crawl-data/CC-MAIN-2023-06/segments/1/wet/x.wet.gz"),
            "CC-MAIN-2023-06");
  EXPECT_EQ(common_crawl_dump("CC-MAIN-20230127195946-20230127225946-00275.warc.wet.gz"), "");
  EXPECT_EQ(common_crawl_dump("data/ant/part-0.tar.zst"), "");
  EXPECT_EQ(iso8601_utc(0), "");
  EXPECT_EQ(iso8601_utc(86400), "1970-01-02T00:00:00Z");
}

}  // namespace
}  // namespace corpusflow
