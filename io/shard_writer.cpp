#include "io/shard_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "io/atomic_file.h"
#include "io/output_layout.h"

namespace corpusflow {

namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

ShardWriter::ShardWriter(std::filesystem::path dir, uint64_t rotate_uncompressed_bytes)
    : dir_(std::move(dir)), rotate_bytes_(rotate_uncompressed_bytes), checksum_(XXH3_createState()) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error || !std::filesystem::is_directory(dir_)) {
    if (!error) error = std::make_error_code(std::errc::not_a_directory);
    XXH3_freeState(checksum_);
    throw std::system_error(error, "cannot create output directory " + dir_.string());
  }
}

ShardWriter::~ShardWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temporary_path_.c_str());
  }
  XXH3_freeState(checksum_);
}

void ShardWriter::open_part() {
  current_ = ShardFile{};
  current_.path = (dir_ / output_layout::part_name(done_.size())).string();
  temporary_path_ = current_.path + ".tmp";
  fd_ = ::open(temporary_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_errno("cannot create " + temporary_path_);
  XXH3_64bits_reset(checksum_);
}

void ShardWriter::append(std::string_view frame, uint64_t uncompressed_bytes, uint64_t records) {
  if (fd_ < 0) open_part();
  const char* data = frame.data();
  size_t left = frame.size();
  while (left > 0) {
    const ssize_t written = ::write(fd_, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) throw_errno("write to " + temporary_path_ + " failed");
    data += written;
    left -= static_cast<size_t>(written);
  }
  XXH3_64bits_update(checksum_, frame.data(), frame.size());
  current_.compressed_bytes += frame.size();
  current_.uncompressed_bytes += uncompressed_bytes;
  current_.records += records;
  if (current_.uncompressed_bytes >= rotate_bytes_) close_part();
}

void ShardWriter::close_part() {
  const int fd = fd_;
  fd_ = -1;
  // The bytes reach the disk before the rename makes the part visible (and before the manifest names it).
  const bool synced = ::fdatasync(fd) == 0;
  if (::close(fd) != 0 || !synced) {
    const int saved = errno;
    ::unlink(temporary_path_.c_str());
    errno = saved;
    throw_errno("closing " + temporary_path_ + " failed");
  }
  if (::rename(temporary_path_.c_str(), current_.path.c_str()) != 0) {
    throw_errno("cannot rename " + temporary_path_ + " to " + current_.path);
  }
  current_.checksum = XXH3_64bits_digest(checksum_);
  done_.push_back(std::move(current_));
}

std::vector<ShardFile> ShardWriter::finish() {
  if (fd_ >= 0) close_part();
  if (!done_.empty()) sync_directory(dir_);
  return done_;
}

}  // namespace corpusflow
