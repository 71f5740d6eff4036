#include "engine/report/summary.h"

#include <nlohmann/json.hpp>

#include "engine/report/format.h"
#include "engine/report/stats_view.h"
#include "engine/report/text_table.h"

namespace corpusflow {

namespace {

using format::count;
using format::percent;
using format::share;
using stats_view::at;
namespace view = stats_view;
using Align = TextTable::Align;

std::string documents_section(const nlohmann::json& stats) {
  uint64_t in = view::count(stats, {"documents", "in"});
  TextTable table("Documents", {{"", Align::left}, {"documents"}, {"%"}, {"raw bytes"}, {"text bytes"}});
  table.add_row({"in", count(in), percent(in ? 100.0 : 0.0), format::bytes(view::count(stats, {"bytes", "in"})), ""});
  table.add_row({"kept", count(view::count(stats, {"documents", "kept"})),
                 percent(share(view::count(stats, {"documents", "kept"}), in)),
                 format::bytes(view::count(stats, {"bytes", "kept"})),
                 format::bytes(view::count(stats, {"bytes", "kept_text"}))});
  table.add_row({"duplicates", count(view::count(stats, {"documents", "duplicates"})),
                 percent(share(view::count(stats, {"documents", "duplicates"}), in)),
                 format::bytes(view::count(stats, {"bytes", "duplicates"})), ""});
  table.add_row({"filtered", count(view::count(stats, {"documents", "filtered"})),
                 percent(share(view::count(stats, {"documents", "filtered"}), in)),
                 format::bytes(view::count(stats, {"bytes", "filtered"})), ""});
  table.add_row({"rejected", count(view::count(stats, {"documents", "rejected"})),
                 percent(share(view::count(stats, {"documents", "rejected"}), in)),
                 format::bytes(view::count(stats, {"bytes", "rejected"})), ""});
  table.add_row({"no page header", count(view::count(stats, {"documents", "header_missing"})),
                 percent(share(view::count(stats, {"documents", "header_missing"}), in)), "", ""});
  return table.render();
}

std::string bytes_section(const nlohmann::json& stats) {
  TextTable table("Bytes", {{"", Align::left}, {"uncompressed"}, {"compressed"}, {"ratio"}});
  auto ratio = [](uint64_t raw, uint64_t packed) {
    return packed ? format::fixed(static_cast<double>(raw) / static_cast<double>(packed), 2) + "x" : std::string();
  };
  uint64_t in = view::count(stats, {"bytes", "in_uncompressed"});
  uint64_t in_compressed = view::count(stats, {"bytes", "in_compressed"});
  table.add_row(
      {"input shards", format::bytes(in), in_compressed ? format::bytes(in_compressed) : "", ratio(in, in_compressed)});
  const auto& outputs = at(stats, {"outputs"});
  if (outputs.is_object()) {
    for (const char* stream : {"data", "duplicates", "rejects"}) {
      if (!outputs.contains(stream)) continue;
      uint64_t raw = view::count(outputs, {stream, "uncompressed_bytes"});
      uint64_t packed = view::count(outputs, {stream, "compressed_bytes"});
      table.add_row({std::string("OUT/") + stream + " (" + count(view::count(outputs, {stream, "files"})) +
                         (view::count(outputs, {stream, "files"}) == 1 ? " file)" : " files)"),
                     format::bytes(raw), format::bytes(packed), ratio(raw, packed)});
    }
  }
  return table.render();
}

std::string outcome_section(const std::string& title, const nlohmann::json& outcomes, uint64_t in) {
  TextTable table(title, {{"", Align::left}, {"documents"}, {"% of in"}, {"raw bytes"}});
  for (const auto& [key, entry] : view::ranked(outcomes, 0)) {
    uint64_t documents = view::count(*entry, {"documents"});
    table.add_row(
        {key, count(documents), percent(share(documents, in)), format::bytes(view::count(*entry, {"bytes"}))});
  }
  if (table.rows() == 0) table.add_row({"(none)"});
  return table.render();
}

std::string normalize_section(const nlohmann::json& stats) {
  const auto& n = at(stats, {"normalize"});
  TextTable table("Normalization", {{"", Align::left}, {"count"}});
  table.add_row({"invalid UTF-8 sequences repaired", count(view::count(n, {"utf8_repairs"}))});
  table.add_row({"  in documents", count(view::count(n, {"documents_with_utf8_repairs"}))});
  table.add_row({"control / zero-width chars removed", count(view::count(n, {"controls_removed"}))});
  table.add_row({"tatweel removed", count(view::count(n, {"tatweel_removed"}))});
  table.add_row({"repeated lines removed", count(view::count(n, {"lines_removed"}))});
  table.add_row({"  in documents", count(view::count(n, {"documents_with_lines_removed"}))});
  table.add_row({"  bytes", format::bytes(view::count(n, {"bytes_removed"}))});
  return table.render();
}

std::string lengths_section(const nlohmann::json& stats) {
  TextTable table("Length of kept documents",
                  {{"", Align::left}, {"total"}, {"mean"}, {"p1"}, {"p10"}, {"p50"}, {"p90"}, {"p99"}, {"max"}});
  for (const char* name : {"chars", "words", "lines"}) {
    const auto& h = at(stats, {"lengths", name});
    uint64_t n = view::count(h, {"count"});
    double mean = n ? static_cast<double>(view::count(h, {"sum"})) / static_cast<double>(n) : 0.0;
    table.add_row({name, count(view::count(h, {"sum"})), format::fixed(mean, 1),
                   count(view::count(h, {"percentiles", "p1"})), count(view::count(h, {"percentiles", "p10"})),
                   count(view::count(h, {"percentiles", "p50"})), count(view::count(h, {"percentiles", "p90"})),
                   count(view::count(h, {"percentiles", "p99"})), count(view::count(h, {"max"}))});
  }
  return table.render();
}

std::string similarity_section(const nlohmann::json& stats) {
  const auto& h = at(stats, {"similarity"});
  TextTable table("Near-duplicate similarity (estimated Jaccard, bucket lower edge)",
                  {{"near duplicates"}, {"p1"}, {"p10"}, {"p50"}, {"p90"}, {"p99"}});
  table.add_row({count(view::count(h, {"count"})), format::fixed(view::number(h, {"percentiles", "p1"}), 2),
                 format::fixed(view::number(h, {"percentiles", "p10"}), 2),
                 format::fixed(view::number(h, {"percentiles", "p50"}), 2),
                 format::fixed(view::number(h, {"percentiles", "p90"}), 2),
                 format::fixed(view::number(h, {"percentiles", "p99"}), 2)});
  return table.render();
}

std::string groups_section(const nlohmann::json& stats) {
  const auto& g = at(stats, {"duplicate_groups"});
  std::string title = "Duplicate groups: " + count(view::count(g, {"groups"})) + " kept documents absorbed " +
                      count(view::count(g, {"absorbed"})) + " duplicates; group size p50 " +
                      count(view::count(g, {"size_histogram", "percentiles", "p50"})) + ", p99 " +
                      count(view::count(g, {"size_histogram", "percentiles", "p99"})) + ", max " +
                      count(view::count(g, {"size_histogram", "max"}));
  const auto& exact = at(g, {"exact"});
  if (exact.is_boolean() && !exact.get<bool>()) {
    title += " (approximate: error bound " + count(view::count(g, {"error_bound"})) + ")";
  }
  TextTable table(title, {{"kept id", Align::left}, {"absorbed"}, {"host", Align::left}, {"title", Align::left}});
  const auto& largest = at(g, {"largest"});
  if (largest.is_array()) {
    for (const auto& entry : largest) {
      table.add_row({view::text(entry, {"id"}), count(view::count(entry, {"absorbed"})),
                     format::truncate(view::text(entry, {"host"}), 32),
                     format::truncate(view::text(entry, {"title"}), 60)});
    }
  }
  return table.render();
}

std::string key_section(const std::string& title, const nlohmann::json& table_json, uint64_t in, size_t limit,
                        bool months) {
  size_t total = table_json.is_object() ? table_json.size() : 0;
  auto entries = view::ranked(table_json, months ? 0 : limit);
  if (months) {
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (limit != 0 && entries.size() > limit) entries.erase(entries.begin(), entries.end() - static_cast<long>(limit));
  }
  std::string heading = title;
  if (entries.size() < total) heading += " (" + std::to_string(entries.size()) + " of " + count(total) + ")";
  TextTable table(
      heading,
      {{"", Align::left}, {"documents"}, {"% of in"}, {"kept"}, {"duplicates"}, {"rejected"}, {"words"}, {"chars"}});
  for (const auto& [key, entry] : entries) {
    uint64_t documents = view::count(*entry, {"documents"});
    std::string documents_text = count(documents);
    if (uint64_t error = view::count(*entry, {"error"})) documents_text += " (+" + count(error) + ")";
    table.add_row({format::truncate(months ? view::month_label(key) : key, 40), documents_text,
                   percent(share(documents, in)), count(view::count(*entry, {"kept"})),
                   count(view::count(*entry, {"duplicates"})), count(view::count(*entry, {"rejected"})),
                   count(view::count(*entry, {"words"})), count(view::count(*entry, {"chars"}))});
  }
  return table.render();
}

std::string run_section(const nlohmann::json& stats) {
  const auto& run = at(stats, {"run"});
  std::string parts;
  if (uint64_t n = view::count(run, {"parts"}); n > 1) {
    parts = ", ";
    parts += count(n);
    parts += " parts merged";
  }
  std::string out = "Run: " + format::seconds(view::number(run, {"wall_seconds"})) + " wall, " +
                    count(view::count(run, {"threads"})) + " threads" + parts + ", " +
                    format::fixed(view::number(run, {"documents_per_second"}), 0) + " documents/s, " +
                    format::fixed(view::number(run, {"mb_per_second"}), 1) +
                    " MB/s of uncompressed input, peak memory " + format::bytes(view::count(run, {"peak_rss_bytes"})) +
                    "\n";
  TextTable table("Stages (per busy second of one thread)",
                  {{"stage", Align::left}, {"busy"}, {"share"}, {"documents"}, {"documents/s"}, {"MB/s"}});
  const auto& stages = at(stats, {"stages"});
  if (stages.is_array()) {
    for (const auto& stage : stages) {
      table.add_row(
          {view::text(stage, {"name"}), format::seconds(view::number(stage, {"busy_seconds"})),
           percent(view::number(stage, {"busy_percent"})), count(view::count(stage, {"documents"})),
           format::fixed(view::number(stage, {"documents_per_second"}), 0),
           view::count(stage, {"bytes"}) == 0 ? "—" : format::fixed(view::number(stage, {"mb_per_second"}), 1)});
    }
  }
  return out + (table.rows() ? "\n" + table.render() : "");
}

std::string shards_section(const nlohmann::json& stats, size_t limit) {
  const auto& shards = at(stats, {"shards"});
  if (!shards.is_array() || shards.empty()) return "";
  std::string heading = "Input shards (" + count(shards.size()) + ")";
  TextTable table(
      heading,
      {{"path", Align::left}, {"compressed"}, {"records"}, {"kept"}, {"duplicates"}, {"rejected"}, {"skipped"}});
  size_t shown = 0;
  for (const auto& shard : shards) {
    if (limit != 0 && shown == limit) break;
    ++shown;
    table.add_row({format::truncate_left(view::text(shard, {"path"}), 48),
                   format::bytes(view::count(shard, {"compressed_bytes"})), count(view::count(shard, {"records"})),
                   count(view::count(shard, {"kept"})), count(view::count(shard, {"duplicates"})),
                   count(view::count(shard, {"rejected"})), count(view::count(shard, {"skipped_members"}))});
  }
  std::string out = table.render();
  if (shown < shards.size()) out += "  ... " + count(shards.size() - shown) + " more in stats.json\n";
  return out;
}

}  // namespace

std::string render_summary(const nlohmann::json& stats, size_t limit_rows) {
  uint64_t in = view::count(stats, {"documents", "in"});
  size_t top_hosts = view::count(stats, {"config", "top_hosts"});
  std::string host_title = "Hosts";
  const auto& hosts_exact = at(stats, {"hosts", "exact"});
  if (hosts_exact.is_boolean() && !hosts_exact.get<bool>()) {
    host_title += " (approximate: counts may miss up to the (+n) shown)";
  }
  std::vector<std::string> sections = {
      documents_section(stats),
      bytes_section(stats),
      outcome_section("Rejects by reason", at(stats, {"rejects"}), in),
      outcome_section("Duplicates by kind", at(stats, {"duplicates"}), in),
      normalize_section(stats),
      lengths_section(stats),
      similarity_section(stats),
      groups_section(stats),
      key_section("Languages", at(stats, {"by_language"}), in, limit_rows, false),
      key_section("Scripts", at(stats, {"by_script"}), in, limit_rows, false),
      key_section(host_title, at(stats, {"by_host"}), in, top_hosts, false),
      key_section("Months", at(stats, {"by_month"}), in, limit_rows, true),
      run_section(stats),
      shards_section(stats, limit_rows),
  };
  std::string out;
  for (const auto& section : sections) {
    if (section.empty()) continue;
    if (!out.empty()) out += "\n";
    out += section;
  }
  return out;
}

}  // namespace corpusflow
