#include "engine/report/stats_tool.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "engine/report/format.h"
#include "engine/report/stats_files.h"
#include "engine/report/stats_json.h"
#include "engine/report/summary.h"
#include "stages/stats/stats_error.h"

namespace corpusflow {

namespace {

constexpr int kBadInput = 2;

int fail(std::ostream& err, const std::string& message) {
  err << "corpusflow stats: " << message << "\n";
  return kBadInput;
}

}  // namespace

int run_stats_tool(const StatsToolOptions& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.empty()) return fail(err, "no input: give a run's output directory");
  if (!options.merge && options.inputs.size() > 1) {
    return fail(err, "several inputs: use --merge A B ... -o C to combine them");
  }
  if (options.merge && options.output.empty()) return fail(err, "--merge needs -o DIR for the merged stats");

  std::vector<nlohmann::json> parts;
  for (const auto& input : options.inputs) {
    std::string error;
    auto json = read_stats_file(input, error);
    if (!json) return fail(err, error);
    parts.push_back(std::move(*json));
  }

  nlohmann::json stats;
  if (options.merge) {
    try {
      stats = merge_stats_json(parts);
    } catch (const StatsFormatError& e) {
      return fail(err, std::string("cannot merge: ") + e.what());
    }
    write_stats_files(options.output, stats, options.report);
  } else {
    stats = std::move(parts.front());
  }

  if (options.json) {
    out << stats.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    out << render_summary(stats, options.rows);
  }
  if (options.merge) {
    err << "corpusflow stats: merged " << parts.size() << " runs ("
        << format::count(stats["documents"]["in"].get<uint64_t>()) << " documents) into " << options.output
        << "/stats.json" << (options.report ? " and report.html" : "") << "\n";
  }
  return 0;
}

}  // namespace corpusflow
