#include "engine/gen/gzip_compressor.h"

#include <algorithm>
#include <stdexcept>

namespace corpusflow::gen {

GzipCompressor::GzipCompressor(int level) {
  // windowBits 15 + 16: a gzip wrapper instead of zlib's.
  if (deflateInit2(&stream_, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
}

GzipCompressor::~GzipCompressor() { deflateEnd(&stream_); }

void GzipCompressor::append_member(std::string_view data, std::string& out) {
  if (deflateReset(&stream_) != Z_OK) throw std::runtime_error("gzip: deflateReset failed");
  const size_t start = out.size();
  const size_t bound = deflateBound(&stream_, static_cast<uLong>(data.size()));
  out.resize(start + bound);
  // zlib's API takes non-const input; it does not write to it.
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream_.avail_in = static_cast<uInt>(data.size());
  stream_.next_out = reinterpret_cast<Bytef*>(out.data() + start);
  stream_.avail_out = static_cast<uInt>(bound);
  if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  out.resize(start + (bound - stream_.avail_out));
}

}  // namespace corpusflow::gen
