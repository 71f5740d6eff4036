#include "core/input_fields.h"

#include "core/json_escape.h"

namespace corpusflow {

void InputFields::add(FieldScope scope, std::string_view key, std::string_view raw_value) {
  Field field;
  field.scope = scope;
  field.key_offset = bytes_.size();
  field.key_size = key.size();
  bytes_.append(key);
  field.value_offset = bytes_.size();
  field.value_size = raw_value.size();
  bytes_.append(raw_value);
  fields_.push_back(field);
}

void InputFields::add_metadata_place() {
  Field field;
  field.key_offset = bytes_.size();
  field.key_size = 8;
  bytes_.append("metadata");
  field.value_offset = bytes_.size();
  field.metadata_place = true;
  fields_.push_back(field);
}

size_t InputFields::find(FieldScope scope, std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].scope == scope && !fields_[i].metadata_place && key(fields_[i]) == name) return i;
  }
  return npos;
}

bool InputFields::has_metadata() const {
  for (const Field& field : fields_) {
    if (field.metadata_place) return true;
  }
  return false;
}

namespace {

void append_scope(const InputFields& fields, FieldScope scope, std::string& out) {
  bool first = true;
  for (size_t i = 0; i < fields.size(); ++i) {
    const InputFields::Field& field = fields[i];
    if (field.scope != scope) continue;
    if (!first) out += ',';
    first = false;
    append_json_string(out, fields.key(field));
    out += ':';
    if (field.metadata_place) {
      out += '{';
      append_scope(fields, FieldScope::metadata, out);
      out += '}';
    } else {
      out += fields.value(field);
    }
  }
}

}  // namespace

std::string input_fields_json(const InputFields& fields) {
  std::string out = "{";
  append_scope(fields, FieldScope::top, out);
  out += '}';
  return out;
}

}  // namespace corpusflow
