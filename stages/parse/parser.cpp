#include "stages/parse/parser.h"

#include <simdjson.h>

#include <string>

#include "core/json_escape.h"
#include "core/scratch_buffer.h"
#include "core/utf8.h"
#include "stages/parse/json_repair.h"
#include "stages/parse/page_layout.h"

namespace corpusflow {
namespace {

bool is_whitespace_only(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The record's bytes are consumed: the body, a suffix of the page, becomes the text in the same buffer.
void parse_page(std::string& bytes, Document& doc) {
  const PageParts parts = split_page(bytes);
  doc.header_missing = !parts.has_header;
  if (parts.has_header) {
    doc.date = parts.date;
    doc.url = parts.url;
    doc.host = host_of(doc.url);
    doc.title = parts.title;
  }
  if (parts.body.empty()) {
    bytes.clear();
  } else {
    bytes.erase(0, static_cast<size_t>(parts.body.data() - bytes.data()));
  }
  doc.text.swap(bytes);
}

}  // namespace

bool is_html_name(std::string_view name) {
  std::string lower(name.substr(name.size() > 16 ? name.size() - 16 : 0));
  for (char& c : lower) c = ascii_lower(c);
  std::string_view rest(lower);
  for (std::string_view compressed : {".gz", ".zst"}) {
    if (rest.ends_with(compressed)) rest.remove_suffix(compressed.size());
  }
  return rest.ends_with(".html") || rest.ends_with(".htm") || rest.ends_with(".xhtml");
}

std::string host_of(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (rest.starts_with('[')) {
    const size_t close = rest.find(']');
    rest = close == std::string_view::npos ? rest : rest.substr(0, close + 1);
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  while (rest.ends_with('.')) rest.remove_suffix(1);
  std::string host(rest);
  for (char& c : host) c = ascii_lower(c);
  return host;
}

struct Parser::JsonState {
  simdjson::ondemand::parser parser;
  simdjson::dom::parser validator;  // on-demand skips what it does not read: kept field values are checked here
  std::string padded;               // record bytes (repaired when needed) plus simdjson's padding
  std::string numbers_blanked;      // a field's value with its numbers as 0, for the validator
  std::string fallbacks[3];         // url, title and date of a `metadata` object
};

Parser::Parser() : json_(std::make_unique<JsonState>()) {}
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

namespace {

// Raw JSON text of a value of any type, without trailing whitespace.
simdjson::simdjson_result<std::string_view> raw_value(simdjson::ondemand::value value) {
  simdjson::ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object object;
    if (auto error = value.get_object().get(object)) return error;
    return object.raw_json();
  }
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (auto error = value.get_array().get(array)) return error;
    return array.raw_json();
  }
  std::string_view token = value.raw_json_token();
  while (!token.empty() &&
         (token.back() == ' ' || token.back() == '\t' || token.back() == '\r' || token.back() == '\n')) {
    token.remove_suffix(1);
  }
  return token;
}

const char* json_type_name(simdjson::ondemand::json_type type) {
  switch (type) {
    case simdjson::ondemand::json_type::array: return "an array";
    case simdjson::ondemand::json_type::object: return "an object";
    case simdjson::ondemand::json_type::number: return "a number";
    case simdjson::ondemand::json_type::string: return "a string";
    case simdjson::ondemand::json_type::boolean: return "a boolean";
    case simdjson::ondemand::json_type::null: return "null";
  }
  return "not valid JSON";
}

const char* json_type_name(simdjson::ondemand::value value) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type)) return "not valid JSON";
  return json_type_name(type);
}

}  // namespace

void Parser::parse(RawRecord& record, RecordLayout layout, Document& doc) {
  doc.raw_bytes = record.size;
  // A web-archive record is named by its WARC-Record-ID whatever becomes of it, rejected ones included.
  if (layout == RecordLayout::web && !record.web.record_id.empty()) {
    doc.id_text = record.web.record_id;
    doc.id_origin = IdOrigin::input;
  }
  if (!record.io_error.empty()) {
    doc.reject(RejectReason::io, record.io_error);
    return;
  }
  if (!record.unsupported.empty()) {
    doc.reject(RejectReason::unsupported, record.unsupported);
    return;
  }
  if (record.too_large) {
    doc.reject(RejectReason::too_large,
               "record of " + std::to_string(record.size) + " bytes exceeds --max-record-size");
    return;
  }
  if (!record.bad_body.empty()) {
    doc.reject(RejectReason::bad_encoding, record.bad_body);
    return;
  }
  if (is_whitespace_only(record.bytes)) {
    doc.reject(RejectReason::empty, record.bytes.empty() ? "no bytes" : "only whitespace");
    return;
  }
  if (layout == RecordLayout::web) {
    parse_web(record, doc);
    return;
  }
  if (layout == RecordLayout::page) {
    if (is_html_name(record.name)) {
      decode_page(record.bytes, {}, true, doc);
      doc.text.swap(record.bytes);
      return;
    }
    parse_page(record.bytes, doc);
    return;
  }

  JsonState& state = *json_;
  parse_json(record, state, doc);
  // An outsized line leaves the parser's buffers (about 5x the line) and ours as large as it was: let go.
  if (state.padded.capacity() > kScratchKeepBytes) state.parser = simdjson::ondemand::parser();
  trim_scratch(state.padded);
  trim_scratch(state.numbers_blanked);
}

