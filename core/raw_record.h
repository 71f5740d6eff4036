// RawRecord: bytes of one input record as io splits them (tar member, JSON line, WARC record, file).
// io fills it knowing nothing of what a document means.
#pragma once

#include <cstdint>
#include <string>

namespace corpusflow {

// How the bytes of a record are laid out, known from the input's format.
enum class RecordLayout : uint8_t {
  page,  // a scraped page (` date YYYY-MM-DD URL`, title, body) or, without that header, plain text
  json,  // one JSON object: `text` required; `url`, `date`, `title` taken; every other field kept in metadata
  web,   // a web-archive record's payload (an HTTP body with its encodings decoded, a resource block, or a WET
         // conversion's text), described by RawRecord::web
};

// What a web-archive record's headers say about its payload.
struct WebRecordInfo {
  std::string url;           // WARC-Target-URI, without the <> some writers put around it
  std::string date;          // WARC-Date as written (ISO 8601, e.g. 2024-05-18T07:24:47Z)
  std::string record_id;     // WARC-Record-ID as written (<urn:uuid:...>)
  std::string type;          // WARC-Type: response, resource, conversion
  std::string media_type;    // lower-cased, no parameters: text/html, application/xhtml+xml, text/plain
  std::string charset;       // the charset parameter of the HTTP (or block) Content-Type, as written; "" if none
  std::string language;      // HTTP Content-Language, as written; "" if none
  uint16_t http_status = 0;  // 0 when the payload is not an HTTP response
};

struct RawRecord {
  std::string name;         // tar member name, "line N" (1-based) for JSONL, file name for text, target URI for web
  std::string bytes;        // record payload; empty when too_large or io_error is set
  uint64_t offset = 0;      // byte offset of the record in the uncompressed stream
  uint64_t size = 0;        // payload size in bytes (also when the payload was not kept)
  bool too_large = false;   // payload larger than the configured cap: skipped, not kept
  std::string unsupported;  // non-empty: a record whose payload io does not read (a sparse tar member); says
                            // what it is and where. The file goes on.
  std::string io_error;     // non-empty: the stream broke here (corrupt frame, truncated archive);
                            // the message names the offset. No record follows in this shard.
  std::string bad_body;     // non-empty: the payload's declared HTTP encoding did not decode (what and where)
  WebRecordInfo web;        // layout web only
};

}  // namespace corpusflow
