#include "engine/report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/report/format.h"
#include "engine/report/html.h"

namespace corpusflow::svg {

namespace {

// Tick labels a plot holds at most: in a wide container, and in a narrow one (the stylesheet hides
// class "dense" in containers under 560 px and class "sparse" above).
constexpr size_t kWideTicks = 36;
constexpr size_t kNarrowTicks = 8;

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

// A share of the plot's width, 0..100, as an SVG percentage length.
std::string pct(double percent) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", percent);
  std::string text = buffer;
  while (text.ends_with('0')) text.pop_back();
  if (text.ends_with('.')) text.pop_back();
  return text + "%";
}

double nice_ceiling(double value) {
  if (value <= 0) return 1;
  double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double factor : {1.0, 2.0, 4.0, 6.0, 8.0, 10.0}) {
    if (factor * magnitude >= value * (1 - 1e-9)) return factor * magnitude;
  }
  return 10 * magnitude;
}

uint64_t total(const std::vector<uint64_t>& segments) {
  uint64_t sum = 0;
  for (uint64_t s : segments) sum += s;
  return sum;
}

std::string open_chart(const std::string& id, double height, const std::string& aria_label) {
  return "<div class=\"plot\"><svg id=\"" + html::escape(id) + "\" class=\"chart\" width=\"100%\" height=\"" +
         num(height) + "\" role=\"img\" aria-label=\"" + html::escape(aria_label) + "\">";
}

std::string close_chart() { return "</svg></div>"; }

std::string text(const std::string& css, const std::string& x, double y, const std::string& anchor,
                 const std::string& content) {
  std::string out = "<text";
  if (!css.empty()) out += " class=\"" + css + "\"";
  return out + " x=\"" + x + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + html::escape(content) +
         "</text>";
}

// Grid lines and count labels left of the plot, from 0 at `bottom` to max at `top`, and the y title.
std::string count_axis(double top, double bottom, double max, int ticks, const std::string& title) {
  std::string out = "<g class=\"axis\">";
  for (int t = 0; t <= ticks; ++t) {
    double value = max * t / ticks;
    double y = bottom - (bottom - top) * t / ticks;
    out += "<line class=\"gridline\" x1=\"0\" x2=\"100%\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\"/>";
    out += text("", "-6", y + 4, "end", format::compact(value));
  }
  out += "<text class=\"axis-title\" transform=\"translate(-44 " + num((top + bottom) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + html::escape(title) + "</text>";
  return out + "</g>";
}

std::string x_title(double y, const std::string& title) { return text("axis-title", "50%", y, "middle", title); }

std::string baseline(double y) {
  return "<line class=\"baseline\" x1=\"0\" x2=\"100%\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\"/>";
}

}  // namespace

std::string bar_list(const std::string& id, const std::vector<Bar>& bars, const BarAxes& axes, bool each_row_full) {
  uint64_t max = 1;
  for (const auto& bar : bars) max = std::max(max, total(bar.segments));
  std::string out = "<div class=\"bars\" id=\"" + html::escape(id) + "\">";
  out += "<div class=\"bar-row bar-head\"><span class=\"bar-label axis-title\">" + html::escape(axes.label) +
         "</span><span class=\"bar-axis axis-title\">" + html::escape(axes.bar) +
         "</span><span class=\"bar-value axis-title\">" + html::escape(axes.value) + "</span></div>";
  if (bars.empty()) out += "<p class=\"empty\">none</p>";
  for (const auto& bar : bars) {
    out += "<div class=\"bar-row\"";
    if (!bar.tooltip.empty()) out += " title=\"" + html::escape(bar.tooltip) + "\"";
    out += "><span class=\"bar-label\">";
    if (bar.href.empty()) {
      out += html::isolate(bar.label);
    } else {
      out += "<a href=\"" + html::escape(bar.href) + "\">" + html::isolate(bar.label) + "</a>";
    }
    out += "</span><svg class=\"bar\" viewBox=\"0 0 1000 16\" preserveAspectRatio=\"none\" aria-hidden=\"true\">";
    out += "<rect class=\"track\" width=\"1000\" height=\"16\"/>";
    double x = 0;
    double scale =
        each_row_full ? static_cast<double>(std::max<uint64_t>(total(bar.segments), 1)) : static_cast<double>(max);
    for (size_t s = 0; s < bar.segments.size(); ++s) {
      if (bar.segments[s] == 0) continue;
      double width = 1000.0 * static_cast<double>(bar.segments[s]) / scale;
      out += "<rect class=\"seg" + std::to_string(s) + "\" x=\"" + num(x) + "\" width=\"" +
             num(std::clamp(width, 2.0, 1000.0 - x)) + "\" height=\"16\"/>";
      x += width;
    }
    out += "</svg><span class=\"bar-value\">" + html::escape(bar.value);
    if (!bar.note.empty()) out += " <small>" + html::escape(bar.note) + "</small>";
    out += "</span></div>";
  }
  return out + "</div>";
}

