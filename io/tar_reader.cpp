#include "io/tar_reader.h"

#include <algorithm>
#include <cstring>

namespace corpusflow {

namespace {

constexpr size_t kBlock = 512;

struct Header {
  std::string_view name;
  std::string_view prefix;  // ustar only
  char type = 0;
  uint64_t size = 0;
  bool size_valid = true;
  bool checksum_valid = true;
  bool all_zero = false;
};

std::string_view field(const char* header, size_t offset, size_t length) {
  const char* begin = header + offset;
  return {begin, strnlen(begin, length)};
}

// Octal digits, optionally surrounded by spaces and NULs; GNU base-256 when the first byte has its top bit set.
bool parse_number(const char* begin, size_t length, uint64_t& value) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(begin);
  value = 0;
  if (bytes[0] & 0x80) {
    if (bytes[0] == 0xff) return false;  // negative
    value = bytes[0] & 0x7f;
    for (size_t i = 1; i < length; ++i) {
      if (value >> 55) return false;
      value = (value << 8) | bytes[i];
    }
    return true;
  }
  size_t i = 0;
  while (i < length && (bytes[i] == ' ' || bytes[i] == 0)) ++i;
  for (; i < length && bytes[i] >= '0' && bytes[i] <= '7'; ++i) {
    if (value >> 60) return false;
    value = (value << 3) | static_cast<uint64_t>(bytes[i] - '0');
  }
  for (; i < length; ++i) {
    if (bytes[i] != ' ' && bytes[i] != 0) return false;
  }
  return true;
}

Header parse_header(const char* h) {
  Header header;
  header.all_zero = std::all_of(h, h + kBlock, [](char c) { return c == 0; });
  if (header.all_zero) return header;
  uint64_t stored = 0;
  uint64_t unsigned_sum = 0;
  int64_t signed_sum = 0;
  for (size_t i = 0; i < kBlock; ++i) {
    const bool in_checksum = i >= 148 && i < 156;
    const char c = in_checksum ? ' ' : h[i];
    unsigned_sum += static_cast<unsigned char>(c);
    signed_sum += static_cast<signed char>(c);
  }
  header.checksum_valid =
      parse_number(h + 148, 8, stored) && (stored == unsigned_sum || static_cast<int64_t>(stored) == signed_sum);
  header.type = h[156];
  header.size_valid = parse_number(h + 124, 12, header.size);
  header.name = field(h, 0, 100);
  if (std::memcmp(h + 257, "ustar\0", 6) == 0) header.prefix = field(h, 345, 155);
  return header;
}

// pax records: "<length> <key>=<value>\n", length counting the whole record.
bool parse_pax(std::string_view data, std::optional<std::string>& path, std::optional<uint64_t>& size) {
  while (!data.empty()) {
    size_t length = 0;
    size_t i = 0;
    while (i < data.size() && data[i] >= '0' && data[i] <= '9') {
      length = length * 10 + static_cast<size_t>(data[i] - '0');
      if (length > data.size()) return false;
      ++i;
    }
    if (i == 0 || i >= data.size() || data[i] != ' ' || length <= i + 1 || length > data.size() ||
        data[length - 1] != '\n') {
      return false;
    }
    std::string_view record = data.substr(i + 1, length - i - 2);
    const size_t equals = record.find('=');
    if (equals == std::string_view::npos) return false;
    std::string_view key = record.substr(0, equals);
    std::string_view value = record.substr(equals + 1);
    if (key == "path") {
      path = std::string(value);
    } else if (key == "size") {
      uint64_t parsed = 0;
      if (value.empty()) return false;
      for (char c : value) {
        if (c < '0' || c > '9' || parsed > (UINT64_MAX - 9) / 10) return false;
        parsed = parsed * 10 + static_cast<uint64_t>(c - '0');
      }
      size = parsed;
    }
    data.remove_prefix(length);
  }
  return true;
}

// Members that hold no document: links, devices, FIFOs, directories, volume labels, GNU dump directories.
bool is_known_non_file(char type) {
  return type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6' || type == 'V' ||
         type == 'D';
}

const char* type_name(char type) {
  switch (type) {
    case 'S': return "GNU sparse file";
    case 'M': return "GNU multi-volume continuation";
    case 'N': return "old GNU long name";
    default: return "unknown type";
  }
}

std::string printable_type(char type) {
  const auto byte = static_cast<unsigned char>(type);
  if (byte >= 0x20 && byte < 0x7F) return std::string(1, type);
  static const char* digits = "0123456789abcdef";
  return std::string("\\x") + digits[byte >> 4] + digits[byte & 15];
}

}  // namespace

bool TarReader::skip_padding(uint64_t payload_size) {
  const uint64_t padding = (kBlock - payload_size % kBlock) % kBlock;
  return cursor_.skip(padding) == padding;
}

bool TarReader::read_meta_payload(uint64_t size, std::string& destination) {
  destination.clear();
  return cursor_.append_to(destination, size) == size && skip_padding(size);
}

void TarReader::assign_member_name(std::string_view prefix, std::string_view header_name, std::string& name) {
  if (pax_path_) {
    name = std::move(*pax_path_);
  } else if (!long_name_.empty()) {
    name = long_name_;
  } else if (!prefix.empty()) {
    name.assign(prefix).append("/").append(header_name);
  } else {
    name.assign(header_name);
  }
}

