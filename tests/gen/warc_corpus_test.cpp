// `corpusflow gen --format warc`: the shards read back through io's WARC reader as the documents the truth
// file lists, with the non-document records counted, the same bytes for the same seed, and a run over them
// that keeps, marks and rejects what the truth says.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "engine/gen/generator.h"
#include "engine/gen/html_page.h"
#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

using nlohmann::json;

GenOptions warc_options(uint64_t documents) {
  GenOptions options;
  options.documents = documents;
  options.format = ShardFormat::warc;
  options.seed = 11;
  options.dup_rate = 0.1;
  options.near_rate = 0.1;
  options.bad_rate = 0.1;  // every shard ends truncated
  options.level = 1;
  options.shape.max_body_bytes = 40000;
  return options;
}

std::vector<json> truth_of(const std::string& dir) {
  std::vector<json> truth;
  for (const std::string& line : testing::read_lines(dir + "/truth.jsonl.zst")) truth.push_back(json::parse(line));
  return truth;
}

struct ShardRead {
  std::vector<RawRecord> records;
  ReaderCounts counts;
};

ShardRead read_warc(const std::string& path) {
  ShardRead read;
  auto reader = open_record_reader(path, InputFormat::warc, ReaderLimits{});
  RawRecord record;
  while (reader->next(record)) read.records.push_back(record);
  read.counts = reader->counts();
  return read;
}

// The HTML between <tag> and </tag>, empty if the page has none.
std::string section(const std::string& html, const std::string& tag) {
  const size_t start = html.find("<" + tag + ">");
  if (start == std::string::npos) return {};
  return html.substr(start, html.find("</" + tag + ">", start) - start);
}

class WarcCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("warc-corpus");
    summary_ = write_corpus(testing::sample_pool(), warc_options(2000), dir_->path());
    truth_ = truth_of(dir_->path());
    for (uint32_t shard = 0; shard < summary_.shards; ++shard) {
      ShardRead read = read_warc(summary_.shard_paths[shard]);
      for (size_t r = 0; r < read.records.size(); ++r) {
        records_[std::to_string(shard) + ":" + std::to_string(r)] = read.records[r];
      }
      shard_sizes_.push_back(read.records.size());
      shard_counts_.push_back(read.counts);
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
  static inline std::vector<ReaderCounts> shard_counts_;
};

TEST_F(WarcCorpus, ShardsHoldOneDocumentPerTruthLineAndCountTheRest) {
  ASSERT_EQ(summary_.shards, 2u);
  ASSERT_EQ(truth_.size(), 2000u);
  EXPECT_TRUE(summary_.shard_paths[0].ends_with("/shards/gen-00000.warc.gz")) << summary_.shard_paths[0];
  for (size_t size : shard_sizes_) EXPECT_EQ(size, 1000u) << "one record per document, the truncated one too";

  std::map<std::string, uint64_t> skipped;
  for (const ReaderCounts& counts : shard_counts_) {
    for (const auto& [kind, count] : counts.skipped_by_kind) skipped[kind] += count;
  }
  EXPECT_EQ(skipped["warcinfo"], 2u);
  EXPECT_EQ(summary_.warc.warcinfo, 2u);
  EXPECT_EQ(skipped["request"], summary_.warc.requests);
  EXPECT_EQ(summary_.warc.requests, summary_.warc.pages + summary_.warc.not_found + summary_.warc.images);
  EXPECT_EQ(skipped["response HTTP 404"], summary_.warc.not_found);
  EXPECT_EQ(skipped["response image/png"], summary_.warc.images);
  EXPECT_EQ(skipped.size(), 4u);
  EXPECT_EQ(summary_.warc.pages, 2000u);
  EXPECT_GT(summary_.warc.not_found, 10u);
  EXPECT_GT(summary_.warc.images, 10u);
  EXPECT_NEAR(static_cast<double>(summary_.warc.chunked) / 2000, 0.20, 0.04);
  EXPECT_NEAR(static_cast<double>(summary_.warc.gzip) / 2000, 0.20, 0.04);
}

