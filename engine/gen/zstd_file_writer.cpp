#include "engine/gen/zstd_file_writer.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace corpusflow::gen {
namespace {

void check(size_t code, const std::string& path) {
  if (ZSTD_isError(code)) throw std::runtime_error(path + ": zstd: " + ZSTD_getErrorName(code));
}

}  // namespace

ZstdFileWriter::ZstdFileWriter(std::string path, int level, int workers)
    : path_(std::move(path)), tmp_path_(path_ + ".tmp"), buffer_(ZSTD_CStreamOutSize(), '\0') {
  context_ = ZSTD_createCCtx();
  if (context_ == nullptr) throw std::runtime_error(path_ + ": cannot create a zstd context");
  check(ZSTD_CCtx_setParameter(context_, ZSTD_c_compressionLevel, level), path_);
  // Without multithreading support in libzstd, compression simply stays on this thread.
  ZSTD_CCtx_setParameter(context_, ZSTD_c_nbWorkers, workers < 1 ? 1 : workers);
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    ZSTD_freeCCtx(context_);
    throw std::runtime_error(tmp_path_ + ": cannot create: " + std::strerror(errno));
  }
}

ZstdFileWriter::~ZstdFileWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(tmp_path_.c_str());
  }
  ZSTD_freeCCtx(context_);
}

void ZstdFileWriter::drain(ZSTD_inBuffer& input, ZSTD_EndDirective mode) {
  for (;;) {
    ZSTD_outBuffer output{buffer_.data(), buffer_.size(), 0};
    const size_t remaining = ZSTD_compressStream2(context_, &output, &input, mode);
    check(remaining, path_);
    if (output.pos > 0 && std::fwrite(buffer_.data(), 1, output.pos, file_) != output.pos) {
      throw std::runtime_error(tmp_path_ + ": write failed at byte " + std::to_string(bytes_out_) + ": " +
                               std::strerror(errno));
    }
    bytes_out_ += output.pos;
    const bool done = mode == ZSTD_e_end ? remaining == 0 : input.pos == input.size;
    if (done) return;
  }
}

void ZstdFileWriter::write(std::string_view bytes) {
  if (file_ == nullptr) throw std::logic_error(path_ + ": write after finish");
  ZSTD_inBuffer input{bytes.data(), bytes.size(), 0};
  drain(input, ZSTD_e_continue);
  bytes_in_ += bytes.size();
}

void ZstdFileWriter::finish() {
  if (file_ == nullptr) return;
  ZSTD_inBuffer input{nullptr, 0, 0};
  drain(input, ZSTD_e_end);
  const bool failed = std::fflush(file_) != 0;
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed || close_failed) {
    std::remove(tmp_path_.c_str());
    throw std::runtime_error(tmp_path_ + ": cannot close: " + std::strerror(errno));
  }
  if (std::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot rename from .tmp: " + std::strerror(errno));
  }
}

}  // namespace corpusflow::gen
