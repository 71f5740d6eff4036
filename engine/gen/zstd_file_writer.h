// ZstdFileWriter: streams bytes into one zstd frame on disk (`path.tmp`, renamed to `path` by finish()).
// Generated shards are written through it; failures to write throw, naming the file.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <zstd.h>

namespace corpusflow::gen {

class ZstdFileWriter {
 public:
  // `level`: zstd level (default 3). `workers`: zstd worker threads, at least 1 so that compression runs
  // beside generation and the bytes do not depend on the count.
  ZstdFileWriter(std::string path, int level = 3, int workers = 1);
  ~ZstdFileWriter();  // an unfinished file is removed
  ZstdFileWriter(const ZstdFileWriter&) = delete;
  ZstdFileWriter& operator=(const ZstdFileWriter&) = delete;

  void write(std::string_view bytes);
  // Ends the frame, closes and renames the file.
  void finish();

  uint64_t bytes_in() const { return bytes_in_; }
  uint64_t bytes_out() const { return bytes_out_; }
  const std::string& path() const { return path_; }

 private:
  void drain(ZSTD_inBuffer& input, ZSTD_EndDirective mode);

  std::string path_;
  std::string tmp_path_;
  std::FILE* file_ = nullptr;
  ZSTD_CCtx* context_ = nullptr;
  std::string buffer_;
  uint64_t bytes_in_ = 0;
  uint64_t bytes_out_ = 0;
};

}  // namespace corpusflow::gen
