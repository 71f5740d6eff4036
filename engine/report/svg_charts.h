// Inline SVG charts for report.html: labelled bar lists, a stacked column timeline and histograms.
// Every label and tooltip is escaped here; callers pass raw data strings. Colours come from CSS
// classes (seg0, seg1, ...), so the page's stylesheet themes them and print CSS can adjust them.
// Charts are never scaled: an SVG's user unit is a CSS pixel, so text keeps its CSS size at any
// width, and x positions are percentages of the plot, so a chart fills whatever width its card has
// (the stylesheet pads the SVG for the axis labels and hides every other tick label when narrow).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpusflow::svg {

// Headings of a bar list's three columns, with units: what the rows are, what the bars show, the values.
struct BarAxes {
  std::string label;
  std::string bar;
  std::string value;
};

struct Bar {
  std::string label;               // data text, shown isolated (dir="auto")
  std::vector<uint64_t> segments;  // stacked left to right, classes seg0, seg1, ...
  std::string value;               // text right of the bar (already formatted; escaped here)
  std::string note;                // smaller text after value, e.g. a percentage
  std::string tooltip;             // hover text of the row
  std::string href;                // when set, the label links there (e.g. "#samples-reject-empty")
};
// Horizontal bars scaled to the largest row total (or, with each_row_full, every row to its own
// total, for shares): <div class="bars" id=...> a heading row, then rows of label, svg, value.
std::string bar_list(const std::string& id, const std::vector<Bar>& bars, const BarAxes& axes,
                     bool each_row_full = false);

// Axis titles with units, e.g. {"words per document (log scale)", "documents"}.
struct Axes {
  std::string x;
  std::string y;
};

struct Column {
  std::string label;               // x tick (month "03", or "…")
  std::string group;               // second tick row, shown where it changes (year "2018")
  std::vector<uint64_t> segments;  // stacked bottom to top
  std::string tooltip;
};
// Stacked columns over time with a count axis: <svg id=... class="chart">.
std::string column_chart(const std::string& id, const std::vector<Column>& columns, const Axes& axes,
                         const std::string& aria_label);

struct Bin {
  double low = 0;
  double high = 0;
  uint64_t count = 0;
};
struct Marker {
  std::string label;  // "p50"
  double value = 0;
};
// A histogram: bars span [low, high); log_x plots log10(1 + x). Markers draw dashed lines.
std::string histogram_chart(const std::string& id, const std::vector<Bin>& bins, bool log_x,
                            const std::vector<Marker>& markers, const Axes& axes, const std::string& aria_label);

}  // namespace corpusflow::svg
