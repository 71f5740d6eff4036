// io throughput: zstd decompression, tar and JSONL splitting (from .zst and from plain files), and level-3
// frame compression, on the sample shards. Bytes are uncompressed bytes.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/input_stream.h"
#include "io/record_reader.h"
#include "io/zstd_compressor.h"

namespace corpusflow {
namespace {

const std::string kTar = CORPUSFLOW_SAMPLE_DIR "/ant/ant-00000.tar.zst";
const std::string kJsonl = CORPUSFLOW_SAMPLE_DIR "/udhr/udhr.jsonl.zst";

std::string decode(const std::string& path) {
  InputStream stream(path);
  std::string out;
  for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) out.append(chunk);
  return out;
}

// The decoded sample written once to a plain file, so splitting can be measured without decompression.
const std::string& plain_copy(const std::string& path, const char* name) {
  static std::string tar_copy, jsonl_copy;
  std::string& copy = std::string(name) == "tar" ? tar_copy : jsonl_copy;
  if (copy.empty()) {
    copy = (std::filesystem::temp_directory_path() / ("corpusflow-io-bench-" + std::to_string(getpid()) + "." + name))
               .string();
    const std::string bytes = decode(path);
    std::ofstream(copy, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  return copy;
}

void BM_Decompress(benchmark::State& state) {
  uint64_t bytes = 0;
  for (auto _ : state) {
    InputStream stream(kTar);
    for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) {
      benchmark::DoNotOptimize(chunk.data());
      bytes += chunk.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void split(benchmark::State& state, const std::string& path, InputFormat format) {
  uint64_t bytes = 0, records = 0;
  RawRecord record;
  for (auto _ : state) {
    auto reader = open_record_reader(path, format, ReaderLimits{});
    while (reader->next(record)) benchmark::DoNotOptimize(record.bytes.data());
    bytes += reader->counts().uncompressed_bytes;
    records += reader->counts().records;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(records));
}

void BM_TarSplit_Zst(benchmark::State& state) { split(state, kTar, InputFormat::tar); }
void BM_TarSplit_Plain(benchmark::State& state) { split(state, plain_copy(kTar, "tar"), InputFormat::tar); }
void BM_JsonlSplit_Zst(benchmark::State& state) { split(state, kJsonl, InputFormat::jsonl); }
void BM_JsonlSplit_Plain(benchmark::State& state) { split(state, plain_copy(kJsonl, "jsonl"), InputFormat::jsonl); }

// Frames of state.range(0) bytes, as the encode stage compresses one batch per frame.
void BM_CompressLevel3(benchmark::State& state) {
  static const std::string input = decode(kJsonl);
  const size_t frame_bytes = static_cast<size_t>(state.range(0));
  ZstdCompressor compressor(3);
  std::string output;
  uint64_t bytes = 0, frames = 0;
  for (auto _ : state) {
    for (size_t offset = 0; offset < input.size(); offset += frame_bytes) {
      output.clear();
      compressor.compress_frame(std::string_view(input).substr(offset, frame_bytes), output);
      benchmark::DoNotOptimize(output.data());
      ++frames;
    }
    bytes += input.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(frames));
}

BENCHMARK(BM_Decompress)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TarSplit_Zst)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TarSplit_Plain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonlSplit_Zst)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonlSplit_Plain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CompressLevel3)->Arg(1 << 20)->Arg(4 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corpusflow

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const char* name : {"tar", "jsonl"}) {
    std::error_code ignored;
    std::filesystem::remove(
        std::filesystem::temp_directory_path() / ("corpusflow-io-bench-" + std::to_string(getpid()) + "." + name),
        ignored);
  }
  return 0;
}