std::string column_chart(const std::string& id, const std::vector<Column>& columns, const Axes& axes,
                         const std::string& aria_label) {
  const double height = 266, top = 14, bottom = 210;
  uint64_t max = 1;
  for (const auto& column : columns) max = std::max(max, total(column.segments));
  double axis_max = nice_ceiling(static_cast<double>(max));
  std::string out = open_chart(id, height, aria_label);
  out += count_axis(top, bottom, axis_max, 4, axes.y);
  if (columns.empty()) out += text("empty", "50%", (top + bottom) / 2, "middle", "no dated documents");

  const size_t n = columns.size();
  const size_t wide_step = std::max<size_t>(1, (n + kWideTicks - 1) / kWideTicks);
  const size_t narrow_step =
      wide_step * std::max<size_t>(1, ((n + kNarrowTicks - 1) / kNarrowTicks + wide_step - 1) / wide_step);
  const double band = 100.0 / static_cast<double>(std::max<size_t>(n, 1));
  std::string wide_group, narrow_group;  // the group shown last at each density
  for (size_t i = 0; i < n; ++i) {
    const auto& column = columns[i];
    double x = band * static_cast<double>(i) + band * 0.11;
    double bar_width = band * 0.78;
    out += "<g><title>" + html::escape(column.tooltip) + "</title>";
    double y = bottom;
    for (size_t s = 0; s < column.segments.size(); ++s) {
      if (column.segments[s] == 0) continue;
      double h = (bottom - top) * static_cast<double>(column.segments[s]) / axis_max;
      y -= h;
      out += "<rect class=\"seg" + std::to_string(s) + "\" x=\"" + pct(x) + "\" y=\"" + num(y) + "\" width=\"" +
             pct(bar_width) + "\" height=\"" + num(std::max(h, 0.5)) + "\"/>";
    }
    out += "</g>";
    if (i % wide_step != 0) continue;
    const bool narrow = i % narrow_step == 0;
    const std::string center = pct(x + bar_width / 2);
    out += text(narrow ? "tick" : "tick dense", center, bottom + 16, "middle", column.label);
    if (column.group.empty()) continue;
    const bool wide_shows = column.group != wide_group;
    const bool narrow_shows = narrow && column.group != narrow_group;
    wide_group = column.group;
    if (narrow) narrow_group = column.group;
    if (!wide_shows && !narrow_shows) continue;
    const char* css = wide_shows && narrow_shows ? "tick group" : wide_shows ? "tick group dense" : "tick group sparse";
    out += text(css, center, bottom + 30, "middle", column.group);
  }
  out += baseline(bottom);
  out += x_title(height - 4, axes.x);
  return out + close_chart();
}

