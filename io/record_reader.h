// RecordReader: splits one input file (zstd-compressed or plain) into raw records, one at a time, in bounded
// memory whatever the file size. Bad input never throws: it ends the file with one record holding io_error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/raw_record.h"
#include "io/input_format.h"

namespace corpusflow {

struct ReaderLimits {
  uint64_t max_record_bytes = 64ull << 20;  // larger records: RawRecord::too_large, payload skipped
};

struct ReaderCounts {
  uint64_t records = 0;          // records returned by next(), io_error and too_large ones included
  uint64_t skipped_members = 0;  // tar: directories, links, devices, pax/GNU meta headers (not records);
                                 // WARC/ARC: records that are not documents
  // WARC/ARC: the skipped records by kind ("request", "metadata", "response image/png", "response HTTP 404").
  std::map<std::string, uint64_t> skipped_by_kind;
  uint64_t concatenated_archives = 0;   // tar: archives read after the first one's end blocks
  bool end_of_archive_missing = false;  // tar: the stream ended at a member boundary without end blocks
  uint64_t compressed_bytes_read = 0;   // bytes of the input file consumed so far (for progress)
  uint64_t uncompressed_bytes = 0;      // bytes after decompression
  uint64_t file_checksum = 0;           // XXH3-64 of all bytes of the input file; final once next() returned false
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills out with the next record (reusing its buffers); false at the end. Never throws for bad input.
  virtual bool next(RawRecord& out) = 0;
  virtual const ReaderCounts& counts() const = 0;
};

// Opens path (zstd-compressed when it starts with the zstd magic, else plain) and splits it by `format`
// (auto_detect is resolved with detect_format(path)). An unreadable file gives one record with io_error set,
// then the end.
std::unique_ptr<RecordReader> open_record_reader(const std::string& path, InputFormat format,
                                                 const ReaderLimits& limits);

}  // namespace corpusflow
