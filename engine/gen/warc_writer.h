// WarcShardWriter: lays generated pages out as one `.warc.gz` shard the way Common Crawl writes them: one gzip
// member per WARC/1.1 record, a `warcinfo` record first, then per page a `request` and a `response` record.
// Responses vary as crawled ones do, deterministically by seed: some bodies chunked, some gzip-encoded, and
// between the pages a few 404 and image/png responses that are not documents.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "engine/gen/gzip_compressor.h"
#include "engine/gen/rng.h"

namespace corpusflow::gen {

// Damage done to one page's response.
enum class WarcDamage {
  none,
  bad_gzip_body,  // declared `Content-Encoding: gzip`, the body has gzip's magic and then no valid deflate
  truncated,      // the record's gzip member is cut in the middle and the shard ends there
};

// Records written, by kind.
struct WarcCounts {
  uint64_t warcinfo = 0;
  uint64_t requests = 0;
  uint64_t pages = 0;      // responses that are documents (damaged ones included)
  uint64_t not_found = 0;  // HTTP 404 responses
  uint64_t images = 0;     // image/png responses
  uint64_t chunked = 0;    // pages sent with Transfer-Encoding: chunked
  uint64_t gzip = 0;       // pages sent with Content-Encoding: gzip (bad_gzip_body included)

  WarcCounts& operator+=(const WarcCounts& other);
};

class WarcShardWriter {
 public:
  // `path` is written as `path.tmp` and renamed by finish(). `seed` and `shard` decide record ids and
  // variants; `level` is the zlib level.
  WarcShardWriter(std::string path, uint64_t seed, uint32_t shard, int level);
  ~WarcShardWriter();  // an unfinished file is removed
  WarcShardWriter(const WarcShardWriter&) = delete;
  WarcShardWriter& operator=(const WarcShardWriter&) = delete;

  // One page at `url`, fetched at `mtime` (seconds since 1970), with `html` as its body. After a truncated
  // page nothing more may be added. Returns the response's WARC-Record-ID (the id corpusflow gives the page).
  std::string add_page(std::string_view url, uint64_t mtime, std::string_view html, WarcDamage damage);
  void finish();

  const WarcCounts& counts() const { return counts_; }
  uint64_t bytes_in() const { return bytes_in_; }  // WARC bytes before compression
  uint64_t bytes_out() const { return bytes_out_; }

 private:
  std::string next_record_id();
  // Appends one record (its own gzip member); `keep` < 1 writes only that share of the member.
  void add_record(std::string_view type, std::string_view record_id, std::string_view date, std::string_view uri,
                  std::string_view content_type, std::string_view block, std::string_view extra_headers,
                  double keep = 1.0);
  std::string add_exchange(std::string_view url, std::string_view date, std::string_view http_block, double keep);
  void add_skipped_response(std::string_view url, std::string_view date, Rng& rng);
  void flush();

  std::string path_;
  std::string tmp_path_;
  std::FILE* file_ = nullptr;
  uint64_t seed_;
  uint32_t shard_;
  uint64_t records_ = 0;
  uint64_t pages_ = 0;
  bool cut_ = false;
  GzipCompressor compressor_;
  WarcCounts counts_;
  std::string record_;
  std::string block_;
  std::string body_;
  std::string out_;
  uint64_t bytes_in_ = 0;
  uint64_t bytes_out_ = 0;
};

// `YYYY-MM-DDThh:mm:ssZ` of seconds since 1970.
std::string warc_date(uint64_t seconds);

}  // namespace corpusflow::gen
