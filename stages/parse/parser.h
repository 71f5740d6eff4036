// parse: raw record -> Document (url, host, date, title, text, metadata) or a reject with its reason.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/document.h"
#include "core/raw_record.h"
#include "stages/parse/charset.h"

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
  // whitespace), `bad_json` (not a JSON object, or no string `text`), `bad_encoding` (an HTTP body that did not
  // decode). Web pages (layout web, and files or tar members named .html/.htm/.xhtml) are decoded to UTF-8 and
  // marked as markup for the extract stage.
  void parse(RawRecord& record, RecordLayout layout, Document& doc);

 private:
  struct JsonState;
  static void parse_json(RawRecord& record, JsonState& state, Document& doc);
  void parse_web(RawRecord& record, Document& doc);
  void decode_page(std::string& bytes, std::string_view declared, bool html, Document& doc);
  std::unique_ptr<JsonState> json_;
  CharsetDecoder charsets_;
};

// Whether a file or tar member is an HTML page by its name (.html, .htm, .xhtml, also before .gz/.zst).
bool is_html_name(std::string_view name);

// Lower-cased host of an absolute URL (no userinfo, no port); empty when the URL has none.
std::string host_of(std::string_view url);

}  // namespace corpusflow
