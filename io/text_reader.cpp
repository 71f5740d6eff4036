#include "io/text_reader.h"

#include <filesystem>

namespace corpusflow {

bool TextReader::read_record(RawRecord& out) {
  if (done_) return false;
  done_ = true;
  out.name = std::filesystem::path(cursor_.stream().path()).filename().string();
  out.offset = 0;
  uint64_t size = 0;
  for (std::string_view chunk = cursor_.peek(); !chunk.empty(); chunk = cursor_.peek()) {
    size += chunk.size();
    if (!out.too_large) {
      if (size > limits_.max_record_bytes) {
        out.too_large = true;
        out.bytes.clear();
      } else {
        out.bytes.append(chunk);
      }
    }
    cursor_.consume(chunk.size());
  }
  out.size = size;
  if (cursor_.stream().failed()) return fail(out, {});
  return true;
}

}  // namespace corpusflow
