// WarcReader: WARC/1.0 and 1.1 files (WET and WAT too, and WARC/0.x headers). `response`, `resource` and
// `conversion` records whose payload is text (text/html, application/xhtml+xml, text/plain) are documents: a
// response's HTTP head is parsed and its chunked transfer coding and gzip/deflate content encoding decoded.
// Every other record (warcinfo, request, metadata, revisit, non-text or non-2xx responses, bodies in encodings
// not decoded) is skipped and counted by kind. Records carry their URL, date, id, media type and charset.
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
  std::string line_;
  std::string skipped_kind_;
};

}  // namespace corpusflow
