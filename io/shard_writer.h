// ShardWriter: appends ready zstd frames, in order, to DIR/part-NNNNN.jsonl.zst. Each part is written as
// *.tmp, synced to disk and renamed when complete, so a visible part is always whole, also after a crash. Serial: one
// writer per output stream.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct XXH3_state_s;

namespace corpusflow {

struct ShardFile {
  std::string path;      // final path of the part
  uint64_t records = 0;  // records in its frames, as passed to append()
  uint64_t uncompressed_bytes = 0;
  uint64_t compressed_bytes = 0;  // file size
  uint64_t checksum = 0;          // XXH3-64 of the file
};

class ShardWriter {
 public:
  // Creates dir. A part is closed after the append that brings it to >= rotate_uncompressed_bytes (0: one
  // frame per part). Throws std::system_error naming the path when dir cannot be created.
  ShardWriter(std::filesystem::path dir, uint64_t rotate_uncompressed_bytes);
  // An unfinished part's .tmp file is removed.
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Appends one complete zstd frame holding `records` records of `uncompressed_bytes` bytes.
  // Throws std::system_error naming the path on any open/write/rename failure (a full disk).
  void append(std::string_view frame, uint64_t uncompressed_bytes, uint64_t records);
  // Closes the current part and syncs the folder; returns every part written, in order. No file at all when
  // nothing was appended.
  std::vector<ShardFile> finish();

 private:
  void open_part();
  void close_part();

  std::filesystem::path dir_;
  uint64_t rotate_bytes_;
  int fd_ = -1;
  std::string temporary_path_;
  ShardFile current_;
  std::vector<ShardFile> done_;
  XXH3_state_s* checksum_ = nullptr;
};

}  // namespace corpusflow
