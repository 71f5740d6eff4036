// The sample sections of report.html, from stats.json's "samples": the first kept documents, the
// first rejects of each reason and the first duplicates of each kind, each under an anchor the
// tables link to. Everything from data is escaped; titles, URLs and text carry dir="auto" so
// right-to-left documents read right to left.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow::report_samples {

// The anchor of a category's samples: "samples-kept", "samples-duplicate-near", "samples-reject-empty".
// Bytes other than [A-Za-z0-9_-] of a reason become ".xx" (hex), so any reason gives a distinct, valid id.
std::string anchor(std::string_view category, std::string_view name = "");

// "#anchor" when `stats` holds samples of the category, else "" (no link to a section that is not there).
std::string link(const nlohmann::json& stats, std::string_view category, std::string_view name = "");

// Card bodies: the kept documents; a group per reject reason; a group per duplicate kind.
std::string kept_samples(const nlohmann::json& stats);
std::string reject_samples(const nlohmann::json& stats);
std::string duplicate_samples(const nlohmann::json& stats);

}  // namespace corpusflow::report_samples
