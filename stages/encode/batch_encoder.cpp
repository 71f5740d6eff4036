#include "stages/encode/batch_encoder.h"

#include <charconv>

#include "core/json_escape.h"
#include "stages/encode/kept_writer.h"

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

void append_id(std::string& out, std::string_view text, bool is_number) {
  if (is_number) {
    out += text;
  } else {
    append_json_string(out, text);
  }
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
  append_id(out, doc.id_text, doc.id_is_number);
}

}  // namespace

void encode_kept_document(const Document& doc, std::string& out) {
  write_kept_document(doc, OutputSchema::corpusflow, {}, out);
}

void encode_duplicate(const Document& doc, bool with_text, std::string& out) {
  open_object(out, doc);
  append_string_field(out, "kind", to_string(doc.duplicate_kind));
  append_key(out, "duplicate_of");
  append_id(out, doc.duplicate_of_id, doc.duplicate_of_is_number);
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

void encode_filtered(const Document& doc, bool with_text, std::string& out) {
  open_object(out, doc);
  append_string_field(out, "rule", doc.filter_rule == nullptr ? "" : doc.filter_rule);
  append_number_field(out, "value", doc.filter_value);
  append_number_field(out, "limit", doc.filter_limit);
  append_string_field(out, "language", doc.language);
  append_string_field(out, "url", doc.url);
  append_string_field(out, "source", doc.source);
  if (with_text) {
    append_string_field(out, "title", doc.title);
    append_string_field(out, "text", doc.text);
  }
  out += "}\n";
}

void encode_batch(Batch& batch, const EncodeOptions& options) {
  for (EncodedStream* stream : {&batch.kept, &batch.duplicates, &batch.rejects, &batch.filtered}) {
    stream->json.clear();
    stream->records = 0;
  }
  const KeptOrigin origin{.shard_path = batch.shard_path,
                          .shard_mtime = batch.shard_mtime,
                          .web_record = batch.layout == RecordLayout::web};
  for (const Document& doc : batch.documents) {
    switch (doc.outcome) {
      case Outcome::kept:
        write_kept_document(doc, options.schema, origin, batch.kept.json);
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
      case Outcome::filtered:
        encode_filtered(doc, options.keep_filtered_text, batch.filtered.json);
        ++batch.filtered.records;
        break;
    }
  }
}

}  // namespace corpusflow
