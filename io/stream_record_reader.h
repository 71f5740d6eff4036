// StreamRecordReader: what every format's reader shares: the cursor over the decoded file, the counts, and the
// rule that an io_error record ends the file (the rest of the file is still read for its checksum).
#pragma once

#include <string>

#include "io/byte_cursor.h"
#include "io/record_reader.h"

namespace corpusflow {

class StreamRecordReader : public RecordReader {
 public:
  // A record's buffer is reserved up to this much from its claimed size, then grows as its bytes arrive: a
  // header may claim more than the stream holds or memory has.
  static constexpr uint64_t kMaxUpfrontReserve = 16 << 20;

  StreamRecordReader(const std::string& path, const ReaderLimits& limits) : cursor_(path), limits_(limits) {}

  bool next(RawRecord& out) final;
  const ReaderCounts& counts() const final { return counts_; }

 protected:
  // Fills out with the next record of the format; false at a clean end of the format's data.
  virtual bool read_record(RawRecord& out) = 0;
  // Turns out into the record that ends the file: the stream's own error when it broke, else `message`.
  bool fail(RawRecord& out, std::string message);
  // A record of the file that is not a document (a WARC request, an image), counted by kind.
  void count_skipped(const std::string& kind) {
    ++counts_.skipped_members;
    ++counts_.skipped_by_kind[kind];
  }
  enum class Line { ok, end, too_long };
  // The next line without its "\r\n" (or "\n"); end: nothing left; too_long: over max_bytes (partly consumed).
  Line read_line(std::string& line, size_t max_bytes);
  // "what at offset N": an error message that says where in the decoded file it happened.
  static std::string at(const char* what, uint64_t offset) {
    return std::string(what) + " at offset " + std::to_string(offset);
  }

  ByteCursor cursor_;
  ReaderLimits limits_;
  ReaderCounts counts_;

 private:
  void update_counts();
  bool ended_ = false;
};

}  // namespace corpusflow
