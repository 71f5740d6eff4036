// Dedup quality against exact ground truth: a labelled corpus of real ANT pages, near-copies made from
// them and hard negatives, judged by exact Jaccard over the very shingle sets MinHash samples.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "stages/dedup/band_key.h"
#include "stages/dedup/decider.h"
#include "stages/dedup/fingerprinter.h"
#include "stages/dedup/minhash.h"
#include "stages/dedup/shingles.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"
#include "tests/support/ant_pages.h"

namespace corpusflow {
namespace {

using testing::ant_pages;
using testing::AntPage;

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  size_t below(size_t n) { return static_cast<size_t>(engine_() % n); }
  bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }

 private:
  std::mt19937_64 engine_;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::unordered_set<std::string> seen;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, end - begin);
    // The scraper repeats the title and often the whole page; normalize removes that before dedup.
    if (!line.empty() && seen.insert(line).second) lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

const std::vector<std::string> kBoilerplate = {
    "تابعونا على فيسبوك وتويتر ويوتيوب للحصول على آخر الأخبار العاجلة والتقارير الحصرية",
    "الرئيسية | سياسة | اقتصاد | رياضة | ثقافة وفنون | علوم وتكنولوجيا | صحة | منوعات",
    "جميع الحقوق محفوظة لموقعنا الإخباري ولا يجوز نقل المحتوى دون إذن مسبق من إدارة التحرير",
    "اشترك في النشرة البريدية ليصلك ملخص أهم الأخبار يوميا على بريدك الإلكتروني مجانا",
};
const std::vector<std::string> kSubstitutes = {"الحكومة", "الوزير", "المدينة", "العام",  "الشركة",
                                               "المنطقة", "الرئيس", "الشعب",   "الدولة", "المجلس"};

void add_boilerplate(std::vector<std::string>& lines) {
  lines.insert(lines.begin(), kBoilerplate.begin(), kBoilerplate.begin() + 2);
  lines.insert(lines.end(), kBoilerplate.begin() + 2, kBoilerplate.end());
}

void drop_paragraph(std::vector<std::string>& lines, Random& random) {
  if (lines.size() >= 4) lines.erase(lines.begin() + 1 + static_cast<long>(random.below(lines.size() - 1)));
}

// Replaces each code point selected by `pick` with what `edit` returns; UTF-8 throughout.
template <typename Edit>
std::string edit_code_points(const std::string& line, Edit edit) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    size_t length = 1;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xf0)
      length = 4;
    else if (lead >= 0xe0)
      length = 3;
    else if (lead >= 0xc0)
      length = 2;
    out += edit(std::string_view(line).substr(i, length));
    i += length;
  }
  return out;
}

bool is_arabic_letter(std::string_view c) {
  return c.size() == 2 && (c[0] == '\xd8' || c[0] == '\xd9') &&
         !(c[0] == '\xd9' && static_cast<unsigned char>(c[1]) >= 0x8b);
}

void diacritics_and_tatweel(std::vector<std::string>& lines, Random& random) {
  static const char* kMarks[] = {"\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640"};
  for (auto& line : lines) {
    line = edit_code_points(line, [&](std::string_view c) {
      std::string out(c);
      if (is_arabic_letter(c) && random.chance(8)) out += kMarks[random.below(6)];
      return out;
    });
  }
}

void change_numbers(std::vector<std::string>& lines, Random& random) {
  for (auto& line : lines) {
    for (char& c : line) {
      if (c >= '0' && c <= '9') c = static_cast<char>('0' + random.below(10));
    }
  }
}

void arabic_digits(std::vector<std::string>& lines) {
  for (auto& line : lines) {
    line = edit_code_points(line, [](std::string_view c) {
      if (c.size() == 1 && c[0] >= '0' && c[0] <= '9') {
        std::string out = "\xd9";  // U+0660..U+0669: D9 A0..D9 A9
        out += static_cast<char>(0xa0 + (c[0] - '0'));
        return out;
      }
      return std::string(c);
    });
  }
}

