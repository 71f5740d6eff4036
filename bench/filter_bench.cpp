// Filter stage on the ANT sample pages after normalize: the whole QualityFilter and its passes (spans, Gopher,
// C4 + FineWeb), and the boilerplate block count, MB/s and documents/s per thread.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "stages/filter/boilerplate_counter.h"
#include "stages/filter/c4_rules.h"
#include "stages/filter/gopher_signals.h"
#include "stages/filter/quality_filter.h"
#include "stages/normalize/normalizer.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

const std::vector<Document>& normalized_pages() {
  static const std::vector<Document> pages = [] {
    std::vector<Document> result;
    Normalizer normalizer;
    for (int shard = 0; shard < 3; ++shard) {
      for (const std::string& page : testing::ant_pages(shard)) {
        Document doc;
        const size_t header = page.find('\n');
        doc.text = header == std::string::npos ? page : page.substr(header + 1);
        doc.host = "www.example.com";
        normalizer.normalize(doc);
        if (!doc.rejected()) result.push_back(std::move(doc));
      }
    }
    return result;
  }();
  return pages;
}

template <typename Body>
void over_pages(benchmark::State& state, Body&& body) {
  const std::vector<Document>& pages = normalized_pages();
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
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
}

void BM_FilterStage(benchmark::State& state) {
  const FilterConfig config = default_filter_config();
  QualityFilter filter(config);
  Document copy;
  over_pages(state, [&](const Document& doc) {
    copy = doc;
    filter.apply(copy, nullptr);
    benchmark::DoNotOptimize(copy.outcome);
  });
}
BENCHMARK(BM_FilterStage);

void BM_SplitSpans(benchmark::State& state) {
  TextSpans spans;
  over_pages(state, [&](const Document& doc) {
    split_spans(doc.text, spans);
    benchmark::DoNotOptimize(spans.words.size());
  });
}
BENCHMARK(BM_SplitSpans);

void BM_GopherSignals(benchmark::State& state) {
  const StopWords stop_words(default_filter_config().rules_for("ar").stop_words);
  GopherMeter meter;
  TextSpans spans;
  RuleValues values{};
  over_pages(state, [&](const Document& doc) {
    split_spans(doc.text, spans);
    meter.measure(doc.text, spans, stop_words, values);
    benchmark::DoNotOptimize(values[0]);
  });
}
BENCHMARK(BM_GopherSignals);

void BM_C4AndFineWeb(benchmark::State& state) {
  const LanguageRules rules = default_filter_config().rules_for("ar");
  TextSpans spans;
  RuleValues values{};
  HashCounter counter;
  std::string kept;
  over_pages(state, [&](const Document& doc) {
    split_spans(doc.text, spans);
    apply_c4(doc.text, spans, rules, kept, values);
    measure_fineweb(doc.text, spans, rules, counter, values);
    benchmark::DoNotOptimize(values[0]);
  });
}
BENCHMARK(BM_C4AndFineWeb);

// One block per pass over the pages, so that every pass counts them anew (a page already seen in the block
// is a copy and costs only its lookup).
void BM_BoilerplateCount(benchmark::State& state) {
  BoilerplateCounter counter(BoilerplateConfig{});
  const std::vector<Document>& pages = normalized_pages();
  uint64_t bytes = 0;
  uint64_t lines = 0;
  for (auto _ : state) {
    for (const Document& doc : pages) {
      counter.add(doc);
      bytes += doc.text.size();
      lines += doc.line_keys.size();
    }
    benchmark::DoNotOptimize(counter.finish_block());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BoilerplateCount);

}  // namespace
}  // namespace corpusflow

BENCHMARK_MAIN();
