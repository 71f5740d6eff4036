// The JSON line of a kept document in each output schema, with the input's own fields kept as written
// (docs/formats.md, "Fields kept as given"): corpusflow's fields first, in a fixed order, then every input
// field in input order. An input field named like one corpusflow writes is dropped when its value is the same,
// and kept as `input_<name>` when it differs; provenance fields (source, dump, file_path, added, created) keep
// the input's value when it has one. So a run over its own output writes the same fields in the same places.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/document.h"
#include "stages/encode/output_schema.h"

namespace corpusflow {

// What the writer needs of the shard a document came from.
struct KeptOrigin {
  std::string_view shard_path;  // FineWeb's file_path, unless the input has one
  int64_t shard_mtime = 0;      // Dolma's added (seconds since 1970 UTC; 0: unknown), unless the input has one
  bool web_record = false;      // a web-archive record: added is its WARC-Date
};

// Appends one JSON line, '\n' included.
void write_kept_document(const Document& doc, OutputSchema schema, const KeptOrigin& origin, std::string& out);

// `CC-MAIN-YYYY-WW` when the path names a Common Crawl snapshot, else empty: FineWeb's `dump`.
std::string_view common_crawl_dump(std::string_view path);

// seconds since 1970 UTC -> `YYYY-MM-DDTHH:MM:SSZ`; empty for 0.
std::string iso8601_utc(int64_t seconds);

}  // namespace corpusflow
