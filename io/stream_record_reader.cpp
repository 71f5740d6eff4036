#include "io/stream_record_reader.h"

#include <cstring>

namespace corpusflow {

namespace {

void clear(RawRecord& record) {
  record.name.clear();
  record.bytes.clear();
  record.offset = 0;
  record.size = 0;
  record.too_large = false;
  record.unsupported.clear();
  record.io_error.clear();
  record.bad_body.clear();
  record.web = WebRecordInfo{};
}

}  // namespace

bool StreamRecordReader::next(RawRecord& out) {
  if (ended_) return false;
  clear(out);
  bool produced = read_record(out);
  if (!produced) {
    // Decode what follows the format's end (tar padding) so a broken frame behind it is still reported.
    cursor_.skip_to_end();
    if (cursor_.stream().failed()) {
      clear(out);
      out.offset = cursor_.offset();
      produced = fail(out, {});
    }
  }
  if (produced) ++counts_.records;
  if (!produced || !out.io_error.empty()) {
    ended_ = true;
    cursor_.stream().drain_undecoded();
  }
  update_counts();
  if (ended_) counts_.file_checksum = cursor_.stream().file_checksum();
  return produced;
}

StreamRecordReader::Line StreamRecordReader::read_line(std::string& line, size_t max_bytes) {
  line.clear();
  for (std::string_view available = cursor_.peek(); !available.empty(); available = cursor_.peek()) {
    const void* found = std::memchr(available.data(), '\n', available.size());
    const size_t take =
        found ? static_cast<size_t>(static_cast<const char*>(found) - available.data()) : available.size();
    if (line.size() + take > max_bytes) return Line::too_long;
    line.append(available.data(), take);
    cursor_.consume(found ? take + 1 : take);
    if (found) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return Line::ok;
    }
  }
  return line.empty() ? Line::end : Line::ok;
}

bool StreamRecordReader::fail(RawRecord& out, std::string message) {
  out.bytes.clear();
  out.too_large = false;
  if (cursor_.stream().failed()) {
    out.io_error = cursor_.stream().error();
  } else {
    out.io_error = std::move(message);
  }
  return true;
}

void StreamRecordReader::update_counts() {
  counts_.compressed_bytes_read = cursor_.stream().compressed_offset();
  counts_.uncompressed_bytes = cursor_.stream().decoded_offset();
}

}  // namespace corpusflow
