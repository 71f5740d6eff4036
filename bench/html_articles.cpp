// Extraction quality on the html-articles pages (data/html-articles/README.md): every page is extracted and its
// text compared with the hand-made article text by the benchmark's metric, 4-gram shingle counts of \w+ tokens,
// precision and recall per page averaged over the pages, F1 of the two averages. Prints the totals for
// extract mode and for text mode (all visible text, the baseline), and the worst pages of extract mode.
// Usage: html_articles [DATA_DIR] [--dump OUT_DIR]   (DATA_DIR defaults to ../shared/data/html-articles)
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/html_pages.h"
#include "stages/html/html_text.h"

namespace corpusflow::bench {
namespace {

// Python's \w as the benchmark uses it (re.UNICODE): letters, marks, numbers and connector punctuation.
bool is_word_character(UChar32 c) {
  const int32_t mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)) != 0;
}

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  const auto size = static_cast<int32_t>(text.size());
  int32_t start = -1;
  for (int32_t i = 0; i < size;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, size, c);
    const bool word = c >= 0 && is_word_character(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.push_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(at - start)));
      start = -1;
    }
  }
  if (start >= 0) tokens.push_back(text.substr(static_cast<size_t>(start)));
  return tokens;
}

// Shingle counts as the benchmark makes them: every run of 4 consecutive tokens; a text of 1 to 3 tokens is one
// shingle of all of them; a text without tokens has none.
std::unordered_map<std::string, int> shingles(std::string_view text) {
  constexpr size_t n = 4;
  const std::vector<std::string_view> tokens = word_tokens(text);
  std::unordered_map<std::string, int> counts;
  const size_t windows = tokens.size() >= n ? tokens.size() - n + 1 : (tokens.empty() ? 0 : 1);
  for (size_t i = 0; i < windows; ++i) {
    std::string key;
    for (size_t j = i; j < std::min(i + n, tokens.size()); ++j) {
      key.append(tokens[j]);
      key.push_back('\x1f');
    }
    ++counts[key];
  }
  return counts;
}

struct Match {
  double tp = 0, fp = 0, fn = 0;
};

Match match(std::string_view truth, std::string_view predicted) {
  const auto expected = shingles(truth);
  const auto got = shingles(predicted);
  Match m;
  for (const auto& [key, count] : expected) {
    const auto found = got.find(key);
    const int other = found == got.end() ? 0 : found->second;
    m.tp += std::min(count, other);
    m.fn += std::max(0, count - other);
  }
  for (const auto& [key, count] : got) {
    const auto found = expected.find(key);
    m.fp += std::max(0, count - (found == expected.end() ? 0 : found->second));
  }
  return m;
}

// The benchmark's conventions: a page without predicted shingles has no precision, one without true shingles
// no recall; two empty texts agree perfectly.
double precision_of(const Match& m) { return m.fp == 0 && m.fn == 0 ? 1.0 : m.tp / (m.tp + m.fp); }
double recall_of(const Match& m) { return m.fp == 0 && m.fn == 0 ? 1.0 : m.tp / (m.tp + m.fn); }

struct PageScore {
  std::string sha256;
  std::string url;
  Match match;
};

struct Totals {
  double precision = 0, recall = 0, f1 = 0;
};

Totals totals(const std::vector<PageScore>& scores) {
  double precision_sum = 0, recall_sum = 0;
  size_t precision_pages = 0, recall_pages = 0;
  for (const PageScore& s : scores) {
    if (s.match.tp + s.match.fp > 0) {
      precision_sum += precision_of(s.match);
      ++precision_pages;
    }
    if (s.match.tp + s.match.fn > 0) {
      recall_sum += recall_of(s.match);
      ++recall_pages;
    }
  }
  Totals t;
  t.precision = precision_pages == 0 ? 0 : precision_sum / static_cast<double>(precision_pages);
  t.recall = recall_pages == 0 ? 0 : recall_sum / static_cast<double>(recall_pages);
  t.f1 = t.precision + t.recall == 0 ? 0 : 2 * t.precision * t.recall / (t.precision + t.recall);
  return t;
}

double page_f1(const Match& m) {
  const double p = m.tp + m.fp > 0 ? precision_of(m) : 0;
  const double r = m.tp + m.fn > 0 ? recall_of(m) : 0;
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

int run(const std::filesystem::path& folder, const std::filesystem::path& dump) {
  std::ifstream truth_file(folder / "ground-truth.json");
  if (!truth_file) {
    std::fprintf(stderr, "cannot read %s\n", (folder / "ground-truth.json").c_str());
    return 2;
  }
  const nlohmann::json truth = nlohmann::json::parse(truth_file);
  const std::vector<HtmlPage> pages = load_html_pages(folder);
  std::printf("%zu pages from %s\n", pages.size(), folder.c_str());
  if (!dump.empty()) std::filesystem::create_directories(dump);

  HtmlExtractor extractor;
  HtmlText result;
  for (const HtmlMode mode : {HtmlMode::extract, HtmlMode::text}) {
    std::vector<PageScore> scores;
    for (const HtmlPage& page : pages) {
      const auto entry = truth.find(page.sha256);
      if (entry == truth.end()) continue;
      extractor.extract(page.html, mode, result);
      const std::string body = entry->value("articleBody", "");
      scores.push_back({page.sha256, entry->value("url", ""), match(body, result.text)});
      if (!dump.empty()) {
        std::ofstream(dump / (page.sha256 + "." + to_string(mode) + ".txt")) << result.title << "\n\n" << result.text;
      }
    }
    const Totals t = totals(scores);
    std::printf("%-8s pages %zu  precision %.3f  recall %.3f  F1 %.3f\n", to_string(mode), scores.size(), t.precision,
                t.recall, t.f1);
    if (mode != HtmlMode::extract) continue;
    std::sort(scores.begin(), scores.end(),
              [](const PageScore& a, const PageScore& b) { return page_f1(a.match) < page_f1(b.match); });
    std::printf("worst pages of extract mode (F1 precision recall sha256 url):\n");
    for (size_t i = 0; i < std::min<size_t>(10, scores.size()); ++i) {
      const Match& m = scores[i].match;
      std::printf("  %.3f %.3f %.3f %.12s %s\n", page_f1(m), m.tp + m.fp > 0 ? precision_of(m) : 0.0,
                  m.tp + m.fn > 0 ? recall_of(m) : 0.0, scores[i].sha256.c_str(), scores[i].url.c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace corpusflow::bench

int main(int argc, char** argv) {
  std::filesystem::path folder = "../shared/data/html-articles";
  std::filesystem::path dump;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--dump" && i + 1 < argc) {
      dump = argv[++i];
    } else {
      folder = argument;
    }
  }
  try {
    return corpusflow::bench::run(folder, dump);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "html_articles: %s\n", error.what());
    return 2;
  }
}