void substitute_words(std::vector<std::string>& lines, Random& random, int count) {
  for (int n = 0; n < count && lines.size() > 1; ++n) {
    std::string& line = lines[1 + random.below(lines.size() - 1)];
    std::vector<size_t> starts = {0};
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == ' ') starts.push_back(i + 1);
    }
    const size_t start = starts[random.below(starts.size())];
    size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    line.replace(start, end - start, kSubstitutes[random.below(kSubstitutes.size())]);
  }
}

std::string near_copy(const std::string& original, Random& random) {
  std::vector<std::string> lines = split_lines(original);
  bool changed = false;
  while (!changed) {
    if (random.chance(40)) {
      add_boilerplate(lines);
      changed = true;
    }
    if (random.chance(30)) {
      drop_paragraph(lines, random);
      changed = true;
    }
    if (random.chance(40)) {
      change_numbers(lines, random);
      changed = true;
    }
    if (random.chance(40)) {
      substitute_words(lines, random, 1 + static_cast<int>(random.below(4)));
      changed = true;
    }
    if (random.chance(40)) {
      diacritics_and_tatweel(lines, random);
      changed = true;
    }
    if (random.chance(30)) {
      arabic_digits(lines);
      changed = true;
    }
  }
  return join_lines(lines);
}

struct LabelledDoc {
  std::string text;
  std::vector<uint64_t> shingles;  // sorted, unique: the exact set
  std::string fingerprint;
};

struct Corpus {
  std::vector<LabelledDoc> docs;
};

const Corpus& labelled_corpus() {
  static const Corpus corpus = [] {
    Random random(2024);
    const std::vector<AntPage> originals = ant_pages(0);
    const std::vector<AntPage> others = ant_pages(1);
    std::vector<std::string> texts;
    for (size_t i = 0; i < 700; ++i) {
      const std::string original = join_lines(split_lines(originals[i].text));
      texts.push_back(original);
      texts.push_back(near_copy(original, random));
      if (random.chance(33)) texts.push_back(near_copy(original, random));
    }
    for (size_t i = 0; i < 400; ++i) {  // hard negatives: the copies' boilerplate, another article
      std::vector<std::string> lines = split_lines(others[i].text);
      add_boilerplate(lines);
      texts.push_back(join_lines(lines));
    }
    std::shuffle(texts.begin(), texts.end(), std::mt19937_64(11));

    Corpus result;
    std::vector<std::string_view> tokens;
    for (auto& text : texts) {
      LabelledDoc doc;
      doc.fingerprint = fingerprint_text(text);
      tokenize(doc.fingerprint, tokens);
      shingle_hashes(tokens, 5, doc.shingles);
      std::sort(doc.shingles.begin(), doc.shingles.end());
      doc.shingles.erase(std::unique(doc.shingles.begin(), doc.shingles.end()), doc.shingles.end());
      doc.text = std::move(text);
      result.docs.push_back(std::move(doc));
    }
    return result;
  }();
  return corpus;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const size_t all = a.size() + b.size() - common;
  return all ? double(common) / double(all) : 1.0;
}

uint64_t pair_key(uint32_t a, uint32_t b) { return (uint64_t{std::min(a, b)} << 32) | std::max(a, b); }

