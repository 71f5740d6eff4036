#include "stages/encode/batch_encoder.h"

#include <charconv>

#include "core/json_escape.h"

namespace corpusflow {
namespace {

void append_key(std::string& out, const char* key) {
  out += ",\"";
  out += key;
  out += "\":";
}

void append_string_field(std::string& out, const char* key, std::string_view value) {
  append_key(out, key);
  append_json_string(out, value);
}

template <typename Number>
void append_number_field(std::string& out, const char* key, Number value) {
  append_key(out, key);
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void open_object(std::string& out, const Document& doc) {
  out += "{\"id\":";
  append_json_string(out, doc.id.str());
}

}  // namespace

void encode_kept_document(const Document& doc, std::string& out) {
  // An outsized document is written into room made once (escapes add a little), not by doublings that
  // briefly hold twice its size.
  const size_t fields = doc.text.size() + doc.title.size() + doc.metadata_json.size();
  if (fields > (1u << 20)) out.reserve(out.size() + fields + fields / 16 + 4096);
  open_object(out, doc);
  append_string_field(out, "url", doc.url);
  append_string_field(out, "host", doc.host);
  append_string_field(out, "date", doc.date);
  append_string_field(out, "title", doc.title);
  append_string_field(out, "text", doc.text);
  append_string_field(out, "language", doc.language);
  append_number_field(out, "language_score", doc.language_score);
  append_string_field(out, "script", doc.script);
  append_number_field(out, "words", doc.words);
  append_number_field(out, "chars", doc.chars);
  append_string_field(out, "source", doc.source);
  if (!doc.metadata_json.empty()) {
    append_key(out, "metadata");
    out += doc.metadata_json;
  }
  out += "}\n";
}

void encode_duplicate(const Document& doc, bool with_text, std::string& out) {
  open_object(out, doc);
  append_string_field(out, "kind", to_string(doc.duplicate_kind));
  append_string_field(out, "duplicate_of", doc.duplicate_of.str());
  append_number_field(out, "similarity", doc.similarity);
  if (with_text) {
    append_string_field(out, "url", doc.url);
    append_string_field(out, "title", doc.title);
    append_string_field(out, "text", doc.text);
    append_string_field(out, "source", doc.source);
  }
  out += "}\n";
}

void encode_reject(const Document& doc, std::string& out) {
  open_object(out, doc);
  append_string_field(out, "source", doc.source);
  append_string_field(out, "reason", to_string(doc.reject_reason));
  append_string_field(out, "detail", doc.reject_detail);
  append_number_field(out, "bytes", doc.raw_bytes);
  out += "}\n";
}

void encode_batch(Batch& batch, const EncodeOptions& options) {
  for (EncodedStream* stream : {&batch.kept, &batch.duplicates, &batch.rejects}) {
    stream->json.clear();
    stream->records = 0;
  }
  for (const Document& doc : batch.documents) {
    switch (doc.outcome) {
      case Outcome::kept:
        encode_kept_document(doc, batch.kept.json);
        ++batch.kept.records;
        break;
      case Outcome::duplicate:
        encode_duplicate(doc, options.keep_duplicate_text, batch.duplicates.json);
        ++batch.duplicates.records;
        break;
      case Outcome::rejected:
        encode_reject(doc, batch.rejects.json);
        ++batch.rejects.records;
        break;
    }
  }
}

}  // namespace corpusflow
