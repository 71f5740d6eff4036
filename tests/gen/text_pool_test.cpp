#include "engine/gen/text_pool.h"

#include <gtest/gtest.h>

#include "engine/gen/generator.h"

#include "core/utf8.h"
#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

TEST(SplitSentences, SplitsAfterTerminatorsFollowedBySpace) {
  const auto sentences = split_sentences("The first sentence is here. The second one is here too! Third?", 5);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0], "The first sentence is here.");
  EXPECT_EQ(sentences[2], "Third?");
}

TEST(SplitSentences, JoinsShortFragmentsAndKeepsDecimals) {
  const auto sentences = split_sentences("Mr. Smith paid 3.5 dollars for it. Ok.", 24);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0], "Mr. Smith paid 3.5 dollars for it. Ok.");
}

TEST(SplitSentences, KnowsArabicAndCjkTerminators) {
  const auto arabic = split_sentences("هل هذا سؤال طويل بما يكفي؟ نعم هذا جواب طويل أيضا", 10);
  EXPECT_EQ(arabic.size(), 2u);
  const auto cjk = split_sentences("这是第一个句子。这是第二个句子。", 6);
  EXPECT_EQ(cjk.size(), 2u);
}

TEST(Utf8Prefix, NeverCutsASequence) {
  const std::string text = "أبجد";  // 2 bytes a letter
  EXPECT_EQ(utf8_prefix(text, 3), "أ");
  EXPECT_EQ(utf8_prefix(text, 4), "أب");
  EXPECT_EQ(utf8_prefix(text, 100), text);
}

TEST(TextPool, GroupsByFamilyAndSkipsRepeats) {
  TextPool pool;
  pool.add_document("en", "A title of a page",
                    "First sentence of the text here.\nFirst sentence of the text here.\n\nAnother line of the body.");
  pool.add_document("fr", "", "Une phrase en français assez longue.");
  pool.add_document("en", "", "Another line of the body.");
  pool.finish_loading();
  ASSERT_EQ(pool.family_count(), 2u);
  EXPECT_EQ(pool.family_name(0), "en");
  EXPECT_EQ(pool.sentence_count(0), 2u);
  EXPECT_EQ(pool.title_count(0), 1u);
  EXPECT_EQ(pool.sentence_count(1), 1u);
  Rng rng(1);
  EXPECT_EQ(pool.random_title(0, rng), "A title of a page");
  EXPECT_FALSE(pool.random_title(1, rng).empty());
}

TEST(TextPool, SampleLoadsWithManyScriptsAndValidText) {
  const TextPool& pool = testing::sample_pool();
  EXPECT_GT(pool.family_count(), 100u) << "udhr brings hundreds of languages";
  EXPECT_GT(pool.total_sentences(), 5000u);
  bool has_ant = false;
  for (size_t f = 0; f < pool.family_count(); ++f) {
    has_ant |= pool.family_name(f) == "ant";
    for (size_t s = 0; s < pool.sentence_count(f); ++s) ASSERT_TRUE(is_valid_utf8(pool.sentence(f, s)));
  }
  EXPECT_TRUE(has_ant);
}

TEST(PoolLoader, MissingInputThrows) {
  TextPool pool;
  EXPECT_THROW(load_text_pool(pool, {"/nonexistent/corpusflow/input"}), std::runtime_error);
}

}  // namespace
}  // namespace corpusflow::gen

namespace corpusflow::gen {
namespace {

TEST(PoolLoader, ReadsGeneratedShardsOfBothFormatsBack) {
  testing::TempDir dir("pool-from");
  GenOptions options;
  options.documents = 200;
  options.bad_rate = 0;
  write_corpus(testing::sample_pool(), options, dir / "tar");
  options.format = ShardFormat::jsonl;
  write_corpus(testing::sample_pool(), options, dir / "jsonl");

  TextPool pool;
  const PoolLoadStats stats = load_text_pool(pool, {dir / "tar/shards", dir / "jsonl/shards"});
  EXPECT_EQ(stats.files, 2u);
  EXPECT_EQ(stats.records, 400u);
  EXPECT_EQ(stats.skipped_records, 0u);
  ASSERT_EQ(pool.family_count(), 1u) << "both folders are named shards and the JSON lines carry no language";
  EXPECT_EQ(pool.family_name(0), "shards");
  EXPECT_GT(pool.sentence_count(0), 500u);
  EXPECT_GT(pool.title_count(0), 50u);
  for (size_t s = 0; s < pool.sentence_count(0); ++s) {
    ASSERT_FALSE(pool.sentence(0, s).starts_with("date ")) << "headers are not text";
  }
}

TEST(PoolLoader, CapStopsReading) {
  TextPool pool;
  PoolLoadOptions options;
  options.max_pool_bytes = 100000;
  load_text_pool(pool, {CORPUSFLOW_SAMPLE_DIR "/ant"}, options);
  EXPECT_LT(pool.total_bytes(), 200000u);
  EXPECT_GE(pool.total_bytes(), 100000u);
}

}  // namespace
}  // namespace corpusflow::gen
