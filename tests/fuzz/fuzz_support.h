// Shared by the fuzz targets: checks that abort (so libFuzzer and the replay tests both see a failure), an
// in-memory file for the readers that open a path, and the reader invariants every format must keep.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/raw_record.h"
#include "io/record_reader.h"

#define FUZZ_CHECK(condition, message)                                                                 \
  do {                                                                                                 \
    if (!(condition)) {                                                                                \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #condition, message); \
      std::abort();                                                                                    \
    }                                                                                                  \
  } while (0)

namespace corpusflow::fuzz {

// The input as a file without touching the disk: a memfd, opened again through /proc/self/fd/N.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) {
    fd_ = memfd_create("corpusflow-fuzz", MFD_CLOEXEC);
    FUZZ_CHECK(fd_ >= 0, "memfd_create failed");
    size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t got = ::write(fd_, bytes.data() + written, bytes.size() - written);
      FUZZ_CHECK(got > 0, "write to memfd failed");
      written += static_cast<size_t>(got);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// Reads every record of `bytes` split as `format` with a small cap (so too_large is reached) and checks what
// every reader promises: at most one io_error record and it is the last; a record with io_error or too_large
// keeps no bytes; a kept record's size is its byte count; counts().records == records returned.
// Stops unchecked after kMaxRecords: a few hundred zstd bytes can decode to millions of blank JSONL lines.
inline constexpr uint64_t kMaxRecords = 100000;

inline void check_reader(const uint8_t* data, size_t size, InputFormat format) {
  const MemoryFile file(std::string_view(reinterpret_cast<const char*>(data), size));
  ReaderLimits limits;
  limits.max_record_bytes = 4096;
  auto reader = open_record_reader(file.path(), format, limits);
  RawRecord record;
  uint64_t returned = 0;
  bool ended_by_error = false;
  while (reader->next(record)) {
    FUZZ_CHECK(!ended_by_error, "a record follows an io_error record");
    if (++returned > kMaxRecords) return;
    if (!record.io_error.empty()) {
      ended_by_error = true;
      FUZZ_CHECK(record.bytes.empty(), "an io_error record keeps bytes");
      FUZZ_CHECK(!record.too_large, "an io_error record is also too_large");
    } else if (!record.unsupported.empty()) {  // a member io does not read: its size, none of its bytes
      FUZZ_CHECK(record.bytes.empty(), "an unsupported record keeps bytes");
      FUZZ_CHECK(!record.too_large, "an unsupported record is also too_large");
    } else if (!record.bad_body.empty()) {  // a web body whose declared encoding did not decode
      FUZZ_CHECK(record.bytes.empty(), "a bad_body record keeps bytes");
    } else if (record.too_large) {
      FUZZ_CHECK(record.bytes.empty(), "a too_large record keeps bytes");
      FUZZ_CHECK(record.size > limits.max_record_bytes, "too_large below the cap");
    } else {
      FUZZ_CHECK(record.size == record.bytes.size(), "size differs from the bytes kept");
      FUZZ_CHECK(record.bytes.size() <= limits.max_record_bytes, "a kept record over the cap");
    }
  }
  FUZZ_CHECK(!reader->next(record), "next() returned a record after the end");
  FUZZ_CHECK(reader->counts().records == returned, "records counted != records returned");
  FUZZ_CHECK(reader->counts().compressed_bytes_read == size, "the whole file was not read");
}

}  // namespace corpusflow::fuzz
