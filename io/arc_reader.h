// ArcReader: the Internet Archive's ARC format (version 1 and 2), WARC's predecessor. Each record is one header
// line (`URL IP-address Archive-date Content-type [...] Archive-length`) and that many bytes; HTTP responses
// among them are read as WarcReader reads `response` records (web_payload.h). The filedesc:// version block
// and non-text records are skipped and counted by kind.
#pragma once

#include <string>

#include "io/stream_record_reader.h"

namespace corpusflow {

class ArcReader final : public StreamRecordReader {
 public:
  static constexpr size_t kMaxHeaderBytes = 64 << 10;  // an ARC header line beyond this: io_error

  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
  std::string line_;
  std::string skipped_kind_;
};

// An ARC date (YYYYMMDDhhmmss, 14 digits, or fewer for less precision) as ISO 8601 (2014-02-16T05:02:21Z);
// "" when it is not one.
std::string arc_date_to_iso(std::string_view date);

}  // namespace corpusflow
