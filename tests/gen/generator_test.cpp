#include "engine/gen/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "engine/gen/site_table.h"
#include "gen_test_support.h"
#include "tests/support/sanitizers.h"

namespace corpusflow::gen {
namespace {

using nlohmann::json;

GenOptions small_options(uint64_t documents) {
  GenOptions options;
  options.documents = documents;
  options.seed = 7;
  options.dup_rate = 0.1;
  options.near_rate = 0.1;
  options.bad_rate = 0.05;
  options.level = 1;
  options.shape.max_body_bytes = 60000;
  return options;
}

std::vector<json> read_truth(const std::string& dir) {
  std::vector<json> truth;
  for (const std::string& line : testing::read_lines(dir + "/truth.jsonl.zst")) truth.push_back(json::parse(line));
  return truth;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string without_header(const std::string& page) {
  const size_t newline = page.find('\n');
  return newline == std::string::npos ? "" : page.substr(newline + 1);
}

TEST(Generator, SameSeedGivesIdenticalBytesOtherSeedOtherBytes) {
  testing::TempDir dir("determinism");
  GenOptions options = small_options(1500);
  options.shards = 2;
  write_corpus(testing::sample_pool(), options, dir / "a");
  options.workers = 2;
  write_corpus(testing::sample_pool(), options, dir / "b");
  options.seed = 8;
  write_corpus(testing::sample_pool(), options, dir / "c");
  for (const char* file : {"shards/gen-00000.tar.zst", "shards/gen-00001.tar.zst", "truth.jsonl.zst"}) {
    const std::string a = testing::read_file(dir / "a" / file);
    ASSERT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, testing::read_file(dir / "b" / file)) << file;
    EXPECT_NE(a, testing::read_file(dir / "c" / file)) << file;
  }
}

// One corpus of 3 shards, generated once, read back through io, checked by several tests.
class GeneratedCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("corpus");
    summary_ = write_corpus(testing::sample_pool(), small_options(3000), dir_->path());
    truth_ = read_truth(dir_->path());
    for (uint32_t shard = 0; shard < summary_.shards; ++shard) {
      const auto shard_records = testing::read_records(summary_.shard_paths[shard]);
      for (size_t r = 0; r < shard_records.size(); ++r) {
        records_[std::to_string(shard) + ":" + std::to_string(r)] = shard_records[r];
      }
      shard_sizes_.push_back(shard_records.size());
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    records_.clear();
    truth_.clear();
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline GenSummary summary_;
  static inline std::vector<json> truth_;
  static inline std::map<std::string, RawRecord> records_;
  static inline std::vector<size_t> shard_sizes_;
};

TEST_F(GeneratedCorpus, CountsAndIdsMatchTheShards) {
  ASSERT_EQ(summary_.shards, 3u);
  ASSERT_EQ(summary_.documents, 3000u);
  EXPECT_EQ(summary_.originals + summary_.exact + summary_.near + summary_.bad, 3000u);
  EXPECT_NEAR(static_cast<double>(summary_.exact) / 3000, 0.1, 0.03);
  EXPECT_NEAR(static_cast<double>(summary_.near) / 3000, 0.1, 0.03);
  EXPECT_NEAR(static_cast<double>(summary_.bad) / 3000, 0.05, 0.02);
  for (size_t size : shard_sizes_) EXPECT_EQ(size, 1000u) << "io yields one record per member, truncated ones too";

  ASSERT_EQ(truth_.size(), 3000u);
  std::map<std::string, uint64_t> kinds;
  for (size_t i = 0; i < truth_.size(); ++i) {
    const std::string expected_id = std::to_string(i / 1000) + ":" + std::to_string(i % 1000);
    ASSERT_EQ(truth_[i]["id"], expected_id);
    // The id `corpusflow run DIR/shards` gives a tar member: <shard file name>:<record index>.
    EXPECT_EQ(truth_[i]["doc_id"],
              shard_file_name(ShardFormat::tar, static_cast<uint32_t>(i / 1000)) + ":" + std::to_string(i % 1000));
    if (truth_[i].contains("of")) {
      const std::string of = truth_[i]["of"];
      const size_t colon = of.find(':');
      EXPECT_EQ(
          truth_[i]["of_doc_id"],
          shard_file_name(ShardFormat::tar, static_cast<uint32_t>(std::stoul(of.substr(0, colon)))) + of.substr(colon));
    }
    ++kinds[truth_[i]["kind"].get<std::string>()];
  }
  EXPECT_EQ(kinds["original"], summary_.originals);
  EXPECT_EQ(kinds["exact"], summary_.exact);
  EXPECT_EQ(kinds["near"], summary_.near);
  EXPECT_EQ(kinds["bad"], summary_.bad);
  EXPECT_EQ(kinds.size(), 4u);
}

TEST_F(GeneratedCorpus, GoodRecordsAreWellFormedPages) {
  size_t repeated = 0, good = 0, large = 0;
  std::set<std::string> hosts;
  for (const json& entry : truth_) {
    if (entry["kind"] == "bad") continue;
    const std::string id = entry["id"];
    const RawRecord& record = records_.at(id);
    ++good;
    ASSERT_EQ(record.io_error, "") << id;
    EXPECT_EQ(record.bytes.size(), entry["bytes"].get<uint64_t>()) << id;
    EXPECT_TRUE(is_valid_utf8(record.bytes)) << id;
    ASSERT_TRUE(record.bytes.starts_with(" date ") || record.bytes.starts_with("date ")) << id;
    const std::string url = entry["url"];
    EXPECT_NE(lines_of(record.bytes)[0].find(" " + url), std::string::npos) << id;
    hosts.insert(url.substr(0, url.find('/', 8)));
    const auto lines = lines_of(record.bytes);
    ASSERT_GE(lines.size(), 4u) << id;
    EXPECT_EQ(lines[1], lines[2]) << "the title is repeated: " << id;
    // The scraper's artifact: the title comes back after the body.
    if (std::count(lines.begin() + 3, lines.end(), lines[1]) > 0) ++repeated;
    large += record.bytes.size() > 100000;
    EXPECT_FALSE(record.bytes.ends_with("\n")) << id;
  }
  EXPECT_NEAR(static_cast<double>(repeated) / static_cast<double>(good), 0.75, 0.05);
  EXPECT_GT(hosts.size(), 100u);
  EXPECT_GT(large, 0u) << "the length distribution is heavy-tailed";
}

TEST_F(GeneratedCorpus, ExactCopiesRepeatTheirOriginal) {
  size_t checked = 0;
  for (const json& entry : truth_) {
    if (entry["kind"] != "exact") continue;
    const std::string& copy = records_.at(entry["id"]).bytes;
    const std::string& original = records_.at(entry["of"].get<std::string>()).bytes;
    if (entry["same_url"].get<bool>() && entry["url_variant"] == "exact") {
      EXPECT_EQ(copy, original) << entry["id"];
    } else {
      EXPECT_NE(copy, original) << entry["id"];
      EXPECT_EQ(without_header(copy), without_header(original)) << entry["id"];
    }
    ++checked;
  }
  EXPECT_GT(checked, 200u);
}

TEST_F(GeneratedCorpus, NearCopiesAreSimilarAndTheirTruthIsHonest) {
  size_t checked = 0, most_lines_shared = 0;
  std::vector<double> similarities;
  std::set<std::string> mutations_seen;
  for (const json& entry : truth_) {
    if (entry["kind"] != "near") continue;
    const std::string id = entry["id"];
    const std::string& copy = records_.at(id).bytes;
    const std::string& original = records_.at(entry["of"].get<std::string>()).bytes;
    const double measured = word_shingle_jaccard(without_header(original), without_header(copy));
    EXPECT_NEAR(measured, entry["word_jaccard"].get<double>(), 1e-3) << id;
    similarities.push_back(measured);
    EXPECT_NE(without_header(copy), without_header(original)) << id;
    ASSERT_FALSE(entry["mutations"].empty()) << id;
    for (const auto& mutation : entry["mutations"]) mutations_seen.insert(mutation.get<std::string>());

    const auto original_lines = lines_of(without_header(original));
    const auto copy_line_list = lines_of(without_header(copy));
    const std::set<std::string> copy_lines(copy_line_list.begin(), copy_line_list.end());
    size_t shared = 0;
    for (const std::string& line : original_lines) shared += copy_lines.count(line);
    if (2 * shared >= original_lines.size()) ++most_lines_shared;
    ++checked;
  }
  ASSERT_GT(checked, 200u);
  std::sort(similarities.begin(), similarities.end());
  EXPECT_GT(similarities[similarities.size() / 2], 0.75) << "median similarity";
  EXPECT_GT(static_cast<double>(most_lines_shared) / static_cast<double>(checked), 0.7);
  EXPECT_EQ(mutations_seen.size(), 6u);
}

std::string host_of(const std::string& url) {
  const size_t start = url.find("://") + 3;
  return url.substr(start, url.find_first_of("/:?", start) - start);
}

// The truth's boilerplate lines are whole lines of the page, and every line of the page that is one of its
// site's menus or footers is in the truth (pages whose URL spells the host another way are not looked up).
TEST_F(GeneratedCorpus, TruthBoilerplateIsTheSiteLinesThePageShows) {
  const GenOptions options = small_options(3000);
  const SiteTable sites(testing::sample_pool(), options.sites, options.seed);
  std::map<std::string, const Site*> by_host;
  for (size_t i = 0; i < sites.size(); ++i) by_host[sites.site(i).host] = &sites.site(i);
  size_t good = 0, with_boilerplate = 0, looked_up = 0;
  std::map<std::string, size_t> by_kind;
  for (const json& entry : truth_) {
    const std::string id = entry["id"];
    if (entry["kind"] == "bad") {
      EXPECT_FALSE(entry.contains("boilerplate")) << id;
      continue;
    }
    ++good;
    const auto page_lines = lines_of(without_header(records_.at(id).bytes));
    const std::set<std::string> lines(page_lines.begin(), page_lines.end());
    std::set<std::string> truth_lines;
    if (entry.contains("boilerplate")) {
      ASSERT_FALSE(entry["boilerplate"].empty()) << "absent, not empty, when none: " << id;
      ++with_boilerplate;
      ++by_kind[entry["kind"].get<std::string>()];
      for (const auto& line : entry["boilerplate"]) {
        EXPECT_TRUE(lines.contains(line.get<std::string>())) << id << ": " << line;
        EXPECT_TRUE(truth_lines.insert(line.get<std::string>()).second) << "listed twice: " << id << ": " << line;
      }
    }
    const auto site = by_host.find(host_of(entry["url"]));
    if (site == by_host.end()) continue;
    ++looked_up;
    for (const std::string& line : site->second->boilerplate) {
      EXPECT_TRUE(!lines.contains(line) || truth_lines.contains(line)) << id << ": " << line;
    }
  }
  EXPECT_NEAR(static_cast<double>(with_boilerplate) / static_cast<double>(good), 0.8, 0.05)
      << "PageShape::boilerplate_probability";
  EXPECT_GT(looked_up, good * 9 / 10);
  EXPECT_GT(by_kind["exact"], 100u);
  EXPECT_GT(by_kind["near"], 100u);
}

TEST_F(GeneratedCorpus, BadRecordsAreReallyBad) {
  std::map<std::string, size_t> seen;
  for (const json& entry : truth_) {
    if (entry["kind"] != "bad") continue;
    const std::string id = entry["id"];
    const std::string bad = entry["bad"];
    const RawRecord& record = records_.at(id);
    ++seen[bad];
    if (bad == "invalid_utf8") {
      EXPECT_FALSE(is_valid_utf8(record.bytes)) << id;
      EXPECT_TRUE(record.bytes.find("date ") < 2) << id;
    } else if (bad == "empty") {
      EXPECT_EQ(record.bytes, "") << id;
      EXPECT_EQ(record.io_error, "") << id;
    } else if (bad == "missing_header") {
      EXPECT_FALSE(record.bytes.empty()) << id;
      EXPECT_GT(record.bytes.find("date "), 1u) << id;
      EXPECT_TRUE(is_valid_utf8(record.bytes)) << id;
    } else if (bad == "truncated") {
      EXPECT_NE(record.io_error, "") << id;
      EXPECT_EQ(id.substr(id.find(':') + 1), "999") << "only the last member of a shard is truncated";
    } else {
      ADD_FAILURE() << "unexpected kind " << bad;
    }
  }
  EXPECT_GT(seen["invalid_utf8"], 10u);
  EXPECT_GT(seen["empty"], 10u);
  EXPECT_GT(seen["missing_header"], 10u);
  EXPECT_GE(seen["truncated"], 1u) << "with bad-rate 0.05 every shard is truncated with probability 0.5";
}

TEST(Generator, JsonlShardsHoldOneObjectALine) {
  testing::TempDir dir("jsonl");
  GenOptions options = small_options(1000);
  options.format = ShardFormat::jsonl;
  options.bad_rate = 0.1;  // truncation certain
  const GenSummary summary = write_corpus(testing::sample_pool(), options, dir.path());
  const std::vector<json> truth = read_truth(dir.path());
  const auto lines = testing::read_records(summary.shard_paths[0]);
  ASSERT_EQ(lines.size(), 1000u);
  ASSERT_EQ(truth.size(), 1000u);
  std::set<std::string> bad_kinds;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i].bytes;
    const json& entry = truth[i];
    if (entry["kind"] == "bad") {
      const std::string bad = entry["bad"];
      bad_kinds.insert(bad);
      if (bad == "empty") {
        EXPECT_EQ(line, "");
      }
      if (bad == "invalid_utf8") {
        EXPECT_FALSE(is_valid_utf8(line));
      }
      if (bad == "missing_text") {
        const json object = json::parse(line);
        EXPECT_EQ(object["id"], entry["doc_id"]);
        EXPECT_FALSE(object.contains("text"));
        EXPECT_TRUE(object.contains("url"));
      }
      if (bad == "truncated" || bad == "empty") {
        EXPECT_EQ(entry["doc_id"], "gen-00000.jsonl.zst:" + std::to_string(i)) << "no id to read: a derived one";
      }
      if (bad == "truncated") {
        EXPECT_EQ(i, 999u);
        EXPECT_TRUE(json::parse(line, nullptr, false).is_discarded());
      }
      continue;
    }
    const json object = json::parse(line);
    EXPECT_EQ(object["id"], entry["doc_id"]) << "corpusflow takes the line's id";
    const auto text_lines = lines_of(object["text"].get<std::string>());
    for (const auto& boilerplate : entry.value("boilerplate", json::array())) {
      EXPECT_NE(std::find(text_lines.begin(), text_lines.end(), boilerplate.get<std::string>()), text_lines.end())
          << "a line of the text: " << boilerplate;
    }
    EXPECT_EQ(object["url"], entry["url"]);
    EXPECT_FALSE(object["text"].get<std::string>().empty());
    EXPECT_FALSE(object["title"].get<std::string>().empty());
    EXPECT_EQ(object["date"].get<std::string>().size(), 10u);
  }
  EXPECT_EQ(bad_kinds, (std::set<std::string>{"empty", "invalid_utf8", "missing_text", "truncated"}));
  std::set<std::string> doc_ids;
  for (const json& entry : truth) doc_ids.insert(entry["doc_id"].get<std::string>());
  EXPECT_EQ(doc_ids.size(), truth.size()) << "jsonl ids are unique";
  EXPECT_EQ(testing::read_file(summary.shard_paths[0]).empty(), false);
}

