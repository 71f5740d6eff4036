// The layout of a run's output folder (DESIGN.md, "Output layout"): the one place that names its files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace corpusflow::output_layout {

inline constexpr std::string_view kData = "data";              // kept documents
inline constexpr std::string_view kDocuments = "documents";    // kept documents in Dolma's layout (--schema dolma)
inline constexpr std::string_view kDuplicates = "duplicates";  // one line per duplicate (id, kind, duplicate_of)
inline constexpr std::string_view kRejects = "rejects";        // one line per reject (id, reason, detail)
inline constexpr std::string_view kFiltered = "filtered";      // one line per filtered document (id, rule, value)
inline constexpr std::string_view kStats = "stats.json";
inline constexpr std::string_view kReport = "report.html";
inline constexpr std::string_view kManifest = "manifest.json";  // written last: the commit point of a run
inline constexpr std::string_view kLock = ".corpusflow.lock";
inline constexpr std::string_view kTemporarySuffix = ".tmp";

inline std::filesystem::path data_folder(const std::filesystem::path& out) { return out / kData; }
inline std::filesystem::path duplicates_folder(const std::filesystem::path& out) { return out / kDuplicates; }
inline std::filesystem::path rejects_folder(const std::filesystem::path& out) { return out / kRejects; }
inline std::filesystem::path filtered_folder(const std::filesystem::path& out) { return out / kFiltered; }

// part-00000.jsonl.zst, part-00001.jsonl.zst, ...
std::string part_name(size_t index);

}  // namespace corpusflow::output_layout
