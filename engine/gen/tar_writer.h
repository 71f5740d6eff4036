// Tar writer for generated shards: POSIX ustar members appended to a byte buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corpusflow::gen {

// Appends one regular-file member (512-byte header, content, zero padding to 512).
// `name` must fit ustar's 100 bytes; throws std::invalid_argument otherwise.
void append_tar_member(std::string& out, std::string_view name, std::string_view content, uint64_t mtime);

// Appends a member whose header announces all of `content` but only its first `kept_bytes` follow:
// the archive is cut here, so nothing may be appended after it (not even the end blocks).
void append_truncated_tar_member(std::string& out, std::string_view name, std::string_view content, size_t kept_bytes,
                                 uint64_t mtime);

// Appends the end-of-archive marker: two zero blocks.
void append_tar_end(std::string& out);

}  // namespace corpusflow::gen
