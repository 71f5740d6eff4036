// report.html: one self-contained page of a stats.json for people (inline CSS and SVG; no scripts,
// fonts or network). Every chart has a stable id (see kReportChartIds) that tests and users can find.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

inline constexpr std::array<std::string_view, 13> kReportChartIds = {
    "chart-outcomes",   "chart-languages",   "chart-scripts", "chart-hosts", "chart-months",
    "chart-rejects",    "chart-duplicates",  "chart-chars",   "chart-words", "chart-lines",
    "chart-similarity", "chart-group-sizes", "chart-stages",
};

// Renders whatever the document holds; missing sections show as empty charts. Text from data is
// HTML-escaped and shown isolated (dir="auto") so right-to-left names and titles render correctly.
std::string render_report_html(const nlohmann::json& stats);

}  // namespace corpusflow
