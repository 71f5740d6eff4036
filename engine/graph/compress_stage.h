// compress as a stage: each non-empty output stream of a batch becomes one zstd frame (io's compressor, so the
// adapter lives with the engine, which may use both io and stages).
#pragma once

#include "io/zstd_compressor.h"
#include "stages/stage.h"

namespace corpusflow {

class CompressStage {
 public:
  struct Config {
    int level = 3;
  };
  static constexpr std::string_view kName = "compress";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit CompressStage(const Config& config) : compressor_(config.level) {}
  void process(Batch& batch) {
    for (EncodedStream* stream : {&batch.kept, &batch.duplicates, &batch.rejects, &batch.filtered}) {
      if (stream->records == 0) continue;
      stream->frame.clear();
      compressor_.compress_frame(stream->json, stream->frame);
      stream->json_bytes = stream->json.size();
      std::string().swap(stream->json);
    }
  }

 private:
  ZstdCompressor compressor_;
};

}  // namespace corpusflow
