#include "stages/encode/output_schema.h"

namespace corpusflow {

const char* to_string(OutputSchema schema) {
  switch (schema) {
    case OutputSchema::corpusflow: return "corpusflow";
    case OutputSchema::fineweb: return "fineweb";
    case OutputSchema::dolma: return "dolma";
  }
  return "corpusflow";
}

std::optional<OutputSchema> parse_output_schema(std::string_view name) {
  for (OutputSchema schema : {OutputSchema::corpusflow, OutputSchema::fineweb, OutputSchema::dolma}) {
    if (name == to_string(schema)) return schema;
  }
  return std::nullopt;
}

const char* kept_folder(OutputSchema schema) { return schema == OutputSchema::dolma ? "documents" : "data"; }

}  // namespace corpusflow