// Exact Jaccard of every pair with J >= min_jaccard, through an inverted index of shingles.
std::unordered_map<uint64_t, double> similar_pairs(const Corpus& corpus, double min_jaccard) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::unordered_map<uint64_t, double> pairs;
  size_t total = 0;
  for (const auto& doc : corpus.docs) total += doc.shingles.size();
  postings.reserve(total);
  std::vector<uint32_t> counts(corpus.docs.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t d = 0; d < corpus.docs.size(); ++d) {
    const auto& shingles = corpus.docs[d].shingles;
    touched.clear();
    for (uint64_t s : shingles) {
      auto& list = postings[s];
      for (uint32_t e : list) {
        if (counts[e]++ == 0) touched.push_back(e);
      }
      list.push_back(d);
    }
    for (uint32_t e : touched) {
      const double common = counts[e];
      const double jaccard = common / (shingles.size() + corpus.docs[e].shingles.size() - common);
      if (jaccard >= min_jaccard) pairs[pair_key(d, e)] = jaccard;
      counts[e] = 0;
    }
  }
  return pairs;
}

struct PairQuality {
  uint64_t positives = 0, true_positives = 0, false_positives = 0, predicted = 0;
  double precision() const {
    return true_positives + false_positives ? double(true_positives) / double(true_positives + false_positives) : 1.0;
  }
  double recall() const { return positives ? double(true_positives) / double(positives) : 1.0; }
};

// Pairs the LSH index proposes (one band in common) and verification accepts, judged by exact Jaccard:
// positives J >= 0.8, negatives J < 0.5, pairs in between not counted.
PairQuality measure_pairs(const Corpus& corpus, const std::unordered_map<uint64_t, double>& truth,
                          const DedupConfig& config, MinHashFamily family) {
  const MinHasher hasher(family, config.signature_size(), config.seed);
  const size_t k = static_cast<size_t>(config.signature_size());
  std::vector<std::vector<uint32_t>> signatures(corpus.docs.size());
  for (size_t d = 0; d < corpus.docs.size(); ++d) {
    if (!corpus.docs[d].shingles.empty()) hasher.signature(corpus.docs[d].shingles, signatures[d]);
  }
  const int min_agreement = Decider(config).min_agreement();
  std::unordered_set<uint64_t> predicted;
  for (int band = 0; band < config.bands; ++band) {
    std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
    buckets.reserve(signatures.size());
    for (uint32_t d = 0; d < signatures.size(); ++d) {
      if (!signatures[d].empty()) buckets[band_key(signatures[d].data(), band, config.rows, config.seed)].push_back(d);
    }
    for (const auto& [key, docs] : buckets) {
      for (size_t i = 0; i < docs.size(); ++i) {
        for (size_t j = i + 1; j < docs.size(); ++j) {
          if (Decider::stored_agreement(signatures[docs[i]].data(), signatures[docs[j]].data(), static_cast<int>(k)) >=
              min_agreement) {
            predicted.insert(pair_key(docs[i], docs[j]));
          }
        }
      }
    }
  }
  PairQuality quality;
  quality.predicted = predicted.size();
  for (const auto& [pair, jaccard] : truth) quality.positives += jaccard >= 0.8;
  for (uint64_t pair : predicted) {
    const auto it = truth.find(pair);
    const double jaccard = it == truth.end() ? 0.0 : it->second;
    if (jaccard >= 0.8) ++quality.true_positives;
    if (jaccard < 0.5) ++quality.false_positives;
  }
  return quality;
}

// CORPUSFLOW_QUALITY_GRID="14x8@0.75 20x5@0.70 ..." prints the same measures for each setting (docs/dedup.md).
void print_grid(const Corpus& corpus, const std::unordered_map<uint64_t, double>& truth, const char* grid) {
  std::istringstream settings(grid);
  std::string setting;
  while (settings >> setting) {
    DedupConfig config;
    char x = 0, at = 0;
    std::istringstream parse(setting);
    parse >> config.bands >> x >> config.rows >> at >> config.threshold;
    const PairQuality q = measure_pairs(corpus, truth, config, MinHashFamily::one_permutation);
    std::printf("[grid] %-12s positives=%llu predicted=%llu TP=%llu FP(J<0.5)=%llu recall=%.4f\n", setting.c_str(),
                static_cast<unsigned long long>(q.positives), static_cast<unsigned long long>(q.predicted),
                static_cast<unsigned long long>(q.true_positives), static_cast<unsigned long long>(q.false_positives),
                q.recall());
  }
}

