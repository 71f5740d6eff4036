// Helpers for the io tests: temporary directories, files, zstd frames and hand-built tar archives.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/raw_record.h"
#include "io/record_reader.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace corpusflow::testing {

inline std::string zstd_frame(std::string_view bytes, int level = 3) {
  std::string frame(ZSTD_compressBound(bytes.size()), '\0');
  const size_t size = ZSTD_compress(frame.data(), frame.size(), bytes.data(), bytes.size(), level);
  if (ZSTD_isError(size)) throw std::runtime_error("ZSTD_compress failed");
  frame.resize(size);
  return frame;
}

// One gzip member (zlib, the reference implementation), as gzip and CC's per-record WARC writers make them.
inline std::string gzip_member(std::string_view bytes, int level = 6) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(stream.total_out);
  return out;
}

// Decodes every frame of a multi-frame buffer, as `zstd -dc` would.
inline std::string zstd_decode_all(std::string_view frames) {
  std::string out;
  while (!frames.empty()) {
    const size_t frame_size = ZSTD_findFrameCompressedSize(frames.data(), frames.size());
    const unsigned long long content = ZSTD_getFrameContentSize(frames.data(), frames.size());
    if (ZSTD_isError(frame_size) || content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN) {
      throw std::runtime_error("bad frame");
    }
    const size_t start = out.size();
    out.resize(start + content);
    const size_t got = ZSTD_decompress(out.data() + start, content, frames.data(), frame_size);
    if (ZSTD_isError(got) || got != content) throw std::runtime_error("ZSTD_decompress failed");
    frames.remove_prefix(frame_size);
  }
  return out;
}

// A tar archive assembled block by block, so tests can write headers no tar tool would.
class TarBuilder {
 public:
  static std::string header(std::string_view name, uint64_t size, char type, bool gnu_magic = false,
                            std::string_view prefix = {}) {
    std::string h(512, '\0');
    std::memcpy(h.data(), name.data(), std::min<size_t>(name.size(), 100));
    std::snprintf(h.data() + 100, 8, "%07o", 0644);
    std::snprintf(h.data() + 108, 8, "%07o", 0);
    std::snprintf(h.data() + 116, 8, "%07o", 0);
    std::snprintf(h.data() + 124, 12, "%011llo", static_cast<unsigned long long>(size));
    std::snprintf(h.data() + 136, 12, "%011o", 1700000000);
    h[156] = type;
    if (gnu_magic) {
      std::memcpy(h.data() + 257, "ustar  \0", 8);
    } else {
      std::memcpy(h.data() + 257,
                  "ustar\0"
                  "00",
                  8);
      if (!prefix.empty()) std::memcpy(h.data() + 345, prefix.data(), std::min<size_t>(prefix.size(), 155));
    }
    set_checksum(h);
    return h;
  }
  static void set_checksum(std::string& h) {
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    std::snprintf(h.data() + 148, 8, "%06o", sum);
    h[155] = ' ';
  }
  static std::string pax_record(std::string_view key, std::string_view value) {
    std::string body(1, ' ');
    body.append(key).append(1, '=').append(value).append(1, '\n');
    size_t length = body.size() + 1;
    while (std::to_string(length).size() + body.size() != length) ++length;
    return std::to_string(length) + body;
  }

  TarBuilder& member(std::string_view name, std::string_view data, char type = '0', bool gnu_magic = false) {
    bytes_ += header(name, data.size(), type, gnu_magic);
    bytes_ += data;
    pad();
    return *this;
  }
  TarBuilder& pax(std::string_view records) { return member("PaxHeaders/x", records, 'x'); }
  TarBuilder& gnu_long_name(std::string_view name) {
    std::string record(name);
    record.push_back('\0');
    return member("././@LongLink", record, 'L', true);
  }
  TarBuilder& raw(std::string_view bytes) {
    bytes_ += bytes;
    return *this;
  }
  TarBuilder& end() {
    bytes_.append(1024, '\0');
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void pad() { bytes_.append((512 - bytes_.size() % 512) % 512, '\0'); }
  std::string bytes_;
};

inline std::vector<RawRecord> read_all(RecordReader& reader) {
  std::vector<RawRecord> records;
  RawRecord record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

inline std::vector<RawRecord> read_all(const std::string& path, InputFormat format, uint64_t cap = 64ull << 20,
                                       ReaderCounts* counts = nullptr) {
  auto reader = open_record_reader(path, format, ReaderLimits{cap});
  auto records = read_all(*reader);
  if (counts) *counts = reader->counts();
  return records;
}

inline std::string sample(const std::string& relative) {
  std::string path = CORPUSFLOW_SAMPLE_DIR;
  path.append("/").append(relative);
  return path;
}

}  // namespace corpusflow::testing
