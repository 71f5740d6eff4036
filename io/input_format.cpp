#include "io/input_format.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace corpusflow {

InputFormat parse_input_format(std::string_view name) {
  if (name == "auto") return InputFormat::auto_detect;
  if (name == "tar") return InputFormat::tar;
  if (name == "jsonl") return InputFormat::jsonl;
  if (name == "warc") return InputFormat::warc;
  if (name == "arc") return InputFormat::arc;
  if (name == "text") return InputFormat::text;
  throw std::invalid_argument("unknown input format '" + std::string(name) +
                              "' (expected auto, tar, jsonl, warc, arc or text)");
}

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::auto_detect: return "auto";
    case InputFormat::tar: return "tar";
    case InputFormat::jsonl: return "jsonl";
    case InputFormat::warc: return "warc";
    case InputFormat::arc: return "arc";
    case InputFormat::text: return "text";
  }
  return "unknown";
}

namespace {

bool ends_with_lower(const std::string& lower_path, std::string_view suffix) {
  return lower_path.size() >= suffix.size() &&
         lower_path.compare(lower_path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The file name, lower-cased, without its compression suffix.
std::string bare_name(std::string_view path) {
  std::string_view file_name = path;
  if (auto slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  std::string lower(file_name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // .xz, .bz2 and .lz4 are stripped too: the file is then read, and fails at its magic with a clear
  // "unsupported compression" instead of being skipped as not data.
  for (std::string_view compressed : {".zst", ".zstd", ".gz", ".gzip", ".xz", ".bz2", ".lz4"}) {
    if (ends_with_lower(lower, compressed)) {
      lower.resize(lower.size() - compressed.size());
      break;
    }
  }
  return lower;
}

}  // namespace

InputFormat detect_format(std::string_view path) {
  const std::string lower = bare_name(path);
  if (ends_with_lower(lower, ".tar")) return InputFormat::tar;
  if (ends_with_lower(lower, ".jsonl") || ends_with_lower(lower, ".ndjson") || ends_with_lower(lower, ".json")) {
    return InputFormat::jsonl;
  }
  for (std::string_view warc : {".warc", ".wet", ".wat"}) {
    if (ends_with_lower(lower, warc)) return InputFormat::warc;
  }
  if (ends_with_lower(lower, ".arc")) return InputFormat::arc;
  return InputFormat::text;
}

bool is_data_file_name(std::string_view path) {
  if (detect_format(path) != InputFormat::text) return true;
  const std::string lower = bare_name(path);
  for (std::string_view text : {".txt", ".text", ".html", ".htm", ".xhtml"}) {
    if (ends_with_lower(lower, text)) return true;
  }
  return false;
}

}  // namespace corpusflow
