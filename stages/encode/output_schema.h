// The layouts a kept document can be written in (--schema): corpusflow's own, FineWeb's columns, Dolma's
// documents (docs/formats.md, "Layouts").
#pragma once

#include <optional>
#include <string_view>

namespace corpusflow {

enum class OutputSchema : unsigned char { corpusflow, fineweb, dolma };

const char* to_string(OutputSchema schema);
std::optional<OutputSchema> parse_output_schema(std::string_view name);

// The folder of OUT the kept documents go to: `data`, or `documents` for Dolma (as Dolma's tools expect).
const char* kept_folder(OutputSchema schema);

}  // namespace corpusflow