bool TarReader::skip_other_member(char type, uint64_t size, bool sparse_extended) {
  char block[kBlock];
  while (sparse_extended) {  // old GNU sparse members chain extension headers before their data
    if (cursor_.read_exact(block, kBlock) < kBlock) return false;
    sparse_extended = block[504] != 0;
  }
  const uint64_t data_size = type == '5' ? 0 : size;  // as GNU tar: a directory's size field is not data
  return cursor_.skip(data_size) == data_size && skip_padding(data_size);
}

bool TarReader::read_record(RawRecord& out) {
  if (!pending_error_.empty()) {
    out.offset = cursor_.offset();
    return fail(out, std::move(pending_error_));
  }
  char copy[kBlock];
  for (;;) {
    const uint64_t header_offset = cursor_.offset();
    std::string_view available = cursor_.peek();
    if (available.empty()) {
      out.offset = header_offset;
      if (cursor_.stream().failed()) return fail(out, {});
      // A stream cut exactly at a member boundary (a multi-frame .zst missing its last frames) looks like a
      // clean end; the missing end-of-archive blocks are the only trace of it.
      if (headers_read_ > 0 && !after_end_marker_) counts_.end_of_archive_missing = true;
      return false;
    }
    const char* block = available.data();
    const bool in_place = available.size() >= kBlock;
    if (!in_place) {
      const size_t got = cursor_.read_exact(copy, kBlock);
      if (got < kBlock) {
        out.offset = header_offset;
        if (after_end_marker_ && !cursor_.stream().failed() &&
            std::all_of(copy, copy + got, [](char c) { return c == 0; })) {
          return false;  // zero padding that stops short of a full block
        }
        return fail(out, at("truncated tar header", header_offset));
      }
      block = copy;
    }
    const Header header = parse_header(block);
    if (header.all_zero) {  // end-of-archive blocks, or the padding to a full tar record
      after_end_marker_ = true;
      if (in_place) cursor_.consume(kBlock);
      continue;
    }
    if (!header.checksum_valid) {
      out.offset = header_offset;
      // As `tar -i` reads on past the end blocks of `cat a.tar b.tar`, so does this; anything else there is
      // reported, never silently dropped.
      return fail(out, at(after_end_marker_ ? "data after the end of the tar archive that is not a tar header"
                                            : "bad tar header checksum",
                          header_offset));
    }
    if (after_end_marker_) {
      ++counts_.concatenated_archives;
      after_end_marker_ = false;
    }
    ++headers_read_;
    if (!header.size_valid) {
      out.offset = header_offset;
      return fail(out, at("bad tar header size field", header_offset));
    }
    const char type = header.type;
    // '7' (contiguous file) is a regular file to every tar that extracts it.
    const bool regular = type == '0' || type == '\0' || type == '7';
    const bool meta = type == 'x' || type == 'g' || type == 'L' || type == 'K';
    if (!meta) assign_member_name(header.prefix, header.name, out.name);
    // A pax size= describes the next file member, never a meta header between the two.
    const uint64_t size = meta ? header.size : pax_size_.value_or(header.size);
    const bool sparse_extended = type == 'S' && block[482] != 0;
    if (in_place) cursor_.consume(kBlock);  // `header` views into the block: used up above
    if (type == 'g') {                      // pax global header: not used, and the next member's pending names stay
      ++counts_.skipped_members;
      if (!skip_other_member(type, size, false)) {
        out.offset = header_offset;
        return fail(out, at("truncated tar member", header_offset));
      }
      continue;
    }
    if (meta) {  // pax and GNU long-name headers for the next member
      ++counts_.skipped_members;
      if (size > kMaxMetaHeaderBytes) {
        out.offset = header_offset;
        return fail(out, at(type == 'x' ? "oversized pax header" : "oversized GNU long name", header_offset));
      }
      if (!read_meta_payload(size, meta_)) {
        out.offset = header_offset;
        return fail(out, at("truncated tar member", header_offset));
      }
      if (type == 'L') {
        long_name_.assign(meta_.c_str());
      } else if (type == 'x' && !parse_pax(meta_, pax_path_, pax_size_)) {
        out.offset = header_offset;
        return fail(out, at("bad pax header", header_offset));
      }
      continue;
    }
    long_name_.clear();
    pax_path_.reset();
    pax_size_.reset();
    if (!regular) {
      const bool holds_no_document = is_known_non_file(type);
      if (!skip_other_member(type, size, sparse_extended)) {
        out.offset = header_offset;
        return fail(out, at("truncated tar member", header_offset));
      }
      if (holds_no_document) {
        ++counts_.skipped_members;
        out.name.clear();
        continue;
      }
      // A member with file data that is not read (sparse, multi-volume, unknown type): one record that says
      // so, so the document it may hold is counted as rejected, never lost without a word.
      out.offset = header_offset;
      out.size = size;
      out.unsupported = "tar member of type '" + printable_type(type) + "' (" + type_name(type) + ") at offset " +
                        std::to_string(header_offset) + " is not read";
      return true;
    }
    out.offset = header_offset;
    out.size = size;
    uint64_t got = 0;
    if (size > limits_.max_record_bytes) {
      out.too_large = true;
      got = cursor_.skip(size);
    } else {
      // Never allocate from a claimed size: a header may claim more than the stream holds or memory has.
      out.bytes.reserve(static_cast<size_t>(std::min<uint64_t>(size, kMaxUpfrontReserve)));
      got = cursor_.append_to(out.bytes, size);
    }
    if (got < size) {
      return fail(out, at("truncated tar member", header_offset));
    }
    if (!skip_padding(size)) pending_error_ = at("truncated tar archive", cursor_.offset());
    return true;
  }
}

}  // namespace corpusflow
