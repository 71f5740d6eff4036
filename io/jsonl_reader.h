// JsonlReader: one record per line, named "line N" (1-based). CRLF is stripped; a last line without a newline
// is a record; a blank line is a record with empty bytes. A line longer than the cap is never held in memory:
// it becomes a too_large record with its size and reading goes on at the next line.
#pragma once

#include "io/stream_record_reader.h"

namespace corpusflow {

class JsonlReader final : public StreamRecordReader {
 public:
  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
  uint64_t line_ = 0;
};

}  // namespace corpusflow
