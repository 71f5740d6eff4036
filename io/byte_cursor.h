// ByteCursor: a read position over an InputStream's decoded chunks, so record splitters can look at bytes
// in place and copy only what a record keeps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/input_stream.h"

namespace corpusflow {

class ByteCursor {
 public:
  explicit ByteCursor(const std::string& path) : stream_(path) {}

  // The decoded bytes available in place, read from the stream when none are left. Empty only at the end of
  // the stream (or on error: see stream().failed()).
  std::string_view peek() {
    if (available_.empty()) available_ = stream_.read();
    return available_;
  }
  void consume(size_t n) {
    available_.remove_prefix(n);
    offset_ += n;
  }
  uint64_t offset() const { return offset_; }  // decoded offset of the next unconsumed byte

  // Each returns how many bytes it got, fewer than n only at the end of the stream.
  size_t read_exact(char* destination, size_t n);
  uint64_t append_to(std::string& destination, uint64_t n);
  uint64_t skip(uint64_t n);
  uint64_t skip_to_end();

  InputStream& stream() { return stream_; }
  const InputStream& stream() const { return stream_; }

 private:
  InputStream stream_;
  std::string_view available_;
  uint64_t offset_ = 0;
};

}  // namespace corpusflow
