#include "io/jsonl_reader.h"

#include <cstring>

namespace corpusflow {

bool JsonlReader::read_record(RawRecord& out) {
  std::string_view available = cursor_.peek();
  out.offset = cursor_.offset();
  out.name.assign("line ").append(std::to_string(line_ + 1));
  if (available.empty()) return cursor_.stream().failed() ? fail(out, {}) : false;
  ++line_;
  // One byte over the cap is kept so that a line of exactly `cap` bytes plus '\r' is not too large.
  const uint64_t keep_limit = limits_.max_record_bytes + 1;
  uint64_t size = 0;
  char last = 0;
  bool newline = false;
  for (; !available.empty(); available = cursor_.peek()) {
    const void* found = std::memchr(available.data(), '\n', available.size());
    const size_t take =
        found ? static_cast<size_t>(static_cast<const char*>(found) - available.data()) : available.size();
    if (!out.too_large) {
      if (size + take > keep_limit) {
        out.too_large = true;
        out.bytes.clear();
      } else {
        out.bytes.append(available.data(), take);
      }
    }
    if (take > 0) last = available[take - 1];
    size += take;
    if (found) {
      cursor_.consume(take + 1);
      newline = true;
      break;
    }
    cursor_.consume(take);
  }
  if (!newline && cursor_.stream().failed()) return fail(out, {});
  if (size > 0 && last == '\r') {
    --size;
    if (!out.too_large) out.bytes.pop_back();
  }
  if (!out.too_large && size > limits_.max_record_bytes) {
    out.too_large = true;
    out.bytes.clear();
  }
  out.size = size;
  return true;
}

}  // namespace corpusflow
