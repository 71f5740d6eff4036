// The generator's URL variants and near misses through the real binary: `corpusflow run` on a generated
// corpus (jsonl, tar, warc) marks every copy that keeps its original's URL, however spelled, as a duplicate of
// that original, as `url` when the text differs (url is checked before near), and keeps every near miss; no
// low-quality original is marked a duplicate.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/gen/generator.h"
#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

using nlohmann::json;

GenOptions run_options(ShardFormat format) {
  GenOptions options;
  options.documents = 3000;
  options.format = format;
  options.seed = 21;
  options.dup_rate = 0.15;
  options.near_rate = 0.15;
  options.bad_rate = 0.02;
  options.url_near_miss_rate = 0.03;
  options.level = 1;
  options.shape.max_body_bytes = 20000;
  return options;
}

void expect_url_decisions(ShardFormat format) {
  testing::TempDir dir(std::string("url-run-") + to_string(format));
  const std::string corpus = (dir / "corpus").string();
  write_corpus(testing::sample_pool(), run_options(format), corpus);
  const std::map<std::string, testing::RunOutcome> outcomes = testing::run_corpusflow(corpus, (dir / "out").string());

  std::vector<json> truth;
  for (const std::string& line : testing::read_lines(corpus + "/truth.jsonl.zst")) truth.push_back(json::parse(line));
  ASSERT_EQ(truth.size(), 3000u);

  std::map<std::string, std::map<std::string, size_t>> by_variant;  // url_variant -> copy kind -> count
  std::map<std::string, size_t> near_kinds;  // near copies with same_url whose original is kept, by outcome
  size_t same_url = 0, originals_not_kept = 0, near_misses = 0, low_quality = 0;
  for (const json& entry : truth) {
    const std::string doc_id = entry["doc_id"];
    const auto found = outcomes.find(doc_id);
    if (entry["kind"] == "bad") continue;  // (warc names some rejects otherwise: warc_corpus_test)
    ASSERT_NE(found, outcomes.end()) << "no output line has the truth's doc_id " << doc_id;
    const testing::RunOutcome& outcome = found->second;

    if (entry.contains("low_quality")) {
      EXPECT_NE(outcome.folder, "duplicates")
          << "a low-quality original is no copy: " << doc_id << " " << entry["low_quality"] << " " << outcome.kind
          << " of " << outcome.duplicate_of;
      ++low_quality;
      continue;
    }
    if (entry.contains("url_near_miss_of")) {
      ++near_misses;
      EXPECT_EQ(outcome.folder, "data") << "a near miss (" << entry["url_near_miss"] << ") is another page: " << doc_id
                                        << " " << entry["url"] << " was " << outcome.kind << " of "
                                        << outcome.duplicate_of;
      continue;
    }
    if (!entry.contains("of") || !entry["same_url"].get<bool>()) continue;

    ++same_url;
    const std::string variant = entry["url_variant"];
    const std::string copy_kind = entry["kind"];
    ++by_variant[variant][copy_kind];
    ASSERT_EQ(outcome.folder, "duplicates") << variant << " copy " << doc_id << " " << entry["url"];
    const std::string of_doc_id = entry["of_doc_id"];
    ASSERT_TRUE(outcomes.contains(of_doc_id)) << of_doc_id;
    const testing::RunOutcome& original = outcomes.at(of_doc_id);
    if (original.folder != "data") {
      // The leader rule: only kept documents are matched. An original is a copy of nothing, but it can
      // resemble an earlier page by chance; its copies then point elsewhere.
      ++originals_not_kept;
      continue;
    }
    EXPECT_EQ(outcome.duplicate_of, of_doc_id) << variant << " copy " << doc_id << " " << entry["url"];
    if (copy_kind == "exact") {
      EXPECT_EQ(outcome.kind, "exact") << "exact is checked first: " << doc_id;
    } else {
      // url is checked before near. A near copy's edits can vanish from the text the exact key hashes
      // (digits, marks and case are folded; docs/dedup.md): then it is exact, checked first.
      EXPECT_TRUE(outcome.kind == "url" || outcome.kind == "exact")
          << "near copy " << doc_id << " came out " << outcome.kind << " (" << entry["mutations"] << ", " << variant
          << " " << entry["url"] << ")";
      ++near_kinds[outcome.kind];
    }
  }
  EXPECT_GT(same_url, 200u);
  if (format != ShardFormat::warc) {  // warc: main-content extraction drops added boilerplate too
    EXPECT_GT(near_kinds["url"], 3 * near_kinds["exact"]) << "most near copies differ in their fingerprint text";
  }
  EXPECT_LE(originals_not_kept * 50, same_url) << "at most 2% of the originals copied are not kept";
  EXPECT_GT(near_misses, 30u);
  EXPECT_GT(low_quality, 30u) << "--low-quality-rate 0.02 of 3,000";
  ASSERT_EQ(by_variant.size(), 8u) << "every variant, idna included, occurs";
  for (const auto& [variant, kinds] : by_variant) {
    size_t count = 0;
    for (const auto& [kind, n] : kinds) count += n;
    EXPECT_GE(count, 3u) << variant;
  }
}

TEST(GenUrlDedupRun, JsonlCopiesWithAnyUrlVariantAreDuplicatesOfTheirOriginal) {
  expect_url_decisions(ShardFormat::jsonl);
}

TEST(GenUrlDedupRun, TarCopiesWithAnyUrlVariantAreDuplicatesOfTheirOriginal) { expect_url_decisions(ShardFormat::tar); }

TEST(GenUrlDedupRun, WarcCopiesWithAnyUrlVariantAreDuplicatesOfTheirOriginal) {
  expect_url_decisions(ShardFormat::warc);
}

}  // namespace
}  // namespace corpusflow::gen