void Parser::decode_page(std::string& bytes, std::string_view declared, bool html, Document& doc) {
  const CharsetDecoder::Result charset = charsets_.decode(bytes, declared, html);
  doc.charset_source = charset.source;
  doc.charset = charset.charset;
  if (html) doc.markup = Markup::html;
}

void Parser::parse_web(RawRecord& record, Document& doc) {
  const WebRecordInfo& web = record.web;
  doc.url = web.url;
  doc.host = host_of(doc.url);
  doc.date = web.date;
  doc.language_hint = web.language;
  const bool html = web.media_type == "text/html" || web.media_type == "application/xhtml+xml";
  decode_page(record.bytes, web.charset, html, doc);
  doc.text.swap(record.bytes);
}

void Parser::parse_json(RawRecord& record, JsonState& state, Document& doc) {
  state.padded.clear();
  // A byte order mark before the line (what Windows tools write at the start of a file) is not content.
  size_t skipped = 0;
  if (std::string_view(record.bytes).starts_with("\xEF\xBB\xBF")) skipped = 3;
  if (is_valid_utf8(std::string_view(record.bytes).substr(skipped))) {
    state.padded.swap(record.bytes);  // the record's bytes are consumed: taken, not copied
    if (skipped > 0) state.padded.erase(0, skipped);
  } else {
    doc.normalize.utf8_repairs +=
        static_cast<uint32_t>(append_repaired_utf8(std::string_view(record.bytes).substr(skipped), state.padded));
  }
  // Python writes undecodable bytes as lone surrogate escapes (`"\udc80"`): each becomes U+FFFD, a repair.
  doc.normalize.utf8_repairs += static_cast<uint32_t>(replace_lone_surrogate_escapes(state.padded));
  const size_t length = state.padded.size();
  state.padded.append(simdjson::SIMDJSON_PADDING, '\0');

  simdjson::ondemand::document json;
  bool iterating = false;
  // Where a line is broken: the byte offset of the parser's position in the line (counted in the repaired line
  // when invalid UTF-8 had to be replaced, which can shift it).
  auto where = [&]() -> std::string {
    const char* location = nullptr;
    if (!iterating) return "";
    if (json.current_location().get(location)) return " (at the end of the line)";
    return " at byte " + std::to_string(static_cast<size_t>(location - state.padded.data()) + skipped);
  };
  auto fail = [&](std::string_view what, simdjson::error_code error) {
    doc.reject(RejectReason::bad_json, std::string(what) + ": " + simdjson::error_message(error) + where());
  };
  if (auto error = state.parser.iterate(state.padded.data(), length, state.padded.size()).get(json)) {
    return fail("not JSON", error);
  }
  iterating = true;
  simdjson::ondemand::json_type line_type;
  if (auto error = json.type().get(line_type)) return fail("not JSON", error);
  if (line_type != simdjson::ondemand::json_type::object) {
    doc.reject(RejectReason::bad_json, std::string("the line is ") + json_type_name(line_type) + ", not a JSON object");
    return;
  }
  simdjson::ondemand::object object;
  if (auto error = json.get_object().get(object)) return fail("not a JSON object", error);

  // text comes from its first occurrence, which must be a string; url, title and date from their first string
  // value, the id from its first string or number. Every other field goes to doc.fields as written, and so do
  // the fields of a top-level `metadata` object (url, title and date are taken from there when the record
  // has none of its own: Dolma's layout).
  bool has_text = false;
  bool seen_url = false, seen_title = false, seen_date = false, seen_id = false, seen_metadata = false;
  bool has_fallback[3] = {false, false, false};  // metadata's url, title, date
  doc.fields.clear();
  // Checks one value's raw JSON (on-demand parsing skips what it does not read) and returns it.
  auto checked_raw = [&](simdjson::ondemand::value value, std::string_view key, const char* key_start,
                         std::string_view& raw) -> bool {
    const auto fail_field = [&](simdjson::error_code error) {
      const auto key_offset = static_cast<size_t>(key_start - state.padded.data()) - 1 + skipped;
      fail("field \"" + std::string(key) + "\" (at byte " + std::to_string(key_offset) + ")", error);
      return false;
    };
    if (auto error = raw_value(value).get(raw)) return fail_field(error);
    if (auto error = state.validator.parse(raw.data(), raw.size()).error()) {
      // Numbers beyond a double or a 64-bit integer (`1e999`, a 30-digit id) are kept as written: only their
      // grammar and the structure around them are checked.
      if (error != simdjson::NUMBER_ERROR && error != simdjson::NUMBER_OUT_OF_RANGE) return fail_field(error);
      if (!blank_out_numbers(raw, state.numbers_blanked)) return fail_field(error);
      if (auto retry = state.validator.parse(state.numbers_blanked).error()) return fail_field(retry);
    }
    return true;
  };
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (auto error = std::move(field_result).get(field)) return fail("broken object", error);
    const char* key_start = field.key().raw();  // unescaped_key() consumes the raw key
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return fail("broken field name", error);
    std::string* target = nullptr;
    bool* seen = nullptr;
    if (key == "text") {
      target = &doc.text, seen = &has_text;
    } else if (key == "url") {
      target = &doc.url, seen = &seen_url;
    } else if (key == "title") {
      target = &doc.title, seen = &seen_title;
    } else if (key == "date") {
      target = &doc.date, seen = &seen_date;
    }
    simdjson::ondemand::value value = field.value();
    if (target != nullptr && !*seen) {
      std::string_view string_value;
      if (!value.get_string().get(string_value)) {
        *seen = true;
        *target = string_value;
        continue;
      }
      if (target == &doc.text) {
        doc.reject(RejectReason::bad_json,
                   std::string("field \"text\" is ") + json_type_name(value) + ", not a string" + where());
        return;
      }
    }
    if (key == "id" && !seen_id) {
      simdjson::ondemand::json_type type;
      if (!value.type().get(type) && type == simdjson::ondemand::json_type::string) {
        std::string_view id;
        if (!value.get_string().get(id)) {
          seen_id = true;
          doc.id_text = id;
          doc.id_origin = IdOrigin::input;
          continue;
        }
      } else if (!value.type().get(type) && type == simdjson::ondemand::json_type::number) {
        std::string_view raw;
        if (!checked_raw(value, key, key_start, raw)) return;
        seen_id = true;
        doc.id_text = raw;
        doc.id_is_number = true;
        doc.id_origin = IdOrigin::input;
        continue;
      }
    }
    if (key == "metadata" && !seen_metadata) {
      simdjson::ondemand::json_type type;
      if (!value.type().get(type) && type == simdjson::ondemand::json_type::object) {
        seen_metadata = true;
        simdjson::ondemand::object inner;
        if (auto error = value.get_object().get(inner)) return fail("field \"metadata\"", error);
        doc.fields.add_metadata_place();
        for (auto inner_result : inner) {
          simdjson::ondemand::field inner_field;
          if (auto error = std::move(inner_result).get(inner_field)) return fail("field \"metadata\"", error);
          const char* inner_key_start = inner_field.key().raw();
          std::string_view inner_key;
          if (auto error = inner_field.unescaped_key().get(inner_key)) return fail("field \"metadata\"", error);
          std::string_view raw;
          if (!checked_raw(inner_field.value(), inner_key, inner_key_start, raw)) return;
          doc.fields.add(FieldScope::metadata, inner_key, raw);
          const int fallback = inner_key == "url" ? 0 : inner_key == "title" ? 1 : inner_key == "date" ? 2 : -1;
          simdjson::dom::element element;
          std::string_view string_value;
          if (fallback >= 0 && !has_fallback[fallback] && !state.validator.parse(raw.data(), raw.size()).get(element) &&
              !element.get_string().get(string_value)) {
            has_fallback[fallback] = true;
            state.fallbacks[fallback].assign(string_value);
          }
        }
        continue;
      }
    }
    std::string_view raw;
    if (!checked_raw(value, key, key_start, raw)) return;
    doc.fields.add(FieldScope::top, key, raw);
  }
  const char* trailing = nullptr;
  if (!json.current_location().get(trailing)) {  // in bounds after the object: more JSON on the line
    doc.reject(RejectReason::bad_json,
               "content after the JSON object at byte " +
                   std::to_string(static_cast<size_t>(trailing - state.padded.data()) + skipped));
    return;
  }
  if (!has_text) {
    doc.reject(RejectReason::bad_json, "no \"text\" field");
    return;
  }
  if (!seen_url && has_fallback[0]) doc.url.swap(state.fallbacks[0]);
  if (!seen_title && has_fallback[1]) doc.title.swap(state.fallbacks[1]);
  if (!seen_date && has_fallback[2]) doc.date.swap(state.fallbacks[2]);
  doc.host = host_of(doc.url);
}

}  // namespace corpusflow
