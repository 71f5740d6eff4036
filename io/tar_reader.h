// TarReader: splits a tar stream (ustar, GNU, pax) into one record per regular member ('0' or '\0'), named by
// the member path (pax path= and GNU long names honoured). Other members are skipped and counted. Header
// checksums are verified; a bad header or a truncated member/archive ends the file with an io_error record.
// A stream that ends cleanly at a header boundary (end blocks missing) is a clean end.
#pragma once

#include <optional>
#include <string>

#include "io/stream_record_reader.h"

namespace corpusflow {

class TarReader final : public StreamRecordReader {
 public:
  static constexpr uint64_t kMaxMetaHeaderBytes = 1 << 20;  // pax headers and GNU long names beyond: io_error

  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
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
