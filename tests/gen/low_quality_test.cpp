// Low-quality originals (--low-quality-rate): each kind at about its share, with the property it claims, in
// its site's script, never copied; rate 0 is the corpus without them byte for byte, and with them the other
// records keep their content and order.
#include "engine/gen/low_quality.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "engine/gen/generator.h"
#include "engine/gen/site_words.h"
#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

using nlohmann::json;

std::vector<json> truth_lines(const std::string& dir) {
  std::vector<json> truth;
  for (const std::string& line : testing::read_lines(dir + "/truth.jsonl.zst")) truth.push_back(json::parse(line));
  return truth;
}

// The lines of a text that hold something, as a line-based filter sees them.
std::vector<std::string> text_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    if (text.substr(start, end - start).find_first_not_of(' ') != std::string_view::npos) {
      lines.emplace_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> words_of_text(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n')) ++start;
    size_t end = start;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

bool ends_with_terminal_punctuation(std::string_view line) {
  for (const char* mark : {".", "!", "?", "…", "؟", "。", "！", "？", "।", "۔", "။", "።", "។"}) {
    if (line.ends_with(mark)) return true;
  }
  return false;
}

bool starts_with_bullet(std::string_view line) {
  for (const char* bullet : {"•", "-", "*", "▪"}) {
    if (line.starts_with(bullet)) return true;
  }
  return false;
}

// Gopher's repetition measure: the share of the words' characters in the occurrences of the most frequent
// word 2-gram.
double top_bigram_character_share(const std::vector<std::string>& words) {
  std::map<std::pair<std::string, std::string>, size_t> counts;
  size_t characters = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    characters += words[i].size();
    if (i + 1 < words.size()) ++counts[{words[i], words[i + 1]}];
  }
  double best = 0;
  for (const auto& [gram, count] : counts) {
    best = std::max(best, static_cast<double>(count * (gram.first.size() + gram.second.size())));
  }
  return characters == 0 ? 0 : best / static_cast<double>(characters);
}

// Sorted hashes of a text's 5-word shingles.
std::vector<uint64_t> shingles_of(const std::vector<std::string>& words) {
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    uint64_t hash = 0;
    for (size_t k = 0; k < 5; ++k) hash = XXH3_64bits_withSeed(words[i + k].data(), words[i + k].size(), hash);
    shingles.push_back(hash);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

std::string url_host(const std::string& url) {
  const size_t start = url.find("://") + 3;
  return url.substr(start, url.find_first_of("/:?", start) - start);
}

GenOptions low_quality_options() {
  GenOptions options;
  options.documents = 6000;  // each test is its own process under CTest, so each makes the corpus
  options.seed = 13;
  options.dup_rate = 0.1;
  options.near_rate = 0.1;
  options.bad_rate = 0.02;
  options.url_near_miss_rate = 0.02;
  options.low_quality_rate = 0.1;
  options.level = 1;
  options.shape.max_body_bytes = 20000;
  return options;
}

// One tar corpus with a low-quality page in ten, read back through io.
class LowQualityCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("low-quality");
    summary_ = write_corpus(testing::sample_pool(), low_quality_options(), dir_->path());
    truth_ = truth_lines(dir_->path());
    for (uint32_t shard = 0; shard < summary_.shards; ++shard) {
      const auto records = testing::read_records(summary_.shard_paths[shard]);
      for (size_t r = 0; r < records.size(); ++r) {
        // The text corpusflow reads from a scraped page: what follows the header line.
        const std::string& bytes = records[r].bytes;
        const size_t newline = bytes.find('\n');
        texts_[std::to_string(shard) + ":" + std::to_string(r)] =
            newline == std::string::npos ? std::string() : bytes.substr(newline + 1);
      }
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    truth_.clear();
    texts_.clear();
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline GenSummary summary_;
  static inline std::vector<json> truth_;
  static inline std::map<std::string, std::string> texts_;
};

TEST_F(LowQualityCorpus, EachKindAtAboutItsShareOfTheRecords) {
  std::map<std::string, size_t> kinds;
  for (const json& entry : truth_) {
    if (!entry.contains("low_quality")) continue;
    EXPECT_EQ(entry["kind"], "original") << entry["id"];
    EXPECT_FALSE(entry.contains("boilerplate")) << "no menus or footers: " << entry["id"];
    EXPECT_FALSE(entry.contains("url_near_miss")) << entry["id"];
    ++kinds[entry["low_quality"].get<std::string>()];
  }
  ASSERT_EQ(kinds.size(), 10u);
  size_t total = 0;
  for (int kind = 1; kind < kLowQualityKinds; ++kind) {
    const std::string name = to_string(static_cast<LowQuality>(kind));
    // 6,000 x 0.1 / 10 = 60 expected, standard deviation 7.5.
    EXPECT_GT(kinds[name], 35u) << name;
    EXPECT_LT(kinds[name], 85u) << name;
    EXPECT_EQ(summary_.low_quality_by_kind[kind], kinds[name]) << name;
    total += kinds[name];
  }
  EXPECT_EQ(summary_.low_quality, total);
  EXPECT_NEAR(static_cast<double>(total) / 6000, 0.1, 0.015);
  // The others are as many as without them: the layer takes its share from every kind alike.
  EXPECT_NEAR(static_cast<double>(summary_.exact) / 6000, 0.09, 0.015);
  EXPECT_NEAR(static_cast<double>(summary_.near) / 6000, 0.09, 0.015);
}

TEST_F(LowQualityCorpus, EachPageHasThePropertyItsKindClaims) {
  for (const json& entry : truth_) {
    if (!entry.contains("low_quality")) continue;
    const std::string id = entry["id"];
    const std::string kind = entry["low_quality"];
    const std::string& text = texts_.at(id);
    const auto lines = text_lines(text);
    const auto words = words_of_text(text);
    const auto share = [&](auto predicate) {
      return static_cast<double>(std::count_if(lines.begin(), lines.end(), predicate)) /
             static_cast<double>(lines.size());
    };
    ASSERT_GE(lines.size(), 3u) << id << " " << kind;  // the title twice, then the body
    const std::string context = id + " " + kind + ":\n" + text.substr(0, 600);
    if (kind == "too_short") {
      EXPECT_LT(words.size(), 50u) << context;
      EXPECT_LT(code_point_count(text), 400u) << context;  // (two title lines of at most 80, 200 of text)
    } else if (kind == "keyword_list" || kind == "navigation") {
      EXPECT_GE(lines.size(), 30u) << context;
      EXPECT_GE(share([](const std::string& line) { return !ends_with_terminal_punctuation(line); }), 0.9) << context;
      std::vector<size_t> lengths;
      for (const std::string& line : lines) lengths.push_back(code_point_count(line));
      std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2),
                       lengths.end());
      EXPECT_LE(lengths[lengths.size() / 2], 40u) << "most lines are short: " << context;
    } else if (kind == "bullet_list") {
      EXPECT_GT(share([](const std::string& line) { return starts_with_bullet(line); }), 0.9) << context;
    } else if (kind == "ellipsis_lines") {
      EXPECT_GT(share([](const std::string& line) { return line.ends_with("...") || line.ends_with("…"); }), 0.6)
          << context;
    } else if (kind == "symbol_heavy") {
      const size_t hashes = static_cast<size_t>(std::count(text.begin(), text.end(), '#'));
      EXPECT_GE(static_cast<double>(hashes) / static_cast<double>(words.size()), 0.2) << context;
    } else if (kind == "repeated_lines") {
      const std::set<std::string> distinct(lines.begin(), lines.end());
      EXPECT_LE(distinct.size(), 8u) << context;
      EXPECT_GE(1.0 - static_cast<double>(distinct.size()) / static_cast<double>(lines.size()), 0.7) << context;
    } else if (kind == "repeated_ngrams") {
      EXPECT_GT(top_bigram_character_share(words), 0.2) << "Gopher's threshold for 2-grams: " << context;
    } else if (kind == "lorem_ipsum") {
      EXPECT_NE(text.find("Lorem ipsum dolor sit amet, consectetur adipiscing elit."), std::string::npos) << context;
    } else if (kind == "code") {
      EXPECT_NE(text.find('{'), std::string::npos) << context;
      EXPECT_GE(share([](const std::string& line) { return line.find_first_of("{};") != std::string::npos; }), 0.6)
          << context;
    } else {
      ADD_FAILURE() << "unknown kind " << kind;
    }
  }
}

