// TextReader: the whole file is one record, named by the file name; too_large above the cap.
#pragma once

#include "io/stream_record_reader.h"

namespace corpusflow {

class TextReader final : public StreamRecordReader {
 public:
  using StreamRecordReader::StreamRecordReader;

 protected:
  bool read_record(RawRecord& out) override;

 private:
  bool done_ = false;
};

}  // namespace corpusflow
