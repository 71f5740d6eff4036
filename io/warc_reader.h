// WarcReader: WARC/1.0 and 1.1 records. A `response` record gives one record whose bytes are the HTTP body
// (status line and headers stripped; transfer and content encodings are left as stored); a `resource` record
// gives its block as is. Records are named by WARC-Target-URI (WARC-Record-ID when absent); other record types
// (warcinfo, request, metadata, ...) are skipped and counted in skipped_members.
#pragma once

#include <string>

#include "io/stream_record_reader.h"

namespace corpusflow {

class WarcReader final : public StreamRecordReader {
 public:
  static constexpr size_t kMaxHeaderBytes = 1 << 20;  // a WARC header block beyond this: io_error

  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
  enum class Line { ok, end, too_long };
  Line read_line(std::string& line);  // without its "\r\n"

  std::string line_;
};

}  // namespace corpusflow