TEST_F(WarcCorpus, GoodRecordsAreHtmlPagesAtTheirUrl) {
  size_t good = 0;
  for (const json& entry : truth_) {
    if (entry["kind"] == "bad") continue;
    const std::string id = entry["id"];
    const RawRecord& record = records_.at(id);
    ++good;
    ASSERT_EQ(record.io_error, "") << id;
    ASSERT_EQ(record.bad_body, "") << id;
    EXPECT_EQ(record.name, entry["url"]) << id;
    EXPECT_EQ(record.web.url, entry["url"]) << id;
    EXPECT_EQ(record.web.type, "response") << id;
    EXPECT_EQ(record.web.media_type, "text/html") << id;
    EXPECT_EQ(record.web.charset, "utf-8") << id;
    EXPECT_TRUE(record.web.record_id.starts_with("<urn:uuid:")) << id;
    EXPECT_EQ(record.web.record_id, entry["doc_id"]) << "the id corpusflow gives the page: " << id;
    EXPECT_EQ(record.bytes.size(), entry["bytes"].get<uint64_t>()) << "chunks and gzip decoded: " << id;
    EXPECT_TRUE(record.bytes.starts_with("<!DOCTYPE html>")) << id;
    EXPECT_NE(record.bytes.find("<h1>"), std::string::npos) << id;
    EXPECT_TRUE(record.bytes.ends_with("</html>\n")) << id;
    EXPECT_TRUE(is_valid_utf8(record.bytes)) << id;
    for (const auto& line : entry.value("boilerplate", json::array())) {
      std::string escaped;
      append_html_escaped(line.get<std::string>(), escaped);
      EXPECT_TRUE(section(record.bytes, "nav").find("\">" + escaped + "</a></li>\n") != std::string::npos ||
                  section(record.bytes, "footer").find("<p>" + escaped + "</p>\n") != std::string::npos)
          << "a <nav> item or a <footer> paragraph: " << id << ": " << line;
    }
  }
  EXPECT_GT(good, 1500u);
}

