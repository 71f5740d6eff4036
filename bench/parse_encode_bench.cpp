// parse and encode throughput on the ANT sample pages (bytes are the pages' raw bytes), and encode plus
// level-3 compression of a whole batch, as the encode node does it.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "io/record_reader.h"
#include "io/zstd_compressor.h"
#include "stages/encode/batch_encoder.h"
#include "stages/normalize/normalizer.h"
#include "stages/parse/parser.h"

namespace corpusflow {
namespace {

const std::vector<RawRecord>& sample_records() {
  static const std::vector<RawRecord> records = [] {
    std::vector<RawRecord> result;
    auto reader = open_record_reader(CORPUSFLOW_SAMPLE_DIR "/ant/ant-00000.tar.zst", InputFormat::tar, ReaderLimits{});
    RawRecord record;
    while (reader->next(record)) result.push_back(record);
    return result;
  }();
  return records;
}

uint64_t sample_bytes() {
  uint64_t bytes = 0;
  for (const RawRecord& record : sample_records()) bytes += record.size;
  return bytes;
}

// Normalized documents of the sample, as encode receives them.
const Batch& normalized_batch() {
  static const Batch batch = [] {
    Batch result;
    Parser parser;
    Normalizer normalizer;
    for (RawRecord record : sample_records()) {
      Document doc;
      parser.parse(record, RecordLayout::page, doc);
      normalizer.normalize(doc);
      result.documents.push_back(std::move(doc));
    }
    return result;
  }();
  return batch;
}

void BM_ParsePages(benchmark::State& state) {
  Parser parser;
  std::vector<RawRecord> records = sample_records();
  for (auto _ : state) {
    state.PauseTiming();
    records = sample_records();
    state.ResumeTiming();
    for (RawRecord& record : records) {
      Document doc;
      parser.parse(record, RecordLayout::page, doc);
      benchmark::DoNotOptimize(doc.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sample_bytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
}

void BM_EncodeBatch(benchmark::State& state) {
  Batch batch = normalized_batch();
  for (auto _ : state) {
    encode_batch(batch, EncodeOptions{});
    benchmark::DoNotOptimize(batch.kept.json.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * batch.kept.json.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch.documents.size()));
  state.counters["json_bytes_per_doc"] =
      static_cast<double>(batch.kept.json.size()) / static_cast<double>(batch.documents.size());
}

void BM_EncodeAndCompressBatch(benchmark::State& state) {
  Batch batch = normalized_batch();
  ZstdCompressor compressor(3);
  std::string frame;
  for (auto _ : state) {
    encode_batch(batch, EncodeOptions{});
    frame.clear();
    compressor.compress_frame(batch.kept.json, frame);
    benchmark::DoNotOptimize(frame.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * batch.kept.json.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch.documents.size()));
}

BENCHMARK(BM_ParsePages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeBatch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeAndCompressBatch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corpusflow

BENCHMARK_MAIN();
