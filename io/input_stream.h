// InputStream: reads one file as a stream of decoded chunks, chosen by the file's first bytes: zstd frames or
// gzip members (any number back to back, any size, bounded memory), else plain bytes. xz, bzip2, lz4, 7z and
// zip magics fail at once as unsupported compression. Also hashes every byte of the file (XXH3-64) for the
// manifest. Never throws for bad input: a corrupt or truncated stream sets error() with the compressed offset.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_DCtx_s;
struct XXH3_state_s;

namespace corpusflow {

class Inflater;

enum class Compression : uint8_t { none, zstd, gzip };

class InputStream {
 public:
  static constexpr size_t kReadSize = 128 << 10;     // bytes read from the file per call
  static constexpr size_t kDecodedSize = 256 << 10;  // decoded bytes returned per chunk at most

  explicit InputStream(const std::string& path);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Next chunk of decoded bytes, valid until the next call; empty at the end of the stream or after an error.
  std::string_view read();
  // Reads the rest of the file without decoding it, so that file_checksum() covers the whole file.
  void drain_undecoded();

  bool failed() const { return !error_.empty(); }
  // "cannot open P: ...", "read error ...", "zstd: <ZSTD_getErrorName> at compressed offset N",
  // "truncated zstd stream at compressed offset N", "gzip: <what> at compressed offset N", "truncated gzip
  // member at compressed offset N", "unsupported compression (xz): ..."; empty while the stream is fine.
  const std::string& error() const { return error_; }
  Compression compression() const { return compression_; }
  bool compressed() const { return compression_ != Compression::none; }
  const std::string& path() const { return path_; }
  uint64_t compressed_offset() const { return file_offset_; }  // bytes of the file read so far
  uint64_t decoded_offset() const { return decoded_offset_; }  // decoded bytes returned so far
  uint64_t file_checksum() const;                              // XXH3-64 of the file bytes read so far

 private:
  bool fill_input();  // reads the next block of the file; false at end of file or on error
  std::string_view read_plain();
  std::string_view read_zstd();
  std::string_view read_gzip();
  void ensure_input(size_t bytes);  // moves the unread input to the front and reads until `bytes` are there

  std::string path_;
  int fd_ = -1;
  bool end_of_file_ = false;
  bool read_failed_ = false;
  bool ended_ = false;
  std::string error_;
  std::vector<char> input_;
  size_t input_size_ = 0;
  size_t input_pos_ = 0;
  uint64_t input_file_offset_ = 0;  // file offset of input_[0]
  uint64_t file_offset_ = 0;
  uint64_t decoded_offset_ = 0;
  std::vector<char> decoded_;
  Compression compression_ = Compression::none;
  ZSTD_DCtx_s* dctx_ = nullptr;
  std::unique_ptr<Inflater> inflater_;
  bool frame_complete_ = true;  // the last frame started was decoded to its end
  bool output_may_be_pending_ = false;
  XXH3_state_s* checksum_ = nullptr;
};

// Writes the decoded bytes of path (zstd, gzip or plain) to out, as `zstd -dc` or `gzip -dc` would.
// Throws std::runtime_error naming the path and the compressed offset on a corrupt or truncated stream,
// and on a failed write.
void decompress_file_to(const std::string& path, std::FILE* out);

}  // namespace corpusflow