TEST(DedupQuality, LabelledCorpusPrecisionAndRecallOnPairs) {
  const Corpus& corpus = labelled_corpus();
  ASSERT_GT(corpus.docs.size(), 2000u);
  const auto truth = similar_pairs(corpus, 0.5);
  if (const char* grid = std::getenv("CORPUSFLOW_QUALITY_GRID")) print_grid(corpus, truth, grid);
  const DedupConfig config;
  for (MinHashFamily family : {MinHashFamily::one_permutation, MinHashFamily::mod_prime}) {
    const PairQuality q = measure_pairs(corpus, truth, config, family);
    const char* name = family == MinHashFamily::mod_prime ? "mod_prime" : "one_permutation";
    std::printf(
        "[quality] %s docs=%zu positives(J>=0.8)=%llu predicted=%llu TP=%llu FP(J<0.5)=%llu "
        "precision=%.4f recall=%.4f\n",
        name, corpus.docs.size(), static_cast<unsigned long long>(q.positives),
        static_cast<unsigned long long>(q.predicted), static_cast<unsigned long long>(q.true_positives),
        static_cast<unsigned long long>(q.false_positives), q.precision(), q.recall());
    EXPECT_GE(q.positives, 700u) << name;
    EXPECT_EQ(q.false_positives, 0u) << name;
    EXPECT_GE(q.recall(), family == MinHashFamily::one_permutation ? 0.99 : 0.95) << name;
  }
}

// The Decider against a brute-force oracle: the leader rule with exact Jaccard (>= threshold) over the
// same shingle sets and equality of fingerprint texts.
TEST(DedupQuality, DeciderAgreesWithExactJaccardLeaderRule) {
  const Corpus& corpus = labelled_corpus();
  const DedupConfig config;
  const uint32_t n = static_cast<uint32_t>(corpus.docs.size());

  std::vector<int64_t> oracle(n, -1);  // leader index, -1 = kept
  {
    std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // kept documents only
    std::unordered_map<std::string, uint32_t> kept_texts;
    std::vector<uint32_t> counts(n, 0), touched;
    for (uint32_t d = 0; d < n; ++d) {
      const LabelledDoc& doc = corpus.docs[d];
      if (const auto it = kept_texts.find(doc.fingerprint); it != kept_texts.end()) {
        oracle[d] = it->second;
        continue;
      }
      touched.clear();
      for (uint64_t s : doc.shingles) {
        if (const auto it = postings.find(s); it != postings.end()) {
          for (uint32_t e : it->second) {
            if (counts[e]++ == 0) touched.push_back(e);
          }
        }
      }
      std::sort(touched.begin(), touched.end());
      for (uint32_t e : touched) {
        const double common = counts[e];
        const double jaccard = common / (doc.shingles.size() + corpus.docs[e].shingles.size() - common);
        if (oracle[d] < 0 && jaccard >= config.threshold) oracle[d] = e;
        counts[e] = 0;
      }
      if (oracle[d] >= 0) continue;
      kept_texts.emplace(doc.fingerprint, d);
      for (uint64_t s : doc.shingles) postings[s].push_back(d);
    }
  }

  Fingerprinter fingerprinter(config);
  Decider decider(config);
  uint32_t same_outcome = 0, same_leader = 0, oracle_duplicates = 0, decider_duplicates = 0;
  std::vector<char> kept(n, 0);
  for (uint32_t d = 0; d < n; ++d) {
    Document doc;
    doc.id = {0, d};
    doc.text = corpus.docs[d].text;
    fingerprinter.fingerprint(doc);
    decider.decide(doc);
    const bool duplicate = doc.outcome == Outcome::duplicate;
    kept[d] = !duplicate;
    decider_duplicates += duplicate;
    oracle_duplicates += oracle[d] >= 0;
    same_outcome += duplicate == (oracle[d] >= 0);
    same_leader += duplicate ? oracle[d] == static_cast<int64_t>(doc.duplicate_of.record) : oracle[d] < 0;
    if (duplicate) {
      // The contract: the leader is earlier, kept, and really resembles the document.
      const uint32_t leader = static_cast<uint32_t>(doc.duplicate_of.record);
      ASSERT_LT(leader, d);
      ASSERT_TRUE(kept[leader]);
      if (doc.duplicate_kind == DuplicateKind::near) {
        EXPECT_GE(jaccard(corpus.docs[d].shingles, corpus.docs[leader].shingles), 0.5) << d << " ~ " << leader;
      } else {
        EXPECT_EQ(doc.duplicate_kind, DuplicateKind::exact);
        EXPECT_EQ(corpus.docs[d].fingerprint, corpus.docs[leader].fingerprint);
      }
    }
  }
  std::printf(
      "[quality] leader rule: docs=%u oracle duplicates=%u decider duplicates=%u same outcome=%.4f "
      "same leader=%.4f candidates checked=%llu\n",
      n, oracle_duplicates, decider_duplicates, double(same_outcome) / n, double(same_leader) / n,
      static_cast<unsigned long long>(decider.stats().candidates_checked));
  EXPECT_GE(double(same_outcome) / n, 0.97);
  EXPECT_GE(double(same_leader) / n, 0.96);
}

