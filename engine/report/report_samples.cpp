#include "engine/report/report_samples.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "engine/report/format.h"
#include "engine/report/html.h"
#include "engine/report/stats_view.h"

namespace corpusflow::report_samples {

namespace {

namespace view = stats_view;
using html::escape;

const nlohmann::json& samples_of(const nlohmann::json& stats, std::string_view category, std::string_view name) {
  if (category == "kept") return view::at(stats, {"samples", "kept"});
  return view::at(stats, {"samples", category == "reject" ? "rejects" : "duplicates", name});
}

std::string sample_html(const nlohmann::json& sample, std::string_view category) {
  std::string out = "<article class=\"sample\"><div class=\"sample-head\"><span class=\"sample-id\">" +
                    escape(view::text(sample, {"id"})) + "</span> ";
  std::string title = view::text(sample, {"title"});
  out += title.empty() ? "<span class=\"sample-title empty\">no title</span>"
                       : "<span class=\"sample-title\" dir=\"auto\">" + escape(title) + "</span>";
  out += "</div><div class=\"sample-meta\"><span dir=\"auto\">" + escape(view::text(sample, {"source"})) +
         "</span> · " + escape(view::text(sample, {"language"})) + " · " +
         format::bytes(view::count(sample, {"text_bytes"})) + " of text</div>";
  if (std::string url = view::text(sample, {"url"}); !url.empty()) {
    out += "<div class=\"sample-meta sample-url\" dir=\"auto\">" + escape(url) + "</div>";
  }
  if (category == "reject") {
    out += "<div class=\"sample-meta\">" + escape(view::text(sample, {"reason"}));
    if (std::string detail = view::text(sample, {"detail"}); !detail.empty()) {
      out += ": <span dir=\"auto\">" + escape(detail) + "</span>";
    }
    out += "</div>";
  }
  if (category == "duplicate") {
    out += "<div class=\"sample-meta\">duplicate of " + escape(view::text(sample, {"duplicate_of"})) +
           " · similarity " + format::fixed(view::number(sample, {"similarity"}), 2) + "</div>";
  }
  std::string text = view::text(sample, {"text"});
  if (text.empty()) {
    out += "<p class=\"sample-text empty\">no text</p>";
  } else {
    bool cut = view::count(sample, {"text_bytes"}) > text.size();
    out += "<p class=\"sample-text\" dir=\"auto\">" + escape(text) + (cut ? "…" : "") + "</p>";
  }
  return out + "</article>";
}

std::string group_html(const nlohmann::json& stats, std::string_view category, std::string_view name,
                       const std::string& heading) {
  const auto& samples = samples_of(stats, category, name);
  std::string out = "<div class=\"sample-group\" id=\"" + anchor(category, name) + "\">";
  if (!heading.empty()) out += "<h3>" + heading + "</h3>";
  if (!samples.is_array() || samples.empty()) return out + "<p class=\"empty\">no samples</p></div>";
  out += "<div class=\"samples\">";
  for (const auto& sample : samples) out += sample_html(sample, category);
  return out + "</div></div>";
}

std::string documents_note(const nlohmann::json& stats, std::initializer_list<std::string_view> path) {
  return " <small>" + format::count(view::count(stats, path)) + " documents</small>";
}

}  // namespace

std::string anchor(std::string_view category, std::string_view name) {
  std::string out = "samples-" + std::string(category);
  if (name.empty()) return out;
  out += '-';
  for (unsigned char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, ".%02x", c);
      out += hex;
    }
  }
  return out;
}

std::string link(const nlohmann::json& stats, std::string_view category, std::string_view name) {
  const auto& samples = samples_of(stats, category, name);
  return samples.is_array() && !samples.empty() ? "#" + anchor(category, name) : "";
}

std::string kept_samples(const nlohmann::json& stats) { return group_html(stats, "kept", "", ""); }

std::string reject_samples(const nlohmann::json& stats) {
  std::string out;
  for (const auto& [reason, counts] : view::ranked(view::at(stats, {"rejects"}), 0)) {
    out += group_html(stats, "reject", reason,
                      "<bdi dir=\"auto\">" + escape(reason) + "</bdi>" + documents_note(*counts, {"documents"}));
  }
  return out.empty() ? "<p class=\"empty\">no rejects</p>" : out;
}

std::string duplicate_samples(const nlohmann::json& stats) {
  std::string out;
  for (const char* kind : {"exact", "url", "near"}) {
    out += group_html(stats, "duplicate", kind, kind + documents_note(stats, {"duplicates", kind, "documents"}));
  }
  return out;
}

}  // namespace corpusflow::report_samples
