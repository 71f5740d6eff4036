#include "stages/ids/id_registry.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace corpusflow {
namespace {

Document with_id(std::string id, bool is_number, IdOrigin origin, uint64_t record) {
  Document doc;
  doc.id = {0, record};
  doc.id_text = std::move(id);
  doc.id_is_number = is_number;
  doc.id_origin = origin;
  doc.source = "a.jsonl:line " + std::to_string(record + 1);
  return doc;
}

TEST(IdRegistry, TheFirstHolderKeepsAnIdAndALaterOneIsRenamedAfterItsRecord) {
  IdRegistry registry(1 << 20);
  std::vector<Document> docs = {with_id("x", false, IdOrigin::input, 0), with_id("y", false, IdOrigin::input, 1),
                                with_id("x", false, IdOrigin::input, 2), with_id("x", false, IdOrigin::input, 3)};
  for (Document& doc : docs) registry.assign(doc, "a.jsonl");
  EXPECT_EQ(docs[0].id_text, "x");
  EXPECT_EQ(docs[1].id_text, "y");
  EXPECT_EQ(docs[2].id_text, "x@a.jsonl:2");
  EXPECT_EQ(docs[3].id_text, "x@a.jsonl:3");
  const IdStats stats = registry.stats();
  EXPECT_EQ(stats.from_input, 4u);
  EXPECT_EQ(stats.repeated, 2u);
  ASSERT_EQ(stats.repeated_examples.size(), 2u);
  EXPECT_EQ(stats.repeated_examples[0], "x in a.jsonl:line 3");
  EXPECT_GT(stats.table_bytes, 0u);
}

TEST(IdRegistry, ANumberAndItsDigitsAsAStringAreDifferentIds) {
  IdRegistry registry(1 << 20);
  Document number = with_id("17", true, IdOrigin::input, 0);
  Document text = with_id("17", false, IdOrigin::input, 1);
  Document again = with_id("17", true, IdOrigin::input, 2);
  registry.assign(number, "a.jsonl");
  registry.assign(text, "a.jsonl");
  registry.assign(again, "a.jsonl");
  EXPECT_EQ(number.id_text, "17");
  EXPECT_TRUE(number.id_is_number);
  EXPECT_EQ(text.id_text, "17");
  EXPECT_FALSE(text.id_is_number);
  EXPECT_EQ(again.id_text, "17@a.jsonl:2");  // renamed: a string now
  EXPECT_FALSE(again.id_is_number);
}

TEST(IdRegistry, AnInputIdShapedLikeTheRenamedOneGetsACounter) {
  IdRegistry registry(1 << 20);
  std::vector<Document> docs = {with_id("x", false, IdOrigin::input, 0),
                                with_id("x@a.jsonl:2", false, IdOrigin::input, 1),
                                with_id("x", false, IdOrigin::input, 2)};
  for (Document& doc : docs) registry.assign(doc, "a.jsonl");
  EXPECT_EQ(docs[2].id_text, "x@a.jsonl:2#1");
  std::set<std::string> unique;
  for (const Document& doc : docs) EXPECT_TRUE(unique.insert(doc.id_text).second) << doc.id_text;
}

TEST(IdRegistry, DerivedIdsAreCountedApartAndATableOverBudgetStopsTheRun) {
  IdRegistry registry(64 << 10);
  uint64_t record = 0;
  EXPECT_THROW(
      {
        for (;; ++record) {
          Document doc = with_id("s.tar:" + std::to_string(record), false, IdOrigin::derived, record);
          registry.assign(doc, "s.tar");
        }
      },
      IdTableMemoryExceeded);
  EXPECT_GT(record, 1000u);
  EXPECT_EQ(registry.stats().derived, record);
  EXPECT_EQ(registry.stats().repeated, 0u);
  EXPECT_LE(registry.stats().table_bytes, 64u << 10);
}

}  // namespace
}  // namespace corpusflow