std::string histogram_chart(const std::string& id, const std::vector<Bin>& bins, bool log_x,
                            const std::vector<Marker>& markers, const Axes& axes, const std::string& aria_label) {
  const double height = 240, top = 32, bottom = 194;
  auto f = [&](double x) { return log_x ? std::log10(1 + std::max(x, 0.0)) : x; };
  std::string out = open_chart(id, height, aria_label);
  uint64_t max = 1;
  for (const auto& bin : bins) max = std::max(max, bin.count);
  double axis_max = nice_ceiling(static_cast<double>(max));
  out += count_axis(top, bottom, axis_max, 4, axes.y);
  if (bins.empty()) {
    out +=
        text("empty", "50%", (top + bottom) / 2, "middle", "no data") + baseline(bottom) + x_title(height - 4, axes.x);
    return out + close_chart();
  }
  double domain_low = f(bins.front().low);
  double domain_high = f(bins.back().high);
  if (!log_x) {
    domain_low = std::floor(bins.front().low * 10 + 1e-9) / 10;
    domain_high = std::max(domain_high, domain_low + 0.1);
  }
  if (domain_high <= domain_low) domain_high = domain_low + 1;
  auto x_of = [&](double value) { return 100.0 * (f(value) - domain_low) / (domain_high - domain_low); };

  // x ticks: powers of ten, or 1-2-5 or 1..9 times them where that gives too few (log), or steps of
  // 0.05 / 0.1 (linear); beyond 6, every other one is dense.
  out += "<g class=\"axis\">";
  std::vector<double> ticks;
  if (log_x) {
    const std::vector<std::vector<double>> tiers = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    for (const auto& factors : tiers) {
      ticks.clear();
      for (double power = 1; power < 1e19; power *= 10) {
        for (double factor : factors) {
          double t = factor * power;
          if (f(t) >= domain_low - 1e-9 && f(t) <= domain_high + 1e-9) ticks.push_back(t);
        }
      }
      if (ticks.size() >= 3) break;
    }
    if (ticks.size() < 2) ticks = {bins.front().low, bins.back().high};
  } else {
    double step = domain_high - domain_low > 0.5 ? 0.1 : 0.05;
    for (double t = domain_low; t <= domain_high + 1e-9; t += step) ticks.push_back(t);
  }
  for (size_t i = 0; i < ticks.size(); ++i) {
    std::string x = pct(x_of(ticks[i]));
    std::string label = log_x ? format::compact(ticks[i]) : format::fixed(ticks[i], 2);
    out += "<line class=\"tickmark\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + num(bottom) + "\" y2=\"" +
           num(bottom + 4) + "\"/>";
    out += text(ticks.size() > 6 && i % 2 == 1 ? "tick dense" : "tick", x, bottom + 17, "middle", label);
  }
  out += "</g>";

  for (const auto& bin : bins) {
    double x0 = x_of(bin.low);
    double x1 = x_of(bin.high);
    double h = (bottom - top) * static_cast<double>(bin.count) / axis_max;
    std::string range =
        log_x ? format::count(static_cast<uint64_t>(bin.low)) + "–" + format::count(static_cast<uint64_t>(bin.high - 1))
              : format::fixed(bin.low, 2) + "–" + format::fixed(bin.high, 2);
    out += "<rect class=\"seg0 bin\" x=\"" + pct(x0) + "\" y=\"" + num(bottom - h) + "\" width=\"" +
           pct(std::max(x1 - x0, 0.2)) + "\" height=\"" + num(std::max(h, 0.5)) + "\"><title>" +
           html::escape(range + ": " + format::count(bin.count)) + "</title></rect>";
  }
  // Marker labels sit above the plot on two rows, so neighbouring markers do not cover each other.
  for (size_t m = 0; m < markers.size(); ++m) {
    std::string x = pct(std::clamp(x_of(markers[m].value), 0.0, 100.0));
    double label_y = m % 2 == 0 ? top - 18 : top - 5;
    out += "<line class=\"marker\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + num(label_y + 3) + "\" y2=\"" +
           num(bottom) + "\"/>" + text("marker-label", x, label_y, "middle", markers[m].label);
  }
  out += baseline(bottom);
  out += x_title(height - 4, axes.x);
  return out + close_chart();
}

}  // namespace corpusflow::svg
