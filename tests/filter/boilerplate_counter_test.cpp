// The boilerplate pass: a line is a host's boilerplate when enough of the host's documents in a block hold it.
#include <gtest/gtest.h>

#include "stages/filter/boilerplate_counter.h"
#include "stages/filter/boilerplate_stage.h"

namespace corpusflow {
namespace {

Document page(const std::string& host, std::vector<uint64_t> lines) {
  Document doc;
  doc.host = host;
  doc.line_keys = std::move(lines);
  return doc;
}

bool holds(const BoilerplateLines& lines, const std::string& host, uint64_t line) {
  const uint64_t key = boilerplate_key(host_key(host), line);
  return lines.contains(key == 0 ? 1 : key);
}

TEST(BoilerplateCounter, ALineInEnoughOfAHostsPagesIsItsBoilerplate) {
  BoilerplateCounter counter({.min_documents = 3, .min_share = 0.5});
  for (uint64_t i = 0; i < 4; ++i) counter.add(page("a.com", {100, 200 + i, 300}));  // 100 and 300 on every page
  counter.add(page("a.com", {500, 501}));
  counter.add(page("b.com", {100, 1}));  // 100 on b.com once: not b.com's boilerplate
  counter.add(page("b.com", {100, 2}));
  const auto lines = counter.finish_block();
  EXPECT_TRUE(holds(*lines, "a.com", 100));
  EXPECT_TRUE(holds(*lines, "a.com", 300));
  EXPECT_FALSE(holds(*lines, "a.com", 201));
  EXPECT_FALSE(holds(*lines, "b.com", 100)) << "2 documents, fewer than min_documents";
  EXPECT_EQ(counter.counts().boilerplate_lines, 2u);
}

TEST(BoilerplateCounter, CopiesOfOneTextCountOnceAndTheShareIsOfTheHostsPages) {
  BoilerplateCounter counter({.min_documents = 3, .min_share = 0.1});
  for (int i = 0; i < 5; ++i) counter.add(page("a.com", {7, 8, 9}));  // one article filed five times
  const auto copies = counter.finish_block();
  EXPECT_TRUE(copies->keys.empty());
  EXPECT_EQ(counter.counts().copies_skipped, 4u);

  for (uint64_t i = 0; i < 40; ++i) counter.add(page("a.com", {1000 + i, i < 3 ? 42u : 43u}));
  const auto shares = counter.finish_block();
  EXPECT_FALSE(holds(*shares, "a.com", 42)) << "3 of 40 pages is under min_share";
  EXPECT_TRUE(holds(*shares, "a.com", 43));
  EXPECT_EQ(counter.counts().blocks, 2u);
}

TEST(BoilerplateCounter, PagesWithoutHostOrLinesAndRejectsAreNotCounted) {
  BoilerplateCounter counter({.min_documents = 1, .min_share = 0});
  counter.add(page("", {5}));
  Document rejected = page("a.com", {5});
  rejected.reject(RejectReason::empty, "test");
  counter.add(rejected);
  EXPECT_TRUE(counter.finish_block()->keys.empty());
  EXPECT_EQ(counter.counts().documents_counted, 0u);
}

TEST(BoilerplateStage, HoldsABlockOfBatchesAndLetsItGoWithItsLines) {
  BoilerplateStage stage({.min_documents = 2, .min_share = 0.1, .block_batches = 3});
  Batch a, b, c, d, end;
  a.documents.push_back(page("a.com", {1, 2}));
  b.documents.push_back(page("a.com", {1, 3}));
  d.documents.push_back(page("a.com", {1, 4}));
  EXPECT_FALSE(stage.process(a));
  EXPECT_FALSE(stage.process(b));
  EXPECT_TRUE(stage.process(c));
  ASSERT_NE(a.boilerplate, nullptr);
  EXPECT_EQ(a.boilerplate, c.boilerplate);
  EXPECT_TRUE(holds(*a.boilerplate, "a.com", 1));
  EXPECT_FALSE(stage.process(d));
  end.end_of_run = true;
  EXPECT_TRUE(stage.process(end)) << "the end of the run lets the last block go";
  EXPECT_FALSE(holds(*d.boilerplate, "a.com", 1)) << "one page in this block";
}

}  // namespace
}  // namespace corpusflow
