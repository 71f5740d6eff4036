// InputFormat: how an input file is split into records, chosen by name or by the file's extension.
#pragma once

#include <string_view>

namespace corpusflow {

enum class InputFormat { auto_detect, tar, jsonl, warc, arc, text };

// "auto", "tar", "jsonl", "warc", "arc", "text"; throws std::invalid_argument for anything else.
InputFormat parse_input_format(std::string_view name);
const char* to_string(InputFormat format);

// By extension (case-insensitive) after an optional .zst/.zstd/.gz/.gzip (or .xz/.bz2/.lz4, which reading
// then rejects as unsupported compression): .tar -> tar, .jsonl/.ndjson/.json ->
// jsonl, .warc/.wet/.wat -> warc, .arc -> arc, anything else -> text.
InputFormat detect_format(std::string_view path);

// Whether a file found in an input folder is read: one of the extensions above or .txt/.text/.html/.htm/.xhtml,
// with an optional compression suffix. README, LICENSE, checksums and the like are not.
bool is_data_file_name(std::string_view path);

}  // namespace corpusflow
