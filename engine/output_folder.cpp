#include "engine/output_folder.h"

#include <stdexcept>

namespace corpusflow {

void prepare_output_folder(const std::filesystem::path& out, bool overwrite) {
  namespace fs = std::filesystem;
  if (fs::exists(out) && !fs::is_directory(out)) {
    throw std::invalid_argument("output " + out.string() + " exists and is not a folder");
  }
  if (fs::exists(out / "manifest.json") && !overwrite) {
    throw std::invalid_argument("output " + out.string() +
                                " already holds a finished run (manifest.json); pass --overwrite to replace it");
  }
  for (const char* name : {"manifest.json", "manifest.json.tmp", "stats.json", "stats.json.tmp", "report.html",
                           "report.html.tmp", "data", "duplicates", "rejects"}) {
    fs::remove_all(out / name);
  }
  fs::create_directories(out);
}

}  // namespace corpusflow
