#include "io/record_reader.h"

#include "io/arc_reader.h"
#include "io/jsonl_reader.h"
#include "io/tar_reader.h"
#include "io/text_reader.h"
#include "io/warc_reader.h"

namespace corpusflow {

std::unique_ptr<RecordReader> open_record_reader(const std::string& path, InputFormat format,
                                                 const ReaderLimits& limits) {
  if (format == InputFormat::auto_detect) format = detect_format(path);
  switch (format) {
    case InputFormat::tar: return std::make_unique<TarReader>(path, limits);
    case InputFormat::jsonl: return std::make_unique<JsonlReader>(path, limits);
    case InputFormat::warc: return std::make_unique<WarcReader>(path, limits);
    case InputFormat::arc: return std::make_unique<ArcReader>(path, limits);
    case InputFormat::auto_detect:
    case InputFormat::text: break;
  }
  return std::make_unique<TextReader>(path, limits);
}

}  // namespace corpusflow
