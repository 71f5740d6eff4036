#include "engine/gen/tar_writer.h"

#include <cstring>
#include <stdexcept>

namespace corpusflow::gen {
namespace {

constexpr size_t kBlock = 512;

// Writes `value` as zero-padded octal in `width - 1` digits plus a NUL.
void put_octal(char* field, size_t width, uint64_t value) {
  field[width - 1] = '\0';
  for (size_t i = width - 1; i-- > 0;) {
    field[i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  if (value != 0) throw std::invalid_argument("tar: value too large for a ustar field");
}

void append_header(std::string& out, std::string_view name, uint64_t size, uint64_t mtime) {
  if (name.empty() || name.size() > 100) {
    throw std::invalid_argument("tar: member name must be 1-100 bytes: " + std::string(name));
  }
  char header[kBlock] = {};
  std::memcpy(header, name.data(), name.size());
  put_octal(header + 100, 8, 0644);
  put_octal(header + 108, 8, 0);
  put_octal(header + 116, 8, 0);
  put_octal(header + 124, 12, size);
  put_octal(header + 136, 12, mtime);
  std::memset(header + 148, ' ', 8);
  header[156] = '0';
  std::memcpy(header + 257, "ustar", 6);
  std::memcpy(header + 263, "00", 2);
  unsigned checksum = 0;
  for (unsigned char c : header) checksum += c;
  put_octal(header + 148, 7, checksum);
  header[155] = ' ';
  out.append(header, kBlock);
}

}  // namespace

void append_tar_member(std::string& out, std::string_view name, std::string_view content, uint64_t mtime) {
  append_header(out, name, content.size(), mtime);
  out.append(content);
  out.append((kBlock - content.size() % kBlock) % kBlock, '\0');
}

void append_truncated_tar_member(std::string& out, std::string_view name, std::string_view content, size_t kept_bytes,
                                 uint64_t mtime) {
  append_header(out, name, content.size(), mtime);
  out.append(content.substr(0, kept_bytes < content.size() ? kept_bytes : content.size()));
}

void append_tar_end(std::string& out) { out.append(2 * kBlock, '\0'); }

}  // namespace corpusflow::gen
