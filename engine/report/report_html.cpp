#include "engine/report/report_html.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "engine/report/format.h"
#include "engine/report/html.h"
#include "engine/report/report_samples.h"
#include "engine/report/report_style.h"
#include "engine/report/stats_view.h"
#include "engine/report/svg_charts.h"

namespace corpusflow {

namespace {

namespace view = stats_view;
using format::count;
using format::percent;
using format::share;
using html::escape;

// A run's report is made from a document that lists only the first shards; shard_count says how many there are.
size_t shard_count(const nlohmann::json& stats) {
  if (stats.contains("shard_count") && stats["shard_count"].is_number_unsigned()) {
    return stats["shard_count"].get<size_t>();
  }
  const auto& shards = view::at(stats, {"shards"});
  return shards.is_array() ? shards.size() : 0;
}

std::string stat(const std::string& css, const std::string& label, const std::string& value,
                 const std::string& detail) {
  return "<div class=\"stat " + css + "\"><div class=\"label\">" + escape(label) + "</div><div class=\"value\">" +
         escape(value) + "</div><div class=\"detail\">" + escape(detail) + "</div></div>";
}

std::string card(const std::string& css, const std::string& title, const std::string& note, const std::string& body,
                 const std::string& id = "") {
  std::string out = "<section class=\"card " + css + "\"";
  if (!id.empty()) out += " id=\"" + id + "\"";
  out += "><h2>" + escape(title) + "</h2>";
  out += "<p class=\"note\">" + note + "</p>";
  return out + body + "</section>";
}

// A table scrolls sideways inside its card rather than losing columns on a narrow screen.
std::string scrolling(const std::string& table) { return "<div class=\"scroll\">" + table + "</div>"; }

std::string legend() {
  return "<div class=\"legend\"><span><span class=\"swatch s0\"></span>kept</span><span><span class=\"swatch s1\">"
         "</span>duplicates</span><span><span class=\"swatch s2\"></span>rejected</span></div>";
}

std::string headline(const nlohmann::json& stats) {
  uint64_t in = view::count(stats, {"documents", "in"});
  uint64_t kept = view::count(stats, {"documents", "kept"});
  uint64_t dups = view::count(stats, {"documents", "duplicates"});
  uint64_t rejected = view::count(stats, {"documents", "rejected"});
  std::string out = "<section class=\"headline\" id=\"headline\">";
  out += stat("", "Documents in", count(in), format::bytes(view::count(stats, {"bytes", "in"})) + " raw");
  out += stat("kept", "Kept", count(kept), percent(share(kept, in)) + " of documents");
  out += stat("dup", "Duplicates", count(dups), percent(share(dups, in)) + " of documents");
  const uint64_t filtered = view::count(stats, {"documents", "filtered"});
  out += stat("", "Filtered", count(filtered), percent(share(filtered, in)) + " of documents, by quality rules");
  out += stat("rej", "Rejected", count(rejected), percent(share(rejected, in)) + " of documents");
  out += stat("", "Kept text", format::bytes(view::count(stats, {"bytes", "kept_text"})),
              count(view::count(stats, {"content", "words"})) + " words");
  uint64_t out_compressed = view::count(stats, {"bytes", "out_compressed"});
  out += stat("", "Written", format::bytes(out_compressed), "compressed, all outputs");
  out += stat(
      "", "Throughput", format::fixed(view::number(stats, {"run", "mb_per_second"}), 1) + " MB/s",
      "uncompressed input; " + format::fixed(view::number(stats, {"run", "documents_per_second"}), 0) + " documents/s");
  out += stat("", "Wall time", format::seconds(view::number(stats, {"run", "wall_seconds"})),
              count(view::count(stats, {"run", "threads"})) + " threads, peak " +
                  format::bytes(view::count(stats, {"run", "peak_rss_bytes"})));
  return out + "</section>";
}

std::vector<svg::Bar> key_bars(const nlohmann::json& table, size_t limit, uint64_t in) {
  std::vector<svg::Bar> bars;
  for (const auto& [key, entry] : view::ranked(table, limit)) {
    uint64_t documents = view::count(*entry, {"documents"});
    uint64_t kept = view::count(*entry, {"kept"});
    uint64_t dups = view::count(*entry, {"duplicates"});
    uint64_t rejected = view::count(*entry, {"rejected"});
    std::string tooltip = key + ": " + count(kept) + " kept, " + count(dups) + " duplicates, " + count(rejected) +
                          " rejected; " + count(view::count(*entry, {"words"})) + " words kept";
    if (uint64_t error = view::count(*entry, {"error"})) tooltip += "; may miss up to " + count(error);
    bars.push_back({key, {kept, dups, rejected}, count(documents), percent(share(documents, in)), tooltip, ""});
  }
  return bars;
}

std::string keyed_card(const nlohmann::json& stats, const char* table, const char* id, const std::string& title,
                       const std::string& key_title, size_t limit, const std::string& css) {
  const auto& json = view::at(stats, {table});
  size_t total = json.is_object() ? json.size() : 0;
  uint64_t in = view::count(stats, {"documents", "in"});
  std::string note = total > limit && limit != 0 ? "Top " + count(limit) + " of " + count(total) + " by documents."
                                                 : count(total) + (total == 1 ? " value." : " values.");
  if (std::string_view(table) == "by_host") {
    const auto& exact = view::at(stats, {"hosts", "exact"});
    if (exact.is_boolean() && !exact.get<bool>()) {
      note += " Approximate: more hosts than tracked; a count may miss up to " +
              count(view::count(stats, {"hosts", "error_bound"})) + ".";
    }
  }
  svg::BarAxes axes{key_title, "documents: kept · duplicates · rejected", "documents · share of all"};
  return card(css, title, escape(note), legend() + svg::bar_list(id, key_bars(json, limit, in), axes));
}

std::string outcomes_card(const nlohmann::json& stats) {
  uint64_t in = view::count(stats, {"documents", "in"});
  std::vector<svg::Bar> bars = {
      {"documents",
       {view::count(stats, {"documents", "kept"}), view::count(stats, {"documents", "duplicates"}),
        view::count(stats, {"documents", "rejected"})},
       count(in),
       "",
       "",
       ""},
      {"raw bytes",
       {view::count(stats, {"bytes", "kept"}), view::count(stats, {"bytes", "duplicates"}),
        view::count(stats, {"bytes", "rejected"})},
       format::bytes(view::count(stats, {"bytes", "in"})),
       "",
       "",
       ""},
  };
  std::string note =
      escape("Each input record is kept, dropped as a duplicate of an earlier kept document, or rejected.") +
      " Samples: <a href=\"#" + report_samples::anchor("kept") +
      "\">kept documents</a> · <a href=\"#samples-rejects\">"
      "rejects</a> · <a href=\"#samples-duplicates\">duplicates</a>.";
  svg::BarAxes axes{"of all", "share: kept · duplicates · rejected (100% = all)", "total"};
  return card("wide", "Where the documents went", note, legend() + svg::bar_list("chart-outcomes", bars, axes, true));
}

// Reject reasons or duplicate kinds; each row links to its samples (report_samples) when there are some.
std::string outcome_kind_card(const nlohmann::json& stats, const char* key, const char* category, const char* id,
                              const std::string& title, const svg::BarAxes& axes, const std::string& note) {
  uint64_t in = view::count(stats, {"documents", "in"});
  std::vector<svg::Bar> bars;
  for (const auto& [name, entry] : view::ranked(view::at(stats, {key}), 0)) {
    uint64_t documents = view::count(*entry, {"documents"});
    bars.push_back({name,
                    {documents},
                    count(documents),
                    percent(share(documents, in)) + " · " + format::bytes(view::count(*entry, {"bytes"})),
                    "",
                    report_samples::link(stats, category, name)});
  }
  return card("", title, escape(note), svg::bar_list(id, bars, axes));
}

// "YYYY-MM" -> months since year 0, or -1.
int month_index(const std::string& key) {
  if (key.size() != 7 || key[4] != '-') return -1;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (key[i] < '0' || key[i] > '9') return -1;
  }
  return std::stoi(key.substr(0, 4)) * 12 + std::stoi(key.substr(5, 2)) - 1;
}

std::string month_key(int index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", index / 12, index % 12 + 1);
  return buffer;
}

std::string months_card(const nlohmann::json& stats) {
  constexpr int kLongestFilledGap = 3;  // longer runs of empty months collapse into one "…" column
  const auto& months = view::at(stats, {"by_month"});
  std::vector<svg::Column> columns;
  uint64_t undated = 0;
  int previous = -1;
  if (months.is_object()) {
    for (const auto& [key, entry] : months.items()) {
      int index = month_index(key);
      if (index < 0) {
        undated += view::count(entry, {"documents"});
        continue;
      }
      if (previous >= 0 && index - previous - 1 > kLongestFilledGap) {
        columns.push_back(
            {"…", "", {}, "no documents from " + month_key(previous + 1) + " to " + month_key(index - 1)});
      } else if (previous >= 0) {
        for (int gap = previous + 1; gap < index; ++gap) {
          columns.push_back({month_key(gap).substr(5), month_key(gap).substr(0, 4), {}, month_key(gap) + ": none"});
        }
      }
      previous = index;
      uint64_t kept = view::count(entry, {"kept"});
      uint64_t dups = view::count(entry, {"duplicates"});
      uint64_t rejected = view::count(entry, {"rejected"});
      columns.push_back(
          {key.substr(5),
           key.substr(0, 4),
           {kept, dups, rejected},
           key + ": " + count(kept) + " kept, " + count(dups) + " duplicates, " + count(rejected) + " rejected"});
    }
  }
  std::string note = "Documents by month of their date; a run of more than " + std::to_string(kLongestFilledGap) +
                     " empty months shows as one … column";
  if (undated != 0) note += "; " + count(undated) + " documents have no date and are not shown";
  note += ".";
  svg::Axes axes{"month of the document's date (MM over YYYY)", "documents"};
  return card("wide", "Timeline", escape(note),
              legend() + svg::column_chart("chart-months", columns, axes, "documents by month"));
}

std::vector<svg::Bin> bins_of(const nlohmann::json& histogram) {
  std::vector<svg::Bin> bins;
  const auto& buckets = view::at(histogram, {"buckets"});
  if (!buckets.is_array()) return bins;
  for (const auto& bucket : buckets) {
    if (!bucket.is_array() || bucket.size() != 3 || !bucket[0].is_number() || !bucket[1].is_number() ||
        !bucket[2].is_number()) {
      continue;
    }
    bins.push_back({bucket[0].get<double>(), bucket[1].get<double>(), bucket[2].get<uint64_t>()});
  }
  return bins;
}

std::string length_histogram(const nlohmann::json& stats, const char* name, const std::string& title,
                             const std::string& unit) {
  const auto& h = view::at(stats, {"lengths", name});
  std::vector<svg::Marker> markers = {{"p10", view::number(h, {"percentiles", "p10"})},
                                      {"p50", view::number(h, {"percentiles", "p50"})},
                                      {"p90", view::number(h, {"percentiles", "p90"})}};
  if (view::count(h, {"count"}) == 0) markers.clear();
  std::string pcts = "p1 " + count(view::count(h, {"percentiles", "p1"})) + " · p50 " +
                     count(view::count(h, {"percentiles", "p50"})) + " · p99 " +
                     count(view::count(h, {"percentiles", "p99"})) + " · max " + count(view::count(h, {"max"}));
  return "<div><h3>" + escape(title) + "</h3><p class=\"pcts\">" + escape(pcts) + "</p>" +
         svg::histogram_chart(std::string("chart-") + name, bins_of(h), true, markers,
                              {unit + " per document (log scale)", "documents"}, title) +
         "</div>";
}

std::string lengths_card(const nlohmann::json& stats) {
  std::string body = "<div class=\"histograms\">" + length_histogram(stats, "chars", "Characters", "characters") +
                     length_histogram(stats, "words", "Words", "words") +
                     length_histogram(stats, "lines", "Lines", "non-empty lines") + "</div>";
  return card("wide", "Length of kept documents",
              "Documents per length bucket, logarithmic axis; dashed lines mark the 10th, 50th and 90th percentiles.",
              body);
}

std::string similarity_card(const nlohmann::json& stats) {
  const auto& h = view::at(stats, {"similarity"});
  std::vector<svg::Marker> markers;
  if (view::count(h, {"count"}) != 0) markers.push_back({"p50", view::number(h, {"percentiles", "p50"})});
  std::string note = count(view::count(h, {"count"})) +
                     " near duplicates by estimated Jaccard similarity to the kept document they duplicate.";
  return card(
      "", "Near-duplicate similarity", escape(note),
      svg::histogram_chart("chart-similarity", bins_of(h), false, markers,
                           {"estimated Jaccard similarity (0–1)", "near duplicates"}, "near-duplicate similarity"));
}

std::string groups_card(const nlohmann::json& stats) {
  const auto& g = view::at(stats, {"duplicate_groups"});
  const auto& sizes = view::at(g, {"size_histogram"});
  std::vector<svg::Marker> markers;
  if (view::count(sizes, {"count"}) != 0) markers.push_back({"p90", view::number(sizes, {"percentiles", "p90"})});
  std::string note = count(view::count(g, {"groups"})) + " kept documents absorbed " +
                     count(view::count(g, {"absorbed"})) + " duplicates; a group's size counts its kept document.";
  const auto& exact = view::at(g, {"exact"});
  if (exact.is_boolean() && !exact.get<bool>()) {
    note += " Approximate beyond the tracked groups (error bound " + count(view::count(g, {"error_bound"})) + ").";
  }
  return card("", "Duplicate group sizes", escape(note),
              svg::histogram_chart("chart-group-sizes", bins_of(sizes), true, markers,
                                   {"documents per group (log scale)", "groups"}, "duplicate group sizes"));
}

std::string largest_groups_card(const nlohmann::json& stats) {
  const auto& largest = view::at(stats, {"duplicate_groups", "largest"});
  std::string table =
      "<table class=\"groups\"><thead><tr><th>kept id</th><th>absorbed</th><th class=\"text\">host</th>"
      "<th class=\"text\">title of a duplicate</th></tr></thead><tbody>";
  size_t rows = 0;
  if (largest.is_array()) {
    for (const auto& entry : largest) {
      ++rows;
      table += "<tr><td>" + escape(view::text(entry, {"id"})) + "</td><td>" + count(view::count(entry, {"absorbed"})) +
               "</td><td class=\"text\" dir=\"auto\">" + escape(view::text(entry, {"host"})) +
               "</td><td class=\"text\" dir=\"auto\">" + escape(view::text(entry, {"title"})) + "</td></tr>";
    }
  }
  if (rows == 0) table += "<tr><td colspan=\"4\" class=\"empty\">no duplicates</td></tr>";
  table += "</tbody></table>";
  return card("wide", "Largest duplicate groups",
              "Kept documents that absorbed the most duplicates, with the title and host of their first duplicate.",
              scrolling(table));
}

// A stage that handled no bytes (or was not credited with them) has no MB/s rather than 0 MB/s.
std::string stage_mb_per_second(const nlohmann::json& stage) {
  if (view::count(stage, {"bytes"}) == 0) return "— MB/s";
  return format::fixed(view::number(stage, {"mb_per_second"}), 0) + " MB/s";
}

std::string stages_card(const nlohmann::json& stats) {
  std::vector<svg::Bar> bars;
  const auto& stages = view::at(stats, {"stages"});
  if (stages.is_array()) {
    for (const auto& stage : stages) {
      double busy = view::number(stage, {"busy_seconds"});
      bars.push_back({view::text(stage, {"name"}),
                      {static_cast<uint64_t>(busy * 1e6)},
                      format::seconds(busy),
                      stage_mb_per_second(stage) + " · " + percent(view::number(stage, {"busy_percent"})),
                      format::fixed(view::number(stage, {"documents_per_second"}), 0) + " documents/s per thread",
                      ""});
    }
  }
  std::string note = "Busy time summed over threads and throughput per busy second of one thread. End to end: " +
                     format::fixed(view::number(stats, {"run", "mb_per_second"}), 1) + " MB/s of uncompressed input, " +
                     format::fixed(view::number(stats, {"run", "documents_per_second"}), 0) + " documents/s over " +
                     format::seconds(view::number(stats, {"run", "wall_seconds"})) + " with " +
                     count(view::count(stats, {"run", "threads"})) + " threads.";
  svg::BarAxes axes{"stage", "busy time, summed over threads (s)", "busy · MB/s per busy second · share"};
  return card("wide", "Throughput per stage", escape(note), svg::bar_list("chart-stages", bars, axes));
}

std::string normalize_card(const nlohmann::json& stats) {
  const auto& n = view::at(stats, {"normalize"});
  auto row = [](const std::string& label, const std::string& value) {
    return "<tr><td class=\"text\">" + escape(label) + "</td><td>" + escape(value) + "</td></tr>";
  };
  std::string table = "<table><tbody>";
  table += row("invalid UTF-8 sequences repaired", count(view::count(n, {"utf8_repairs"})));
  table += row("documents with UTF-8 repairs", count(view::count(n, {"documents_with_utf8_repairs"})));
  table += row("control and zero-width characters removed", count(view::count(n, {"controls_removed"})));
  table += row("tatweel removed", count(view::count(n, {"tatweel_removed"})));
  table += row("repeated lines removed", count(view::count(n, {"lines_removed"})));
  table += row("documents with repeated lines removed", count(view::count(n, {"documents_with_lines_removed"})));
  table += row("bytes of repeated lines removed", format::bytes(view::count(n, {"bytes_removed"})));
  table += row("pages without a header", count(view::count(stats, {"documents", "header_missing"})));
  table += "</tbody></table>";
  return card("", "Normalization", "What cleaning changed inside documents.", scrolling(table));
}

std::string outputs_card(const nlohmann::json& stats) {
  std::string table =
      "<table><thead><tr><th>output</th><th>files</th><th>records</th><th>uncompressed</th><th>compressed</th>"
      "<th>ratio</th></tr></thead><tbody>";
  const auto& outputs = view::at(stats, {"outputs"});
  if (outputs.is_object()) {
    for (const auto& [stream, output] : outputs.items()) {
      table += "<tr><td>OUT/" + escape(stream) + "</td><td>" + count(view::count(output, {"files"})) + "</td><td>" +
               count(view::count(output, {"records"})) + "</td><td>" +
               format::bytes(view::count(output, {"uncompressed_bytes"})) + "</td><td>" +
               format::bytes(view::count(output, {"compressed_bytes"})) + "</td><td>" +
               format::fixed(view::number(output, {"compression_ratio"}), 2) + "x</td></tr>";
    }
  }
  table += "<tr><td>input shards</td><td>" + count(shard_count(stats)) + "</td><td>" +
           count(view::count(stats, {"documents", "in"})) + "</td><td>" +
           format::bytes(view::count(stats, {"bytes", "in_uncompressed"})) + "</td><td>" +
           format::bytes(view::count(stats, {"bytes", "in_compressed"})) + "</td><td></td></tr>";
  table += "</tbody></table>";
  return card("", "Files", "Bytes read and written.", scrolling(table));
}

std::string shards_card(const nlohmann::json& stats) {
  const auto& shards = view::at(stats, {"shards"});
  if (!shards.is_array() || shards.empty()) return "";
  constexpr size_t kMaxRows = 100;
  std::string table =
      "<table><thead><tr><th>path</th><th>compressed</th><th>uncompressed</th><th>records</th><th>kept</"
      "th><th>duplicates</th>"
      "<th>rejected</th><th>skipped</th></tr></thead><tbody>";
  size_t rows = 0;
  for (const auto& shard : shards) {
    if (rows++ == kMaxRows) break;
    table += "<tr><td class=\"text\" dir=\"auto\">" + escape(view::text(shard, {"path"})) + "</td><td>" +
             format::bytes(view::count(shard, {"compressed_bytes"})) + "</td><td>" +
             format::bytes(view::count(shard, {"uncompressed_bytes"})) + "</td><td>" +
             count(view::count(shard, {"records"})) + "</td><td>" + count(view::count(shard, {"kept"})) + "</td><td>" +
             count(view::count(shard, {"duplicates"})) + "</td><td>" + count(view::count(shard, {"rejected"})) +
             "</td><td>" + count(view::count(shard, {"skipped_members"})) + "</td></tr>";
  }
  table += "</tbody></table>";
  std::string note = count(shard_count(stats)) + " input shards";
  if (shard_count(stats) > kMaxRows) note += "; the first " + count(kMaxRows) + " are listed, all are in stats.json";
  return card("wide", "Input shards", escape(note + "."), scrolling(table));
}

std::string samples_cards(const nlohmann::json& stats) {
  uint64_t per_category = view::count(stats, {"samples", "per_category"});
  std::string first = per_category == 0 ? "The first documents" : "The " + count(per_category) + " documents";
  std::string out =
      card("wide", "Sample of kept documents",
           escape(first + " with the smallest ids (shard:record) that were kept, with the start of their text."),
           report_samples::kept_samples(stats));
  out += card("wide", "Samples of rejects",
              escape(first + " with the smallest ids of each reject reason, with what the stage said."),
              report_samples::reject_samples(stats), "samples-rejects");
  out += card("wide", "Samples of duplicates",
              escape(first + " with the smallest ids of each duplicate kind, with the kept document they duplicate."),
              report_samples::duplicate_samples(stats), "samples-duplicates");
  return out;
}

}  // namespace

