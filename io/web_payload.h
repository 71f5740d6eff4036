// The payload of a web-archive record (WARC or ARC) as a document: an HTTP response's head parsed and its
// body's encodings decoded, or a block taken as it is; the record's media type decides whether it is one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/raw_record.h"

namespace corpusflow {

// Media types read as documents: text/html, application/xhtml+xml, text/plain.
bool is_text_media_type(std::string_view media_type);

// Turns out.bytes (the record's block) into the document's payload and fills out.web's media type, charset,
// language and status. http: the block is an HTTP response (a WARC/ARC response record) when it starts with a
// status line. block_media_type / block_charset: the record header's Content-Type. Returns false when the record
// is not a document, with skipped_kind saying why ("response image/png", "response HTTP 404", "response
// Content-Encoding br", "resource metadata: URI" for a crawler's own records); a body that does not decode is a
// document with out.bad_body (or out.too_large) set.
bool take_web_payload(RawRecord& out, bool http, const std::string& block_media_type, const std::string& block_charset,
                      uint64_t max_bytes, std::string& skipped_kind);

}  // namespace corpusflow
