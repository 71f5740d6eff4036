// InputFormat: how an input file is split into records, chosen by name or by the file's extension.
#pragma once

#include <string_view>

namespace corpusflow {

enum class InputFormat { auto_detect, tar, jsonl, warc, text };

// "auto", "tar", "jsonl", "warc", "text"; throws std::invalid_argument for anything else.
InputFormat parse_input_format(std::string_view name);
const char* to_string(InputFormat format);

// By extension (case-insensitive) after an optional .zst/.zstd: .tar -> tar, .jsonl/.ndjson/.json -> jsonl,
// .warc -> warc, anything else -> text.
InputFormat detect_format(std::string_view path);

}  // namespace corpusflow