std::string render_report_html(const nlohmann::json& stats) {
  size_t top_hosts = view::count(stats, {"config", "top_hosts"});
  if (top_hosts == 0) top_hosts = 50;
  std::string subtitle =
      count(view::count(stats, {"documents", "in"})) + " documents from " + count(shard_count(stats)) + " shards";
  if (uint64_t parts = view::count(stats, {"run", "parts"}); parts > 1)
    subtitle += ", " + count(parts) + " runs merged";
  subtitle += " · stats.json schema " + count(view::count(stats, {"schema_version"}));

  std::string out;
  out.reserve(size_t{64} << 10);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>corpusflow report</title>\n<style>";
  out += kReportStyle;
  out += "</style>\n</head>\n<body>\n<main>\n<header><h1>Corpus report</h1><p class=\"sub\">" + escape(subtitle) +
         "</p></header>\n";
  out += headline(stats);
  out += "\n<div class=\"grid\">\n";
  out += outcomes_card(stats);
  out += keyed_card(stats, "by_language", "chart-languages", "Languages", "language (CLD2 code)", 15, "");
  out += keyed_card(stats, "by_script", "chart-scripts", "Scripts", "script (ISO 15924)", 15, "");
  out += keyed_card(stats, "by_host", "chart-hosts", "Hosts", "host", top_hosts, "wide");
  out += months_card(stats);
  out += outcome_kind_card(stats, "rejects", "reject", "chart-rejects", "Reject reasons",
                           {"reason (links to samples)", "rejected documents", "documents · share · raw bytes"},
                           "Records that did not become documents.");
  out += outcome_kind_card(stats, "duplicates", "duplicate", "chart-duplicates", "Duplicate kinds",
                           {"kind (links to samples)", "duplicate documents", "documents · share · raw bytes"},
                           "exact: same text; url: same normalized URL; near: similar text (MinHash LSH).");
  out += lengths_card(stats);
  out += similarity_card(stats);
  out += groups_card(stats);
  out += largest_groups_card(stats);
  out += stages_card(stats);
  out += normalize_card(stats);
  out += outputs_card(stats);
  out += shards_card(stats);
  out += samples_cards(stats);
  out +=
      "\n</div>\n<footer>Made by corpusflow from stats.json. Self-contained: no scripts, fonts or network.</footer>\n"
      "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace corpusflow