TEST_F(LowQualityCorpus, NeverTheSourceOfACopyOrANearMiss) {
  std::set<std::string> low_quality_ids, low_quality_doc_ids;
  for (const json& entry : truth_) {
    if (!entry.contains("low_quality")) continue;
    low_quality_ids.insert(entry["id"].get<std::string>());
    low_quality_doc_ids.insert(entry["doc_id"].get<std::string>());
  }
  size_t copies = 0, near_misses = 0;
  for (const json& entry : truth_) {
    if (entry.contains("of")) {
      ++copies;
      EXPECT_FALSE(low_quality_ids.contains(entry["of"].get<std::string>())) << entry["id"];
    }
    if (entry.contains("url_near_miss_of")) {
      ++near_misses;
      EXPECT_FALSE(low_quality_doc_ids.contains(entry["url_near_miss_of"].get<std::string>())) << entry["id"];
    }
  }
  EXPECT_GT(copies, 800u);
  EXPECT_GT(near_misses, 30u);
}

// Made of the site's family: the text (placeholder text and code aside) is in the site's script.
TEST_F(LowQualityCorpus, WrittenInTheirSitesScript) {
  const GenOptions options = low_quality_options();
  const SiteTable sites(testing::sample_pool(), options.sites, options.seed);
  std::map<std::string, const Site*> by_host;
  for (size_t i = 0; i < sites.size(); ++i) by_host[sites.site(i).host] = &sites.site(i);
  std::map<std::string, std::set<std::string>> scripts;  // kind -> scripts seen
  size_t pages = 0, other_script = 0;
  for (const json& entry : truth_) {
    if (!entry.contains("low_quality")) continue;
    const std::string kind = entry["low_quality"];
    if (kind == "lorem_ipsum" || kind == "code") continue;
    const Site* site = by_host.at(url_host(entry["url"]));
    // Whether a script of no vocabulary spaces its words is told by its spaces, which a list of one word a line
    // has few of: other_spaced and other_unspaced are one here.
    const auto named = [](Script script) {
      return script == Script::other_unspaced ? std::string("other_spaced") : std::string(to_string(script));
    };
    ++pages;
    scripts[kind].insert(named(site->script));
    if (named(text_script(texts_.at(entry["id"]))) == named(site->script)) continue;
    // A few families mix scripts (a UDHR translation with its romanization or its Han characters), and a short
    // page can be made of their other one.
    ++other_script;
    std::printf("in another script than its site's (%s): %s %s: %s\n", to_string(site->script),
                entry["id"].get<std::string>().c_str(), kind.c_str(), texts_.at(entry["id"]).substr(0, 200).c_str());
  }
  EXPECT_LE(other_script * 50, pages) << "at most 2% of the pages";
  for (const auto& [kind, seen] : scripts) EXPECT_GE(seen.size(), 3u) << kind;
}

