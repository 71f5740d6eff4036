#include "io/byte_cursor.h"

#include <algorithm>
#include <cstring>

namespace corpusflow {

size_t ByteCursor::read_exact(char* destination, size_t n) {
  size_t got = 0;
  while (got < n) {
    std::string_view chunk = peek();
    if (chunk.empty()) break;
    const size_t take = std::min(chunk.size(), n - got);
    std::memcpy(destination + got, chunk.data(), take);
    consume(take);
    got += take;
  }
  return got;
}

uint64_t ByteCursor::append_to(std::string& destination, uint64_t n) {
  uint64_t got = 0;
  while (got < n) {
    std::string_view chunk = peek();
    if (chunk.empty()) break;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(chunk.size(), n - got));
    destination.append(chunk.data(), take);
    consume(take);
    got += take;
  }
  return got;
}

uint64_t ByteCursor::skip(uint64_t n) {
  uint64_t got = 0;
  while (got < n) {
    std::string_view chunk = peek();
    if (chunk.empty()) break;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(chunk.size(), n - got));
    consume(take);
    got += take;
  }
  return got;
}

uint64_t ByteCursor::skip_to_end() {
  uint64_t got = 0;
  for (std::string_view chunk = peek(); !chunk.empty(); chunk = peek()) {
    consume(chunk.size());
    got += chunk.size();
  }
  return got;
}

}  // namespace corpusflow
