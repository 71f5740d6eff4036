// Normalize stage on the ANT sample pages: the whole stage and its parts, MB/s and documents/s per thread.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/language_detector.h"
#include "stages/normalize/normalizer.h"
#include "stages/normalize/script_detector.h"
#include "stages/normalize/text_cleaner.h"
#include "stages/normalize/tokenizer.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

// Pages split as the parser splits them: header dropped, title = first non-empty line, text = the rest.
const std::vector<Document>& raw_pages() {
  static const std::vector<Document> pages = [] {
    std::vector<Document> result;
    for (int shard = 0; shard < 3; ++shard) {
      for (const std::string& page : testing::ant_pages(shard)) {
        Document doc;
        size_t position = page.find('\n');
        position = position == std::string::npos ? page.size() : position + 1;
        const size_t end = page.find('\n', position);
        doc.title = page.substr(position, end == std::string::npos ? std::string::npos : end - position);
        doc.text = end == std::string::npos ? "" : page.substr(end + 1);
        result.push_back(std::move(doc));
      }
    }
    return result;
  }();
  return pages;
}

// The same pages after normalization: already clean NFC text, as fingerprinting sees it.
const std::vector<Document>& normalized_pages() {
  static const std::vector<Document> pages = [] {
    std::vector<Document> result = raw_pages();
    Normalizer normalizer;
    for (Document& doc : result) normalizer.normalize(doc);
    return result;
  }();
  return pages;
}

template <typename Body>
void over_pages(benchmark::State& state, const std::vector<Document>& pages, Body&& body) {
  uint64_t bytes = 0;
  uint64_t documents = 0;
  for (auto _ : state) {
    for (const Document& doc : pages) {
      body(doc);
      bytes += doc.text.size();
    }
    documents += pages.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(documents));
}

void BM_Normalize(benchmark::State& state) {
  NormalizeOptions options;
  options.detect_language = state.range(0) != 0;
  Normalizer normalizer(options);
  const auto& pages = raw_pages();
  Document copy;
  over_pages(state, pages, [&](const Document& doc) {
    copy.title = doc.title;
    copy.text = doc.text;
    copy.outcome = Outcome::kept;
    normalizer.normalize(copy);
    benchmark::DoNotOptimize(copy.words);
  });
}
BENCHMARK(BM_Normalize)->ArgName("language")->Arg(1)->Arg(0);

void BM_NormalizeAlreadyNormalized(benchmark::State& state) {
  Normalizer normalizer;
  Document copy;
  over_pages(state, normalized_pages(), [&](const Document& doc) {
    copy.title = doc.title;
    copy.text = doc.text;
    normalizer.normalize(copy);
    benchmark::DoNotOptimize(copy.words);
  });
}
BENCHMARK(BM_NormalizeAlreadyNormalized);

void BM_CleanText(benchmark::State& state) {
  const auto& pages = state.range(0) != 0 ? normalized_pages() : raw_pages();
  std::string out;
  CleanOptions options;
  over_pages(state, pages, [&](const Document& doc) {
    CleanCounts counts;
    clean_text(doc.text, options, out, counts);
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_CleanText)->ArgName("already_nfc")->Arg(1)->Arg(0);

void BM_FingerprintText(benchmark::State& state) {
  std::string out;
  over_pages(state, normalized_pages(), [&](const Document& doc) {
    fingerprint_text(doc.text, out);
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_FingerprintText);

// Every script: the UDHR in 532 languages (Latin, Cyrillic, CJK, Thai, Devanagari, ...), one text per language.
void BM_FingerprintTextUdhr(benchmark::State& state) {
  std::string out;
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const testing::UdhrText& udhr : testing::udhr()) {
      fingerprint_text(udhr.text, out);
      benchmark::DoNotOptimize(out.data());
      bytes += udhr.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FingerprintTextUdhr);

void BM_CleanTextUdhr(benchmark::State& state) {
  std::string out;
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const testing::UdhrText& udhr : testing::udhr()) {
      CleanCounts counts;
      if (state.range(0) != 0) {
        clean_text(udhr.text, {}, out, counts);
      } else {
        clean_text_scalar(udhr.text, {}, out, counts);
      }
      benchmark::DoNotOptimize(out.data());
      bytes += udhr.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CleanTextUdhr)->ArgName("blocks")->Arg(1)->Arg(0);

void BM_FingerprintTextReference(benchmark::State& state) {
  std::string out;
  over_pages(state, normalized_pages(), [&](const Document& doc) {
    fingerprint_text_reference(doc.text, out);
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_FingerprintTextReference);

void BM_Tokenize(benchmark::State& state) {
  std::vector<std::string> fingerprints;
  std::vector<Document> docs;
  for (const Document& doc : normalized_pages()) {
    Document fingerprinted;
    fingerprinted.text = fingerprint_text(doc.text);
    docs.push_back(std::move(fingerprinted));
  }
  std::vector<std::string_view> tokens;
  over_pages(state, docs, [&](const Document& doc) {
    tokenize(doc.text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  });
}
BENCHMARK(BM_Tokenize);

void BM_DominantScript(benchmark::State& state) {
  over_pages(state, normalized_pages(),
             [&](const Document& doc) { benchmark::DoNotOptimize(dominant_script(doc.text).size()); });
}
BENCHMARK(BM_DominantScript);

void BM_DetectLanguage(benchmark::State& state) {
  over_pages(state, normalized_pages(), [&](const Document& doc) {
    benchmark::DoNotOptimize(detect_language(doc.text, NormalizeOptions{}.language_sampling).score);
  });
}
BENCHMARK(BM_DetectLanguage);

void BM_DetectLanguageWholeSample(benchmark::State& state) {
  over_pages(state, normalized_pages(), [&](const Document& doc) {
    benchmark::DoNotOptimize(detect_language(doc.text, NormalizeOptions{}.language_sampling.sample_bytes).score);
  });
}
BENCHMARK(BM_DetectLanguageWholeSample);

}  // namespace
}  // namespace corpusflow

BENCHMARK_MAIN();
