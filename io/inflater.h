// Inflater: streaming DEFLATE decoding with ISA-L's igzip (chosen over zlib by measurement: docs/formats.md,
// "Compression"): gzip members one after another, zlib streams, or raw deflate. inflate_body decodes a whole
// in-memory body (an HTTP Content-Encoding) under a size cap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct inflate_state;

namespace corpusflow {

enum class DeflateWrapper : uint8_t { gzip, zlib, raw };

class Inflater {
 public:
  explicit Inflater(DeflateWrapper wrapper);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  enum class Status : uint8_t { more, member_end, error };
  // Decodes from the front of input (advancing it) into output[0..capacity), adding what it wrote to produced.
  // member_end: one gzip member (or zlib/raw stream) ended with its checksum verified; call reset() before the
  // next. more: input used up or output full. error: see error_name().
  Status decode(std::string_view& input, char* output, size_t capacity, size_t& produced);
  void reset();
  bool started() const { return started_; }  // bytes of an unfinished member have been decoded or consumed
  const char* error_name() const;

 private:
  std::unique_ptr<inflate_state> state_;
  DeflateWrapper wrapper_;
  int error_ = 0;
  bool started_ = false;
};

// Decodes all of body (gzip members back to back, a zlib stream or raw deflate) into out, at most max_bytes:
// "" on success, else what went wrong ("invalid deflate block at byte N", "truncated at byte N"). Past
// max_bytes it stops, empties out and sets over_limit.
std::string inflate_body(std::string_view body, DeflateWrapper wrapper, uint64_t max_bytes, std::string& out,
                         bool& over_limit);

// gzip's magic: 1f 8b.
inline bool starts_with_gzip_magic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace corpusflow
