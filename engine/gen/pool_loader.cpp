#include "engine/gen/pool_loader.h"

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "io/input_listing.h"
#include "io/record_reader.h"

namespace corpusflow::gen {
namespace {

namespace fs = std::filesystem;

std::string_view next_line(std::string_view text, size_t& position) {
  const size_t end = std::min(text.find('\n', position), text.size());
  const std::string_view line = text.substr(position, end - position);
  position = end + 1;
  return line;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A scraped page: optional ` date YYYY-MM-DD URL` header, title, body.
void add_scraped_page(TextPool& pool, std::string_view family, std::string_view page) {
  size_t position = 0;
  bool first = true;
  std::string_view title;
  while (position <= page.size()) {
    const std::string_view line = next_line(page, position);
    if (is_blank(line)) continue;
    if (first) {
      first = false;
      if (line.substr(line.find_first_not_of(" \t")).starts_with("date ")) continue;
    }
    title = line;
    break;
  }
  pool.add_document(family, title, position <= page.size() ? page.substr(position) : std::string_view{});
}

void add_json_line(TextPool& pool, std::string_view fallback_family, std::string_view line, PoolLoadStats& stats) {
  const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  if (object.is_discarded() || !object.is_object() || !object.contains("text") || !object["text"].is_string()) {
    ++stats.skipped_records;
    return;
  }
  std::string family(fallback_family);
  if (auto it = object.find("language"); it != object.end() && it->is_string()) family = it->get<std::string>();
  std::string title;
  if (auto it = object.find("title"); it != object.end() && it->is_string()) title = it->get<std::string>();
  pool.add_document(family, title, object["text"].get_ref<const std::string&>());
  ++stats.records;
}

}  // namespace

PoolLoadStats load_text_pool(TextPool& pool, const std::vector<std::string>& inputs, const PoolLoadOptions& options) {
  PoolLoadStats stats;
  ReaderLimits limits;
  limits.max_record_bytes = 16ull << 20;
  RawRecord record;
  for (const InputFile& input : list_inputs(inputs).files) {
    if (pool.total_bytes() >= options.max_pool_bytes) break;
    ++stats.files;
    const std::string family = fs::path(input.path).parent_path().filename().string();
    auto reader = open_record_reader(input.path, input.format, limits);
    while (reader->next(record) && pool.total_bytes() < options.max_pool_bytes) {
      if (!record.io_error.empty() || record.too_large || record.bytes.empty()) {
        ++stats.skipped_records;
        continue;
      }
      if (input.format == InputFormat::jsonl) {
        add_json_line(pool, family.empty() ? "text" : family, record.bytes, stats);
      } else {
        add_scraped_page(pool, family.empty() ? "text" : family, record.bytes);
        ++stats.records;
      }
    }
  }
  pool.finish_loading();
  return stats;
}

std::string find_sample_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("CORPUSFLOW_SAMPLE_DIR"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
#ifdef CORPUSFLOW_DEFAULT_SAMPLE_DIR
  candidates.emplace_back(CORPUSFLOW_DEFAULT_SAMPLE_DIR);
#endif
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    for (fs::path dir = executable.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      candidates.push_back(dir / "data" / "sample");
    }
  }
  candidates.emplace_back("data/sample");
  for (const fs::path& candidate : candidates) {
    if (fs::is_directory(candidate, error)) return candidate.string();
  }
  return {};
}

std::vector<std::string> sample_inputs(const std::string& sample_dir) {
  std::vector<std::string> inputs;
  std::error_code error;
  for (const char* sub : {"ant", "udhr"}) {
    const fs::path path = fs::path(sample_dir) / sub;
    if (fs::is_directory(path, error)) inputs.push_back(path.string());
  }
  if (inputs.empty()) inputs.push_back(sample_dir);
  return inputs;
}

}  // namespace corpusflow::gen
