#include "stages/encode/kept_writer.h"

#include <charconv>
#include <ctime>

#include "core/json_escape.h"

namespace corpusflow {
namespace {

// Writes one JSON object field by field, remembering where each of its own values went, so that an input
// field of the same name can be compared with it.
class ObjectWriter {
 public:
  ObjectWriter(const InputFields& fields, std::string& out) : fields_(fields), out_(out) {}

  void open() {
    out_ += '{';
    first_ = true;
  }
  void close() {
    out_ += '}';
    first_ = false;
  }

  void string(std::string_view key, FieldScope scope, std::string_view value) {
    begin(key, scope);
    append_json_string(out_, value);
    end();
  }
  template <typename Number>
  void number(std::string_view key, FieldScope scope, Number value) {
    begin(key, scope);
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    end();
  }
  void raw(std::string_view key, FieldScope scope, std::string_view value) {
    begin(key, scope);
    out_ += value;
    end();
  }
  void id(std::string_view key, FieldScope scope, std::string_view text, bool is_number) {
    if (is_number) return raw(key, scope, text);
    string(key, scope, text);
  }

  // A field corpusflow reads from the input as a string: ours, unless we have none and the input holds a
  // value of another type under that name (`"date": 1700000000`), which is then written as given.
  void taken(std::string_view key, FieldScope scope, std::string_view ours) {
    const size_t given = ours.empty() ? unconsumed(FieldScope::top, key) : InputFields::npos;
    if (given != InputFields::npos) {
      consume(given);
      return raw(key, scope, fields_.value(fields_[given]));
    }
    string(key, scope, ours);
  }
  // Where a document comes from: the input's value when it has one, else ours.
  void provenance(std::string_view key, std::string_view ours) {
    const size_t given = unconsumed(FieldScope::top, key);
    if (given != InputFields::npos) {
      consume(given);
      return raw(key, FieldScope::top, fields_.value(fields_[given]));
    }
    string(key, FieldScope::top, ours);
  }

  // The input's fields of `scope` not written yet, in input order. The split `metadata` object is written
  // back whole where it stood when `metadata_whole`, else left out (the caller wrote it).
  void input_fields(FieldScope scope, bool metadata_whole) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      const InputFields::Field& field = fields_[i];
      if (field.scope != scope || consumed(i)) continue;
      if (field.metadata_place) {
        if (metadata_whole) whole_metadata();
        continue;
      }
      const std::string_view key = fields_.key(field);
      const std::string_view value = fields_.value(field);
      const Written* ours = written(key, scope);
      if (ours == nullptr) {
        raw(key, scope, value);
        continue;
      }
      if (value == std::string_view(out_).substr(ours->begin, ours->end - ours->begin)) continue;
      renamed_ = "input_";
      renamed_ += key;
      if (fields_.find(scope, renamed_) != InputFields::npos) continue;  // the input keeps an earlier original
      // Not remembered as written: renamed_ is reused, and no later input field can carry this name (an input
      // that has it keeps its own, above).
      if (!first_) out_ += ',';
      first_ = false;
      append_json_string(out_, renamed_);
      out_ += ':';
      out_ += value;
    }
  }

  // Opens an object as the value of the top field `key`; its fields are written until close_nested().
  void open_nested(std::string_view key) {
    begin(key, FieldScope::top);
    nested_ = written_count_;
    if (written_count_ < kMostWritten) ++written_count_;
    open();
  }
  void close_nested() {
    close();
    if (nested_ < kMostWritten) written_[nested_].end = out_.size();
  }

 private:
  struct Written {
    std::string_view key;
    FieldScope scope;
    size_t begin, end;
  };
  static constexpr size_t kMostWritten = 24;
  static constexpr size_t kMostConsumed = 8;

  void begin(std::string_view key, FieldScope scope) {
    if (!first_) out_ += ',';
    first_ = false;
    append_json_string(out_, key);
    out_ += ':';
    if (written_count_ < kMostWritten) written_[written_count_] = {key, scope, out_.size(), 0};
  }
  void end() {
    if (written_count_ < kMostWritten) written_[written_count_++].end = out_.size();
  }
  const Written* written(std::string_view key, FieldScope scope) const {
    for (size_t i = 0; i < written_count_; ++i) {
      if (written_[i].scope == scope && written_[i].key == key) return &written_[i];
    }
    return nullptr;
  }

  void whole_metadata() {
    open_nested("metadata");
    for (size_t i = 0; i < fields_.size(); ++i) {
      const InputFields::Field& field = fields_[i];
      if (field.scope != FieldScope::metadata) continue;
      if (!first_) out_ += ',';
      first_ = false;
      append_json_string(out_, fields_.key(field));
      out_ += ':';
      out_ += fields_.value(field);
    }
    close_nested();
  }