TEST_F(WarcCorpus, ExactCopiesCarryTheOriginalsPage) {
  size_t checked = 0;
  for (const json& entry : truth_) {
    if (entry["kind"] != "exact") continue;
    EXPECT_EQ(records_.at(entry["id"]).bytes, records_.at(entry["of"].get<std::string>()).bytes) << entry["id"];
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

TEST_F(WarcCorpus, BadRecordsAreDamagedAsTheTruthSays) {
  std::map<std::string, size_t> seen;
  for (const json& entry : truth_) {
    if (entry["kind"] != "bad") continue;
    const std::string id = entry["id"];
    const std::string bad = entry["bad"];
    const RawRecord& record = records_.at(id);
    ++seen[bad];
    if (bad == "invalid_utf8") {
      EXPECT_FALSE(is_valid_utf8(record.bytes)) << id;
    } else if (bad == "empty") {
      EXPECT_EQ(record.bytes, "") << id;
      EXPECT_EQ(record.io_error, "") << id;
    } else if (bad == "bad_encoding") {
      EXPECT_NE(record.bad_body.find("gzip"), std::string::npos) << id << ": " << record.bad_body;
      EXPECT_EQ(record.io_error, "") << id;
    } else if (bad == "truncated") {
      EXPECT_NE(record.io_error, "") << id;
      EXPECT_EQ(id.substr(id.find(':') + 1), "999") << "only the last record of a shard is truncated";
    } else {
      ADD_FAILURE() << "unexpected kind " << bad;
    }
  }
  EXPECT_GT(seen["invalid_utf8"], 20u);
  EXPECT_GT(seen["empty"], 20u);
  EXPECT_GT(seen["bad_encoding"], 20u);
  EXPECT_EQ(seen["truncated"], 2u);
}

TEST(WarcGenerator, SameSeedGivesIdenticalBytesOtherSeedOtherBytes) {
  testing::TempDir dir("warc-determinism");
  GenOptions options = warc_options(600);
  options.shards = 2;
  write_corpus(testing::sample_pool(), options, dir / "a");
  options.workers = 2;
  write_corpus(testing::sample_pool(), options, dir / "b");
  options.seed = 12;
  write_corpus(testing::sample_pool(), options, dir / "c");
  for (const char* file : {"shards/gen-00000.warc.gz", "shards/gen-00001.warc.gz", "truth.jsonl.zst"}) {
    const std::string a = testing::read_file(dir / "a" / file);
    ASSERT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, testing::read_file(dir / "b" / file)) << file;
    EXPECT_NE(a, testing::read_file(dir / "c" / file)) << file;
  }
}

TEST(HtmlPage, EscapesMarkupAndPlacesBoilerplateAroundTheArticle) {
  Page page;
  page.title = "Fish & \"chips\"";
  page.top = {"Home <menu>"};
  page.paragraphs = {"a < b > c", "second"};
  page.bottom = {"(c) 2026 & co"};
  std::string html;
  render_html(page, html);
  EXPECT_NE(html.find("<title>Fish &amp; &quot;chips&quot;</title>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h1>Fish &amp; &quot;chips&quot;</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<nav>\n<ul>\n<li><a href=\"/home-menu\">Home &lt;menu&gt;</a></li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p>a &lt; b &gt; c</p>\n<p>second</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<footer>\n<p>(c) 2026 &amp; co</p>\n</footer>"), std::string::npos) << html;
  EXPECT_LT(html.find("</nav>"), html.find("<h1>"));
  EXPECT_LT(html.find("</article>"), html.find("<footer>"));
}

TEST(WarcGenerator, WarcDatesAreUtcTimestamps) {
  EXPECT_EQ(warc_date(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(warc_date(1764547200 + 3723), "2025-12-01T01:02:03Z");
}

TEST(WarcGenerator, RunKeepsMarksAndRejectsAsTheTruthSays) {
  testing::TempDir dir("warc-run");
  const std::string corpus = (dir / "corpus").string();
  write_corpus(testing::sample_pool(), warc_options(2000), corpus);
  const std::map<std::string, testing::RunOutcome> decisions = testing::run_corpusflow(corpus, (dir / "out").string());
  std::map<std::string, std::map<std::string, size_t>> outcomes;
  for (const json& entry : truth_of(corpus)) {
    const auto found = decisions.find(entry["doc_id"].get<std::string>());
    ASSERT_NE(found, decisions.end()) << "every record has an output line under its truth doc_id: " << entry["doc_id"];
    const std::string outcome = found->second.folder == "data" ? "kept"
                                : found->second.reason.empty() ? found->second.folder
                                                               : found->second.folder + ":" + found->second.reason;
    const std::string kind =
        entry["kind"] == "bad" ? entry["bad"].get<std::string>() : entry["kind"].get<std::string>();
    ++outcomes[kind][outcome.substr(0, outcome.find(':'))];
    const std::map<std::string, std::string> expected = {
        {"truncated", "rejects:io"}, {"empty", "rejects:empty"}, {"bad_encoding", "rejects:bad_encoding"}};
    if (expected.contains(kind)) {
      EXPECT_EQ(outcome, expected.at(kind)) << entry["id"];
    }
    // A low-quality original may be rejected: main-content extraction leaves nothing of a link list, say.
    if (kind == "original" && !entry.contains("low_quality")) {
      EXPECT_NE(outcome.substr(0, 7), "rejects") << entry["id"] << " " << outcome;
    }
  }
  const auto share = [&](const std::string& kind, const std::string& outcome) {
    size_t total = 0;
    for (const auto& [name, count] : outcomes[kind]) total += count;
    return static_cast<double>(outcomes[kind][outcome]) / static_cast<double>(std::max<size_t>(1, total));
  };
  EXPECT_EQ(share("exact", "duplicates"), 1.0) << "the extracted text of an exact copy is its original's";
  EXPECT_GT(share("near", "duplicates"), 0.6);
  EXPECT_LT(share("original", "duplicates"), 0.02);
}

}  // namespace
}  // namespace corpusflow::gen
