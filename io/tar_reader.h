// TarReader: splits a tar stream (ustar, GNU, pax) into one record per regular member ('0' or '\0'), named by
// the member path (pax path= and GNU long names honoured). Other members are skipped and counted. Header
// checksums are verified; a bad header or a truncated member/archive ends the file with an io_error record.
// A stream that ends cleanly at a header boundary (end blocks missing) is a clean end; the first all-zero
// block ends the archive (the bytes after it are still decoded, so a broken zstd frame there is reported).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/stream_record_reader.h"

namespace corpusflow {

class TarReader final : public StreamRecordReader {
 public:
  static constexpr uint64_t kMaxMetaHeaderBytes = 1 << 20;  // pax headers and GNU long names beyond: io_error

  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
  // pax path=, else a GNU long name, else the header's prefix/name.
  void assign_member_name(std::string_view prefix, std::string_view header_name, std::string& name);
  bool skip_other_member(char type, uint64_t size, bool sparse_extended);
  bool skip_padding(uint64_t payload_size);
  bool read_meta_payload(uint64_t size, std::string& destination);

  std::string long_name_;          // from a GNU 'L' member, for the next member
  std::optional<std::string> pax_path_;
  std::optional<uint64_t> pax_size_;
  std::string meta_;
  std::string pending_error_;      // reported by the call after the record it follows
  bool end_of_archive_ = false;
};

}  // namespace corpusflow
