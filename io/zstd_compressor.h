// ZstdCompressor: one reusable compression context (make one per thread, never per batch) that turns a buffer
// into one independent zstd frame carrying its content size and an XXH64 checksum.
#pragma once

#include <string>
#include <string_view>

struct ZSTD_CCtx_s;

namespace corpusflow {

class ZstdCompressor {
 public:
  // level: zstd compression level (1..22, negative for the fast levels; 3 is zstd's default).
  // Throws std::invalid_argument for a level zstd rejects.
  explicit ZstdCompressor(int level);
  ~ZstdCompressor();
  ZstdCompressor(const ZstdCompressor&) = delete;
  ZstdCompressor& operator=(const ZstdCompressor&) = delete;

  // Appends ONE independent frame holding input to output. Throws std::runtime_error if zstd fails.
  void compress_frame(std::string_view input, std::string& output);
  int level() const { return level_; }

 private:
  ZSTD_CCtx_s* context_ = nullptr;
  int level_;
};

}  // namespace corpusflow
