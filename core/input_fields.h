// InputFields: the fields of a JSON record that corpusflow does not take for itself, kept as written and in
// input order, so the output carries every input field (docs/formats.md, "Fields kept as given").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpusflow {

class InputFields;
// The fields as one JSON object, in input order, the `metadata` object whole where it stood (tests, diagnostics).
std::string input_fields_json(const InputFields& fields);

// Where a field sits in the input: the record's own object, or inside its top-level `metadata` object.
enum class FieldScope : unsigned char { top, metadata };

class InputFields {
 public:
  struct Field {
    FieldScope scope = FieldScope::top;
    size_t key_offset = 0, key_size = 0;      // the key, unescaped
    size_t value_offset = 0, value_size = 0;  // the value's raw JSON as written, validated by the parser
    bool metadata_place = false;              // a top field that stands for the split `metadata` object
  };
  static constexpr size_t npos = static_cast<size_t>(-1);

  void clear() {
    bytes_.clear();
    fields_.clear();
  }
  bool empty() const { return fields_.empty(); }
  size_t size() const { return fields_.size(); }
  const Field& operator[](size_t i) const { return fields_[i]; }
  size_t bytes() const { return bytes_.size(); }

  void add(FieldScope scope, std::string_view key, std::string_view raw_value);
  // The place of the top-level `metadata` object, whose fields follow as FieldScope::metadata entries.
  void add_metadata_place();

  std::string_view key(const Field& field) const { return {bytes_.data() + field.key_offset, field.key_size}; }
  std::string_view value(const Field& field) const {
    return {bytes_.data() + field.value_offset, field.value_size};
  }
  // The first field of `scope` named `key`, or npos.
  size_t find(FieldScope scope, std::string_view key) const;
  bool has_metadata() const;

 private:
  std::string bytes_;
  std::vector<Field> fields_;
};

}  // namespace corpusflow
