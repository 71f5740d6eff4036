// Page generation speed of the corpus generator: documents/s and bytes/s of generated pages, without and
// with zstd compression to disk. Generating must never be the slow part of a benchmark.
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <filesystem>

#include "engine/gen/generator.h"
#include "engine/gen/pool_loader.h"

namespace {

using namespace corpusflow::gen;

const TextPool& pool() {
  static const TextPool loaded = [] {
    TextPool text;
    load_text_pool(text, sample_inputs(CORPUSFLOW_SAMPLE_DIR));
    return text;
  }();
  return loaded;
}

void generate_records(benchmark::State& state, ShardFormat format) {
  GenOptions options;
  options.documents = UINT64_MAX / 2;
  options.format = format;
  CorpusGenerator generator(pool(), options);
  GenRecord record;
  uint64_t bytes = 0;
  for (auto _ : state) {
    generator.next(record);
    bytes += record.bytes.size();
    benchmark::DoNotOptimize(record.bytes.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_GenerateScrapedPages(benchmark::State& state) { generate_records(state, ShardFormat::tar); }
void BM_GenerateJsonLines(benchmark::State& state) { generate_records(state, ShardFormat::jsonl); }

// Whole corpus to disk: pages, tar framing, truth, zstd at level range(0) with one worker thread.
void BM_WriteCorpus(benchmark::State& state) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("gen-bench-" + std::to_string(::getpid()))).string();
  GenOptions options;
  options.documents = 5000;
  options.level = static_cast<int>(state.range(0));
  uint64_t bytes = 0;
  for (auto _ : state) {
    const GenSummary summary = write_corpus(pool(), options, dir);
    bytes += summary.uncompressed_bytes;
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(options.documents));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

BENCHMARK(BM_GenerateScrapedPages);
BENCHMARK(BM_GenerateJsonLines);
BENCHMARK(BM_WriteCorpus)->Arg(1)->Arg(3)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
