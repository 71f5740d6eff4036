#include "stages/stats/document_samples.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "stages/stats/stats_error.h"

namespace corpusflow {
namespace {

Document document(uint32_t shard, uint64_t record, Outcome outcome) {
  Document doc;
  doc.id = {shard, record};
  doc.source = "ant-0000" + std::to_string(shard) + ".tar.zst:" + std::to_string(record) + ".txt";
  doc.url = "https://www.alarabiya.net/" + std::to_string(record);
  doc.title = "عنوان " + doc.id.str();
  doc.language = "ar";
  doc.text = "نص الخبر " + doc.id.str() + "\nسطر ثان";
  doc.outcome = outcome;
  return doc;
}

// A document and the name of its reject reason (what StatsAccumulator passes to add).
struct Input {
  Document doc;
  std::string reason;
};

// 600 documents of every category over 3 shards, in a shuffled order.
std::vector<Input> mixed_documents(uint32_t seed) {
  std::vector<Input> documents;
  for (uint32_t shard = 0; shard < 3; ++shard) {
    for (uint64_t record = 0; record < 200; ++record) {
      Outcome outcome = record % 3 == 0 ? Outcome::kept : record % 3 == 1 ? Outcome::duplicate : Outcome::rejected;
      Document doc = document(shard, record, outcome);
      if (outcome == Outcome::duplicate) {
        doc.duplicate_kind = record % 4 == 0   ? DuplicateKind::exact
                             : record % 4 == 1 ? DuplicateKind::url
                                               : DuplicateKind::near;
        doc.duplicate_of = {shard, record - 1};
        doc.similarity = doc.duplicate_kind == DuplicateKind::near ? 0.8f : 1.0f;
      }
      std::string reason = outcome == Outcome::rejected ? (record % 2 ? "empty" : "bad_json") : "";
      if (outcome == Outcome::rejected) doc.reject(*reject_reason_named(reason), "byte " + std::to_string(record));
      documents.push_back({std::move(doc), reason});
    }
  }
  std::mt19937 random(seed);
  std::shuffle(documents.begin(), documents.end(), random);
  return documents;
}

void add(DocumentSamples& samples, const Input& input) { samples.add(input.doc, input.reason); }

std::vector<std::string> ids(const DocumentSamples::Samples& samples) {
  std::vector<std::string> out;
  for (const auto& sample : samples) out.push_back(sample.id.str());
  return out;
}

TEST(DocumentSamples, KeepsTheSmallestIdsOfEachCategory) {
  DocumentSamples samples;
  for (const auto& doc : mixed_documents(1)) add(samples, doc);
  EXPECT_EQ(ids(samples.kept()), (std::vector<std::string>{"0:0", "0:3", "0:6", "0:9", "0:12"}));
  EXPECT_EQ(ids(samples.duplicates(DuplicateKind::exact)),
            (std::vector<std::string>{"0:4", "0:16", "0:28", "0:40", "0:52"}));
  EXPECT_EQ(ids(samples.duplicates(DuplicateKind::url)),
            (std::vector<std::string>{"0:1", "0:13", "0:25", "0:37", "0:49"}));
  EXPECT_EQ(ids(samples.duplicates(DuplicateKind::near)).front(), "0:7");
  ASSERT_EQ(samples.rejects().size(), 2u);
  EXPECT_EQ(ids(samples.rejects().at("bad_json")), (std::vector<std::string>{"0:2", "0:8", "0:14", "0:20", "0:26"}));
  EXPECT_EQ(ids(samples.rejects().at("empty")), (std::vector<std::string>{"0:5", "0:11", "0:17", "0:23", "0:29"}));
}

TEST(DocumentSamples, AnyOrderAndAnyMergeGiveTheSameSamples) {
  DocumentSamples whole;
  for (const auto& doc : mixed_documents(1)) add(whole, doc);
  for (uint32_t seed : {2u, 3u, 4u}) {
    std::vector<Input> documents = mixed_documents(seed);
    std::vector<DocumentSamples> parts(4);
    for (size_t i = 0; i < documents.size(); ++i) add(parts[(i / 37 + seed) % parts.size()], documents[i]);
    DocumentSamples forward, backward;
    for (const auto& part : parts) forward.merge(part);
    for (size_t p = parts.size(); p-- > 0;) backward.merge(parts[p]);
    EXPECT_EQ(forward, whole) << seed;
    EXPECT_EQ(backward, whole) << seed;
    backward.merge(parts[0]);  // the same documents again change nothing
    EXPECT_EQ(backward, whole) << seed;
  }
}

// Parts of a scaled-out run number their shards from 0 each: equal ids of different documents are both
// kept, ordered by source, whatever the order the parts are merged in.
TEST(DocumentSamples, EqualIdsFromDifferentPartsAreOrderedBySource) {
  DocumentSamples part_a(3), part_b(3);
  for (uint64_t record = 0; record < 3; ++record) {
    Document a = document(0, record, Outcome::kept);
    a.source = "task-a/shard.tar.zst:" + std::to_string(record);
    Document b = a;
    b.source = "task-b/shard.tar.zst:" + std::to_string(record);
    part_a.add(a, "");
    part_b.add(b, "");
  }
  DocumentSamples ab = part_a, ba = part_b;
  ab.merge(part_b);
  ba.merge(part_a);
  ba.merge(part_a);  // the same part again changes nothing
  DocumentSamples from_empty(3);
  from_empty.merge(part_b);
  from_empty.merge(part_a);
  EXPECT_EQ(ab, ba);
  EXPECT_EQ(ab, from_empty);
  ASSERT_EQ(ab.kept().size(), 3u);
  EXPECT_EQ(ab.kept()[0].source, "task-a/shard.tar.zst:0");
  EXPECT_EQ(ab.kept()[1].source, "task-b/shard.tar.zst:0");
  EXPECT_EQ(ab.kept()[2].source, "task-a/shard.tar.zst:1");
}

TEST(DocumentSamples, SamplesCarryWhatTheirCategoryNeeds) {
  DocumentSamples samples;
  Document rejected = document(1, 9, Outcome::kept);
  rejected.reject(RejectReason::not_utf8, "invalid byte 0xFF at offset 12");
  Document near = document(0, 4, Outcome::duplicate);
  near.duplicate_kind = DuplicateKind::near;
  near.duplicate_of = {0, 2};
  near.similarity = 0.83f;
  samples.add(rejected, "not_utf8");
  samples.add(near, "");
  const DocumentSample& r = samples.rejects().at("not_utf8").at(0);
  EXPECT_EQ(r.reason, "not_utf8");
  EXPECT_EQ(r.detail, "invalid byte 0xFF at offset 12");
  EXPECT_EQ(r.source, "ant-00001.tar.zst:9.txt");
  EXPECT_EQ(r.title, "عنوان 1:9");
  const DocumentSample& n = samples.duplicates(DuplicateKind::near).at(0);
  EXPECT_EQ(n.duplicate_of, (DocumentId{0, 2}));
  EXPECT_FLOAT_EQ(n.similarity, 0.83f);
  EXPECT_EQ(n.url, "https://www.alarabiya.net/4");
  EXPECT_EQ(n.text_bytes, near.text.size());
}

TEST(DocumentSamples, TextIsCutToItsStartAtACharacterBoundary) {
  Document doc = document(0, 1, Outcome::kept);
  doc.text = "x";
  for (int i = 0; i < 400; ++i) doc.text += "ب";  // 2 bytes each: byte 300 is inside a character
  DocumentSamples samples;
  samples.add(doc, "");
  const DocumentSample& sample = samples.kept().at(0);
  EXPECT_EQ(sample.text.size(), 299u);
  EXPECT_TRUE(is_valid_utf8(sample.text));
  EXPECT_TRUE(doc.text.starts_with(sample.text));
  EXPECT_EQ(sample.text_bytes, 801u);
}

TEST(DocumentSamples, JsonRoundTrip) {
  DocumentSamples samples;
  for (const auto& doc : mixed_documents(5)) add(samples, doc);
  nlohmann::json json = samples.to_json();
  EXPECT_EQ(json["per_category"], DocumentSamples::kPerCategory);
  EXPECT_EQ(json["kept"].size(), 5u);
  EXPECT_EQ(json["duplicates"]["near"][0]["duplicate_of"], "0:6");
  EXPECT_EQ(json["rejects"]["empty"][0]["reason"], "empty");
  EXPECT_FALSE(json["kept"][0].contains("reason"));
  DocumentSamples back = DocumentSamples::from_json(nlohmann::json::parse(json.dump()));
  EXPECT_EQ(back, samples);
  EXPECT_EQ(back.to_json(), json);

  nlohmann::json reordered = json;
  std::reverse(reordered["kept"].begin(), reordered["kept"].end());
  reordered["kept"].push_back(json["kept"][4]);
  EXPECT_EQ(DocumentSamples::from_json(reordered), samples);
}

TEST(DocumentSamples, FromJsonNamesTheBrokenKey) {
  DocumentSamples samples;
  for (const auto& doc : mixed_documents(5)) add(samples, doc);
  auto expect_error = [](const nlohmann::json& bad, const std::string& fragment) {
    try {
      DocumentSamples::from_json(bad);
      ADD_FAILURE() << "no error for " << fragment;
    } catch (const StatsFormatError& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  };
  nlohmann::json bad = samples.to_json();
  bad["kept"][0]["id"] = "0-3";
  expect_error(bad, "samples.kept[].id");
  bad = samples.to_json();
  bad["duplicates"]["url"][1].erase("similarity");
  expect_error(bad, "samples.duplicates.url[].similarity");
  bad = samples.to_json();
  bad["rejects"]["empty"] = "none";
  expect_error(bad, "samples.rejects.empty");
  expect_error(nlohmann::json::object(), "samples.per_category");
}

}  // namespace
}  // namespace corpusflow
