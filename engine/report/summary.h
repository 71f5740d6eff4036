// The terminal summary of a stats.json (`corpusflow stats OUT`): aligned tables with thousands
// separators and percentages. Missing sections are left out, so partial documents still render.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

// `limit_rows` caps the rows of the language, script, month and shard tables (hosts use
// config.top_hosts, groups config.top_groups); 0 = no cap.
std::string render_summary(const nlohmann::json& stats, size_t limit_rows = 20);

}  // namespace corpusflow