// Two low-quality pages are never near duplicates of each other (the dedup truth has no pair of them; 5-word
// shingle Jaccard under 0.6), and never the same text.
TEST_F(LowQualityCorpus, NotNearDuplicatesOfEachOther) {
  std::map<std::string, std::vector<std::pair<std::string, std::vector<uint64_t>>>> by_kind;
  std::set<std::string> texts;
  for (const json& entry : truth_) {
    if (!entry.contains("low_quality")) continue;
    const std::string& text = texts_.at(entry["id"]);
    EXPECT_TRUE(texts.insert(text).second)
        << "the same text twice: " << entry["id"] << " " << entry["low_quality"] << ":\n"
        << text.substr(0, 300);
    by_kind[entry["low_quality"].get<std::string>()].emplace_back(entry["id"], shingles_of(words_of_text(text)));
  }
  for (const auto& [kind, pages] : by_kind) {
    double worst = 0;
    std::string pair;
    for (size_t a = 0; a < pages.size(); ++a) {
      for (size_t b = a + 1; b < pages.size(); ++b) {
        const auto& x = pages[a].second;
        const auto& y = pages[b].second;
        if (x.empty() || y.empty()) continue;
        std::vector<uint64_t> common;
        std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
        const double jaccard =
            static_cast<double>(common.size()) / static_cast<double>(x.size() + y.size() - common.size());
        if (jaccard > worst) {
          worst = jaccard;
          pair = pages[a].first + " " + pages[b].first;
        }
      }
    }
    // Two pages of a small family can share a sentence (a loop line, a piece of one): well below the 0.7 of
    // near-duplicate detection, never close to it.
    EXPECT_LT(worst, 0.6) << kind << ": " << pair;
  }
}

GenOptions small_stream_options(ShardFormat format) {
  GenOptions options;
  options.documents = 1200;
  options.seed = 5;
  options.format = format;
  options.bad_rate = 0.1;  // every shard ends truncated
  options.level = 1;
  options.shape.max_body_bytes = 20000;
  options.low_quality_rate = 0;
  return options;
}

