#include "io/zstd_compressor.h"

#include <zstd.h>

#include <stdexcept>

namespace corpusflow {

namespace {

void check(size_t result, const char* what) {
  if (ZSTD_isError(result)) throw std::runtime_error(std::string(what) + ": " + ZSTD_getErrorName(result));
}

}  // namespace

ZstdCompressor::ZstdCompressor(int level) : context_(ZSTD_createCCtx()), level_(level) {
  if (context_ == nullptr) throw std::runtime_error("zstd: cannot create a compression context");
  const ZSTD_bounds bounds = ZSTD_cParam_getBounds(ZSTD_c_compressionLevel);
  if (level < bounds.lowerBound || level > bounds.upperBound) {
    ZSTD_freeCCtx(context_);
    throw std::invalid_argument("zstd level " + std::to_string(level) + " outside " +
                                std::to_string(bounds.lowerBound) + ".." + std::to_string(bounds.upperBound));
  }
  check(ZSTD_CCtx_setParameter(context_, ZSTD_c_compressionLevel, level), "zstd level");
  check(ZSTD_CCtx_setParameter(context_, ZSTD_c_checksumFlag, 1), "zstd checksum flag");
  check(ZSTD_CCtx_setParameter(context_, ZSTD_c_contentSizeFlag, 1), "zstd content size flag");
}

ZstdCompressor::~ZstdCompressor() { ZSTD_freeCCtx(context_); }

void ZstdCompressor::compress_frame(std::string_view input, std::string& output) {
  const size_t start = output.size();
  output.resize(start + ZSTD_compressBound(input.size()));
  const size_t written =
      ZSTD_compress2(context_, output.data() + start, output.size() - start, input.data(), input.size());
  if (ZSTD_isError(written)) {
    output.resize(start);
    check(written, "zstd compress");
  }
  output.resize(start + written);
}

}  // namespace corpusflow
