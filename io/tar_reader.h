// TarReader: splits a tar stream (ustar, GNU, pax) into one record per regular member ('0', '\0', '7'), named
// by the member path (pax path= and GNU long names honoured). Links, directories, devices and meta headers are
// skipped and counted; a member with data that is not read (sparse, multi-volume, unknown type) is a record
// with `unsupported` set. Header checksums are verified; a bad header or a truncated member/archive ends the
// file with an io_error record. Reading goes on past end-of-archive blocks into a concatenated archive
// (`cat a.tar b.tar`), as `tar -i` does; other data there is an io_error. A stream that ends at a header
// boundary without end blocks is read to its end and flagged (ReaderCounts::end_of_archive_missing).
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

  std::string long_name_;  // from a GNU 'L' member, for the next member
  std::optional<std::string> pax_path_;
  std::optional<uint64_t> pax_size_;
  std::string meta_;
  std::string pending_error_;      // reported by the call after the record it follows
  uint64_t headers_read_ = 0;      // member headers (of any type) read so far
  bool after_end_marker_ = false;  // the last block read was all zeros
};

}  // namespace corpusflow
