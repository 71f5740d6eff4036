#include "io/input_stream.h"

#include "io/inflater.h"

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

// Formats we recognise but do not decode: a clear error instead of their bytes read as text.
const char* unsupported_compression(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.starts_with(magic); };
  using namespace std::string_view_literals;
  if (starts("\xFD"
             "7zXZ\x00"sv))
    return "xz";
  if (head.size() >= 4 && starts("BZh") && head[3] >= '1' && head[3] <= '9') return "bzip2";
  if (starts("\x04\x22\x4D\x18"sv)) return "lz4";
  if (starts("7z\xBC\xAF\x27\x1C"sv)) return "7z";
  if (starts("PK\x03\x04"sv)) return "zip";
  return nullptr;
}

}  // namespace

InputStream::InputStream(const std::string& path) : path_(path), input_(kReadSize), checksum_(XXH3_createState()) {
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
  // Read until the magic can be told apart (a short read of a pipe may bring fewer than 6 bytes).
  while (input_size_ < 6 && fill_input()) {}
  if (failed()) return;
  if (fifo && file_offset_ == 0) {
    error_ = "nothing to read from FIFO " + path + " (no process writes to it)";
    read_failed_ = true;
    ended_ = true;
    return;
  }
  const std::string_view head(input_.data(), input_size_);
  if (starts_with_zstd_magic(input_.data(), input_size_)) {
    compression_ = Compression::zstd;
    dctx_ = ZSTD_createDCtx();
    decoded_.resize(kDecodedSize);
  } else if (starts_with_gzip_magic(head)) {
    compression_ = Compression::gzip;
    inflater_ = std::make_unique<Inflater>(DeflateWrapper::gzip);
    decoded_.resize(kDecodedSize);
  } else if (const char* name = unsupported_compression(head)) {
    error_ = std::string("unsupported compression (") + name + "): " + path +
             " starts with its magic; decompress it first (corpusflow reads zstd, gzip and plain files)";
    ended_ = true;
  }
}

InputStream::~InputStream() {
  if (fd_ >= 0) ::close(fd_);
  ZSTD_freeDCtx(dctx_);
  XXH3_freeState(checksum_);
}

bool InputStream::fill_input() {
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

std::string_view InputStream::read() {
  if (ended_) return {};
  std::string_view chunk;
  switch (compression_) {
    case Compression::none: chunk = read_plain(); break;
    case Compression::zstd: chunk = read_zstd(); break;
    case Compression::gzip: chunk = read_gzip(); break;
  }
  if (chunk.empty()) ended_ = true;
  decoded_offset_ += chunk.size();
  return chunk;
}

std::string_view InputStream::read_plain() {
  if (input_pos_ == input_size_ && !fill_input()) return {};
  std::string_view chunk(input_.data() + input_pos_, input_size_ - input_pos_);
  input_pos_ = input_size_;
  return chunk;
}

std::string_view InputStream::read_zstd() {
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

std::string_view InputStream::read_gzip() {
  if (failed()) return {};
  size_t produced = 0;
  while (produced < decoded_.size()) {
    if (input_size_ - input_pos_ < 2) ensure_input(2);
    if (failed()) break;
    std::string_view input(input_.data() + input_pos_, input_size_ - input_pos_);
    if (!inflater_->started()) {
      if (input.empty()) break;  // the end of the file, between members
      if (!starts_with_gzip_magic(input)) {
        error_ = "gzip: bytes after the last member are not a gzip member at compressed offset " +
                 std::to_string(input_file_offset_ + input_pos_);
        break;
      }
    }
    const size_t before = input.size();
    const size_t produced_before = produced;
    const Inflater::Status status =
        inflater_->decode(input, decoded_.data() + produced, decoded_.size() - produced, produced);
    input_pos_ += before - input.size();
    if (status == Inflater::Status::error) {
      error_ = std::string("gzip: ") + inflater_->error_name() + " at compressed offset " +
               std::to_string(input_file_offset_ + input_pos_);
      break;
    }
    if (status == Inflater::Status::member_end) {
      inflater_->reset();
    } else if (before == 0 && produced == produced_before) {
      error_ = "truncated gzip member at compressed offset " + std::to_string(file_offset_);
      break;
    }
  }
  return {decoded_.data(), produced};
}

void InputStream::ensure_input(size_t bytes) {
  if (input_pos_ > 0 && input_pos_ < input_size_) {
    std::memmove(input_.data(), input_.data() + input_pos_, input_size_ - input_pos_);
    input_file_offset_ += input_pos_;
    input_size_ -= input_pos_;
    input_pos_ = 0;
  }
  while (input_size_ - input_pos_ < bytes && fill_input()) {}
}

void InputStream::drain_undecoded() {
  ended_ = true;
  if (fd_ < 0) return;
  do {
    input_pos_ = input_size_;
  } while (fill_input());
}

uint64_t InputStream::file_checksum() const { return XXH3_64bits_digest(checksum_); }

void decompress_file_to(const std::string& path, std::FILE* out) {
  InputStream stream(path);
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