TEST(Generator, ZeroRatesGiveOnlyOriginals) {
  GenOptions options = small_options(500);
  options.dup_rate = options.near_rate = options.bad_rate = 0;
  CorpusGenerator generator(testing::sample_pool(), options);
  GenRecord record;
  while (!generator.done()) {
    generator.next(record);
    ASSERT_EQ(record.truth.kind, RecordKind::original);
    ASSERT_FALSE(record.truncated);
  }
}

// Peak resident memory of this process in KiB (VmHWM), 0 when unknown.
uint64_t peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stoull(line.substr(6));
  }
  return 0;
}

TEST(Generator, StreamsInBoundedMemory) {
  GenOptions options = small_options(20000);
  options.reservoir = 512;
  options.shape.max_body_bytes = 20000;
  CorpusGenerator generator(testing::sample_pool(), options);
  GenRecord record;
  uint64_t bytes = 0;
  [[maybe_unused]] uint64_t peak_after_warmup = 0;
  for (uint64_t n = 0; !generator.done(); ++n) {
    generator.next(record);
    bytes += record.bytes.size();
    ASSERT_LE(generator.remembered(), 512u);
    if (n == 2000) peak_after_warmup = peak_rss_kib();
  }
  EXPECT_EQ(generator.remembered(), 512u);
  EXPECT_GT(bytes, 60u << 20) << "far more text went through than the generator keeps";
#if !defined(CORPUSFLOW_ASAN)
  // 18,000 more documents (tens of MB of text) may not grow the peak by more than a few MB.
  EXPECT_LT(peak_rss_kib(), peak_after_warmup + 8 * 1024);
#endif
}

TEST(Generator, CopiesOnlyPointBackwards) {
  GenOptions options = small_options(2000);
  options.shards = 4;
  CorpusGenerator generator(testing::sample_pool(), options);
  GenRecord record;
  while (!generator.done()) {
    generator.next(record);
    if (record.truth.kind == RecordKind::exact || record.truth.kind == RecordKind::near) {
      ASSERT_LT(record.truth.of, record.truth.id);
    }
  }
}

}  // namespace
}  // namespace corpusflow::gen
