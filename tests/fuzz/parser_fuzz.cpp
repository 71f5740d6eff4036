// Fuzz target: Parser over arbitrary bytes (first byte picks the layout and the record's flags) never crashes,
// rejects only with a documented reason, and for JSON yields valid UTF-8 fields, kept fields that form a JSON
// object, and a valid id.
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "core/utf8.h"
#include "stages/parse/page_layout.h"
#include "stages/parse/parser.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::set<std::string> kReasons = {"io", "too_large", "empty", "bad_json"};
  static corpusflow::Parser parser;  // one per thread, reused, as the engine does
  const uint8_t control = data[0];
  const auto layout = (control & 1) ? corpusflow::RecordLayout::json : corpusflow::RecordLayout::page;

  corpusflow::RawRecord record;
  record.bytes.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  record.size = record.bytes.size();
  if ((control & 0x6) == 0x2) record.io_error = "fuzz: stream broke at offset 0";
  if ((control & 0x6) == 0x4) {
    record.too_large = true;
    record.bytes.clear();
  }
  const std::string input = record.bytes;

  corpusflow::Document doc;
  parser.parse(record, layout, doc);
  FUZZ_CHECK(doc.raw_bytes == record.size, "raw_bytes differs from the record size");
  if (doc.outcome == corpusflow::Outcome::rejected) {
    FUZZ_CHECK(kReasons.count(std::string(to_string(doc.reject_reason))) == 1,
               std::string(to_string(doc.reject_reason)).c_str());
    FUZZ_CHECK(!doc.reject_detail.empty(), "a reject without detail");
    return 0;
  }
  FUZZ_CHECK(doc.reject_reason == corpusflow::RejectReason::none, "a kept document with a reject reason");
  FUZZ_CHECK(layout != corpusflow::RecordLayout::page || doc.date.empty() || corpusflow::is_iso_day(doc.date),
             doc.date.c_str());
  FUZZ_CHECK(doc.host == corpusflow::host_of(doc.url), "host is not host_of(url)");
  if (layout == corpusflow::RecordLayout::page) {
    FUZZ_CHECK(input.find(doc.text) != std::string::npos, "page text is not a part of the page");
    return 0;
  }
  for (const std::string* field : {&doc.text, &doc.url, &doc.title, &doc.date}) {
    FUZZ_CHECK(corpusflow::is_valid_utf8(*field), "a JSON field is not valid UTF-8");
  }
  const std::string fields = corpusflow::input_fields_json(doc.fields);
  const auto kept = nlohmann::json::parse(fields, nullptr, false);
  FUZZ_CHECK(!kept.is_discarded(), fields.c_str());
  FUZZ_CHECK(kept.is_object(), "the kept fields are not a JSON object");
  FUZZ_CHECK(corpusflow::is_valid_utf8(doc.id_text), "the id is not valid UTF-8");
  if (doc.id_is_number) {  // a number as written, whose grammar the parser checked (1e999 included)
    FUZZ_CHECK(!doc.id_text.empty() && (doc.id_text[0] == '-' || (doc.id_text[0] >= '0' && doc.id_text[0] <= '9')),
               doc.id_text.c_str());
  }
  return 0;
}
