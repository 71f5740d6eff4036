#include "io/zstd_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace corpusflow {

namespace {

bool starts_with_zstd_magic(const char* data, size_t size) {
  if (size < 4) return false;
  uint32_t magic = 0;
  std::memcpy(&magic, data, 4);  // frame magics are little-endian; so is every platform we build for
  return magic == ZSTD_MAGICNUMBER || (magic & ZSTD_MAGIC_SKIPPABLE_MASK) == ZSTD_MAGIC_SKIPPABLE_START;
}

}  // namespace

ZstdInputStream::ZstdInputStream(const std::string& path)
    : path_(path), input_(kReadSize), checksum_(XXH3_createState()) {
  XXH3_64bits_reset(checksum_);
  // Non-blocking only to open: opening a FIFO that no process writes to would otherwise wait forever. Reads
  // block as usual; one with no writer at all ends at once.
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) {
    error_ = "cannot open " + path + ": " + std::strerror(errno);
    read_failed_ = true;
    ended_ = true;
    return;
  }
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
  struct stat status {};
  const bool fifo = ::fstat(fd_, &status) == 0 && S_ISFIFO(status.st_mode);
  // Read until the magic can be told apart (a short read of a pipe may bring fewer than 4 bytes).
  while (input_size_ < 4 && fill_input()) {}
  if (failed()) return;
  if (fifo && file_offset_ == 0) {
    error_ = "nothing to read from FIFO " + path + " (no process writes to it)";
    read_failed_ = true;
    ended_ = true;
    return;
  }
  if (starts_with_zstd_magic(input_.data(), input_size_)) {
    dctx_ = ZSTD_createDCtx();
    decoded_.resize(kDecodedSize);
  }
}

ZstdInputStream::~ZstdInputStream() {
  if (fd_ >= 0) ::close(fd_);
  ZSTD_freeDCtx(dctx_);
  XXH3_freeState(checksum_);
}

bool ZstdInputStream::fill_input() {
  if (end_of_file_ || read_failed_) return false;
  if (input_pos_ == input_size_) {
    input_file_offset_ += input_size_;
    input_pos_ = input_size_ = 0;
  }
  if (input_size_ == input_.size()) return true;
  for (;;) {
    ssize_t got = ::read(fd_, input_.data() + input_size_, input_.size() - input_size_);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      read_failed_ = true;
      if (!error_.empty()) return false;
      error_ = "read error in " + path_ + " at offset " + std::to_string(file_offset_) + ": " + std::strerror(errno);
      return false;
    }
    if (got == 0) {
      end_of_file_ = true;
      return false;
    }
    XXH3_64bits_update(checksum_, input_.data() + input_size_, static_cast<size_t>(got));
    input_size_ += static_cast<size_t>(got);
    file_offset_ += static_cast<uint64_t>(got);
    return true;
  }
}

std::string_view ZstdInputStream::read() {
  if (ended_) return {};
  std::string_view chunk = compressed() ? read_zstd() : read_plain();
  if (chunk.empty()) ended_ = true;
  decoded_offset_ += chunk.size();
  return chunk;
}

std::string_view ZstdInputStream::read_plain() {
  if (input_pos_ == input_size_ && !fill_input()) return {};
  std::string_view chunk(input_.data() + input_pos_, input_size_ - input_pos_);
  input_pos_ = input_size_;
  return chunk;
}

std::string_view ZstdInputStream::read_zstd() {
  // Bytes decoded before an error are still returned; the error ends the stream at the next call.
  if (failed()) return {};
  ZSTD_outBuffer output{decoded_.data(), decoded_.size(), 0};
  while (output.pos < output.size) {
    if (input_pos_ == input_size_) fill_input();
    if (failed()) break;
    const bool input_left = input_pos_ < input_size_;
    if (!input_left && !output_may_be_pending_) break;
    ZSTD_inBuffer input{input_.data(), input_size_, input_pos_};
    const size_t output_before = output.pos;
    const size_t result = ZSTD_decompressStream(dctx_, &output, &input);
    if (ZSTD_isError(result)) {
      error_ = std::string("zstd: ") + ZSTD_getErrorName(result) + " at compressed offset " +
               std::to_string(input_file_offset_ + input.pos);
      break;
    }
    input_pos_ = input.pos;
    if (result == 0) {
      frame_complete_ = true;
    } else if (input.pos > 0 || output.pos > output_before) {
      frame_complete_ = false;
    }
    output_may_be_pending_ = output.pos == output.size;
    if (!input_left && output.pos == output_before) break;
  }
  if (output.pos == 0 && !failed() && !frame_complete_) {
    error_ = "truncated zstd stream at compressed offset " + std::to_string(file_offset_);
  }
  return {decoded_.data(), output.pos};
}

void ZstdInputStream::drain_undecoded() {
  ended_ = true;
  if (fd_ < 0) return;
  do {
    input_pos_ = input_size_;
  } while (fill_input());
}

uint64_t ZstdInputStream::file_checksum() const { return XXH3_64bits_digest(checksum_); }

void decompress_file_to(const std::string& path, std::FILE* out) {
  ZstdInputStream stream(path);
  for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) {
    if (std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size()) {
      throw std::runtime_error("write error while decoding " + path + ": " + std::strerror(errno));
    }
  }
  if (stream.failed()) throw std::runtime_error(path + ": " + stream.error());
  if (std::fflush(out) != 0) {
    throw std::runtime_error("write error while decoding " + path + ": " + std::strerror(errno));
  }
}

}  // namespace corpusflow