  size_t unconsumed(FieldScope scope, std::string_view key) const {
    for (size_t i = 0; i < fields_.size(); ++i) {
      const InputFields::Field& field = fields_[i];
      if (field.scope == scope && !field.metadata_place && !consumed(i) && fields_.key(field) == key) return i;
    }
    return InputFields::npos;
  }
  bool consumed(size_t index) const {
    for (size_t i = 0; i < consumed_count_; ++i) {
      if (consumed_[i] == index) return true;
    }
    return false;
  }
  void consume(size_t index) {
    if (consumed_count_ < kMostConsumed) consumed_[consumed_count_++] = index;
  }

  const InputFields& fields_;
  std::string& out_;
  bool first_ = true;
  Written written_[kMostWritten];
  size_t written_count_ = 0;
  size_t consumed_[kMostConsumed];
  size_t consumed_count_ = 0;
  size_t nested_ = kMostWritten;  // the written_ slot of the open nested object
  std::string renamed_;
};

// The fields computed from the text, in the order every schema writes them.
void computed_fields(ObjectWriter& w, const Document& doc, FieldScope scope) {
  w.string("language", scope, doc.language);
  w.number("language_score", scope, doc.language_score);
  w.string("script", scope, doc.script);
  w.number("words", scope, doc.words);
  w.number("chars", scope, doc.chars);
}

}  // namespace

std::string_view common_crawl_dump(std::string_view path) {
  constexpr std::string_view prefix = "CC-MAIN-";
  for (size_t at = path.find(prefix); at != std::string_view::npos; at = path.find(prefix, at + 1)) {
    const std::string_view rest = path.substr(at + prefix.size());
    auto digits = [&](size_t from, size_t count) {
      if (rest.size() < from + count) return false;
      for (size_t i = from; i < from + count; ++i) {
        if (rest[i] < '0' || rest[i] > '9') return false;
      }
      return true;
    };
    // CC-MAIN-2013-20, not the CC-MAIN-20130516... of a WARC file's own name
    if (digits(0, 4) && rest.size() >= 7 && rest[4] == '-' && digits(5, 2) &&
        (rest.size() == 7 || rest[7] < '0' || rest[7] > '9')) {
      return path.substr(at, prefix.size() + 7);
    }
  }
  return {};
}

std::string iso8601_utc(int64_t seconds) {
  if (seconds == 0) return {};
  const auto time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  if (gmtime_r(&time, &utc) == nullptr) return {};
  char text[32];
  const size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, size);
}

void write_kept_document(const Document& doc, OutputSchema schema, const KeptOrigin& origin, std::string& out) {
  // An outsized document is written into room made once (escapes add a little), not by doublings that
  // briefly hold twice its size.
  const size_t size = doc.text.size() + doc.title.size() + doc.fields.bytes();
  if (size > (1u << 20)) out.reserve(out.size() + size + size / 16 + 4096);
  constexpr FieldScope top = FieldScope::top;
  ObjectWriter w(doc.fields, out);
  w.open();
  switch (schema) {
    case OutputSchema::corpusflow:
      w.id("id", top, doc.id_text, doc.id_is_number);
      w.taken("url", top, doc.url);
      w.string("host", top, doc.host);
      w.taken("date", top, doc.date);
      w.taken("title", top, doc.title);
      w.string("text", top, doc.text);
      computed_fields(w, doc, top);
      w.provenance("source", doc.source);
      w.input_fields(top, true);
      break;
    case OutputSchema::fineweb:
      w.string("text", top, doc.text);
      w.id("id", top, doc.id_text, doc.id_is_number);
      w.provenance("dump", common_crawl_dump(origin.shard_path));
      w.taken("url", top, doc.url);
      w.taken("date", top, doc.date);
      w.provenance("file_path", origin.shard_path);
      w.string("language", top, doc.language);
      w.number("language_score", top, doc.language_score);
      w.string("host", top, doc.host);
      w.taken("title", top, doc.title);
      w.string("script", top, doc.script);
      w.number("words", top, doc.words);
      w.number("chars", top, doc.chars);
      w.provenance("source", doc.source);
      w.input_fields(top, true);
      break;
    case OutputSchema::dolma: {
      constexpr FieldScope inside = FieldScope::metadata;
      w.id("id", top, doc.id_text, doc.id_is_number);
      w.string("text", top, doc.text);
      w.provenance("source", doc.source);
      w.provenance("added", origin.web_record ? doc.date : iso8601_utc(origin.shard_mtime));
      w.provenance("created", doc.date);
      w.open_nested("metadata");
      w.taken("url", inside, doc.url);
      w.string("host", inside, doc.host);
      w.taken("date", inside, doc.date);
      w.taken("title", inside, doc.title);
      computed_fields(w, doc, inside);
      w.input_fields(inside, false);
      w.close_nested();
      w.input_fields(top, false);
      break;
    }
  }
  w.close();
  out += '\n';
}

}  // namespace corpusflow