// The records and truth of a corpus, hashed (decompressed, so that no zstd or zlib version changes them).
std::pair<uint64_t, uint64_t> corpus_hashes(const std::string& dir, const GenSummary& summary) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const std::string& path : summary.shard_paths) {
    for (const RawRecord& record : testing::read_records(path)) {
      for (const std::string* part : {&record.name, &record.bytes, &record.io_error}) {
        XXH3_64bits_update(state, part->c_str(), part->size() + 1);
      }
    }
  }
  const uint64_t shards = XXH3_64bits_digest(state);
  XXH3_64bits_reset(state);
  for (const std::string& line : testing::read_lines(dir + "/truth.jsonl.zst")) {
    XXH3_64bits_update(state, line.c_str(), line.size() + 1);
  }
  const uint64_t truth = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return {shards, truth};
}

// Pinned from the generator before low-quality pages existed (commit 2e9651d): --low-quality-rate 0 must
// give that corpus byte for byte. A change of the generator's output on purpose changes these; say why.
TEST(GenLowQuality, RateZeroIsTheCorpusWithoutThemByteForByte) {
  const std::map<ShardFormat, std::pair<uint64_t, uint64_t>> pinned = {
      {ShardFormat::tar, {0x259752413b2968f3ULL, 0xd2aceac512196017ULL}},
      {ShardFormat::jsonl, {0x128ae7f6316fa889ULL, 0xadc241b2fc8e5406ULL}},
      {ShardFormat::warc, {0x1036d488d26e5f01ULL, 0x75556b60dcbe8486ULL}}};
  for (const auto& [format, hashes] : pinned) {
    testing::TempDir dir(std::string("low-quality-zero-") + to_string(format));
    const GenSummary summary = write_corpus(testing::sample_pool(), small_stream_options(format), dir.path());
    EXPECT_EQ(summary.low_quality, 0u);
    const auto [shards, truth] = corpus_hashes(dir.path(), summary);
    EXPECT_EQ(shards, hashes.first) << to_string(format) << " shards";
    EXPECT_EQ(truth, hashes.second) << to_string(format) << " truth";
  }
}

// What a record is, without where it is: with low-quality pages, the other records are the ones of the corpus
// without them, in the same order, the same bytes and the same truth (copies of the same originals), the last
// ones cut off; the truncated shard ends are drawn anew.
TEST(GenLowQuality, TheOtherRecordsKeepTheirContentAndOrder) {
  testing::TempDir dir("low-quality-stream");
  GenOptions options = small_stream_options(ShardFormat::tar);
  options.documents = 3000;
  options.dup_rate = options.near_rate = 0.1;
  options.url_near_miss_rate = 0.03;
  struct Kept {
    std::string bytes;
    json truth;
  };
  const auto stream_of = [&](double rate, const std::string& name) {
    options.low_quality_rate = rate;
    const GenSummary summary = write_corpus(testing::sample_pool(), options, dir / name);
    std::vector<json> truth = truth_lines((dir / name).string());
    std::vector<RawRecord> records;
    for (const std::string& path : summary.shard_paths) {
      for (RawRecord& record : testing::read_records(path)) records.push_back(std::move(record));
    }
    EXPECT_EQ(records.size(), truth.size());
    std::map<std::string, size_t> index;  // positional id or doc_id -> index in the stream
    std::vector<Kept> kept;
    for (size_t i = 0; i < truth.size(); ++i) {
      if (truth[i].contains("low_quality") || truth[i].value("bad", "") == "truncated") continue;
      json entry = truth[i];
      index[entry["id"].get<std::string>()] = index[entry["doc_id"].get<std::string>()] = kept.size();
      // Positions become stream indices; the rest must be equal.
      for (const char* field : {"of", "of_doc_id", "url_near_miss_of"}) {
        if (entry.contains(field)) entry[field] = index.at(entry[field].get<std::string>());
      }
      entry.erase("id");
      entry.erase("doc_id");
      kept.push_back(Kept{records[i].bytes, entry});
    }
    return kept;
  };
  const std::vector<Kept> without = stream_of(0, "without");
  const std::vector<Kept> with = stream_of(0.1, "with");
  ASSERT_GT(with.size(), 2500u);
  ASSERT_LT(with.size(), without.size());
  for (size_t i = 0; i < with.size(); ++i) {
    ASSERT_EQ(with[i].truth, without[i].truth) << "record " << i << " of the stream";
    ASSERT_EQ(with[i].bytes, without[i].bytes) << "record " << i << " of the stream";
  }
}

TEST(GenLowQuality, EveryKindHasAName) {
  std::set<std::string> names;
  for (int kind = 0; kind < kLowQualityKinds; ++kind) names.insert(to_string(static_cast<LowQuality>(kind)));
  EXPECT_EQ(names.size(), static_cast<size_t>(kLowQualityKinds));
  EXPECT_FALSE(names.contains("unknown"));
}

}  // namespace
}  // namespace corpusflow::gen
