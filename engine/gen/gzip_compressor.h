// GzipCompressor: turns a buffer into one complete gzip member, as WARC writers store each record (and as
// servers send `Content-Encoding: gzip` bodies). zlib rather than ISA-L's isal_deflate: zlib is the deflate
// that Common Crawl's (Java's GZIPOutputStream) and warcio's writers use, so generated shards exercise the
// reader on the same kind of streams, and its levels 1-9 follow `gen --level`; generation is not the hot path.
#pragma once

#include <string>
#include <string_view>

#include <zlib.h>

namespace corpusflow::gen {

class GzipCompressor {
 public:
  explicit GzipCompressor(int level = 6);  // zlib level, clamped to 1-9
  ~GzipCompressor();
  GzipCompressor(const GzipCompressor&) = delete;
  GzipCompressor& operator=(const GzipCompressor&) = delete;

  // Appends one gzip member holding `data` (header mtime 0: same input, same bytes).
  void append_member(std::string_view data, std::string& out);

 private:
  z_stream stream_{};
};

}  // namespace corpusflow::gen
