// parse: raw record -> Document (url, host, date, title, text, metadata) or a reject with its reason.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/document.h"
#include "core/raw_record.h"

namespace corpusflow {

// One per thread: holds the JSON parser and its buffers.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;

  // Fills doc from record (doc.id and doc.source are the caller's). Record bytes are consumed.
  // Rejects: `io` (the stream broke here), `too_large` (over the reader's cap), `empty` (nothing but
  // whitespace), `bad_json` (not a JSON object, or no string `text`).
  void parse(RawRecord& record, RecordLayout layout, Document& doc);

 private:
  struct JsonState;
  static void parse_json(RawRecord& record, JsonState& state, Document& doc);
  std::unique_ptr<JsonState> json_;
};

// Lower-cased host of an absolute URL (no userinfo, no port); empty when the URL has none.
std::string host_of(std::string_view url);

}  // namespace corpusflow