// The real duplicates of the ANT sample (same article under two categories, re-crawls): per kind.
TEST(DedupQuality, AntSampleRealDuplicates) {
  const DedupConfig config;
  Fingerprinter fingerprinter(config);
  Decider decider(config);
  std::vector<Document> docs;
  for (int shard = 0; shard < 3; ++shard) {
    const auto pages = ant_pages(shard);
    for (size_t i = 0; i < pages.size(); ++i) {
      Document doc;
      doc.id = {static_cast<uint32_t>(shard), i};
      doc.source = pages[i].name;
      doc.url = pages[i].url;
      doc.text = join_lines(split_lines(pages[i].text));
      fingerprinter.fingerprint(doc);
      decider.decide(doc);
      docs.push_back(std::move(doc));
    }
  }
  const DeciderStats stats = decider.stats();
  std::printf(
      "[quality] ANT sample: docs=%zu kept=%llu exact=%llu url=%llu near=%llu index=%llu bytes "
      "(%.0f per kept)\n",
      docs.size(), static_cast<unsigned long long>(stats.kept_in_index),
      static_cast<unsigned long long>(stats.duplicates_exact), static_cast<unsigned long long>(stats.duplicates_url),
      static_cast<unsigned long long>(stats.duplicates_near), static_cast<unsigned long long>(stats.index_bytes),
      double(stats.index_bytes) / double(stats.kept_in_index));
  EXPECT_EQ(docs.size(), 3000u);
  EXPECT_EQ(stats.kept_in_index + stats.duplicates_exact + stats.duplicates_url + stats.duplicates_near, docs.size());
  EXPECT_GT(stats.duplicates_exact + stats.duplicates_url + stats.duplicates_near, 0u);
  if (std::getenv("CORPUSFLOW_SHOW_DUPLICATES") != nullptr) {
    for (const Document& doc : docs) {
      if (doc.outcome != Outcome::duplicate) continue;
      const Document& leader = docs[doc.duplicate_of.shard * 1000 + doc.duplicate_of.record];
      std::printf("%s %s %.3f\n  %s %s | %.80s\n  %s %s | %.80s\n", doc.id.str().c_str(), to_string(doc.duplicate_kind),
                  doc.similarity, doc.source.c_str(), doc.url.c_str(), doc.text.c_str(), leader.source.c_str(),
                  leader.url.c_str(), leader.text.c_str());
    }
  }
}

}  // namespace
}  // namespace corpusflow
