#include "engine/report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/report/format.h"
#include "engine/report/html.h"

namespace corpusflow::svg {

namespace {

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
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

// Horizontal grid lines and count labels for a plot [left, right] x [top, bottom] scaled to max.
std::string count_axis(double left, double right, double top, double bottom, double max, int ticks) {
  std::string out = "<g class=\"axis\">";
  for (int t = 0; t <= ticks; ++t) {
    double value = max * t / ticks;
    double y = bottom - (bottom - top) * t / ticks;
    out += "<line class=\"gridline\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(y) + "\" y2=\"" +
           num(y) + "\"/>";
    out += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
           html::escape(format::compact(value)) + "</text>";
  }
  return out + "</g>";
}

}  // namespace

std::string bar_list(const std::string& id, const std::vector<Bar>& bars, bool each_row_full) {
  uint64_t max = 1;
  for (const auto& bar : bars) max = std::max(max, total(bar.segments));
  std::string out = "<div class=\"bars\" id=\"" + html::escape(id) + "\">";
  if (bars.empty()) out += "<p class=\"empty\">none</p>";
  for (const auto& bar : bars) {
    out += "<div class=\"bar-row\"";
    if (!bar.tooltip.empty()) out += " title=\"" + html::escape(bar.tooltip) + "\"";
    out += "><span class=\"bar-label\">" + html::isolate(bar.label) + "</span>";
    out += "<svg class=\"bar\" viewBox=\"0 0 1000 16\" preserveAspectRatio=\"none\" aria-hidden=\"true\">";
    out += "<rect class=\"track\" width=\"1000\" height=\"16\"/>";
    double x = 0;
    double scale = each_row_full ? static_cast<double>(std::max<uint64_t>(total(bar.segments), 1)) : static_cast<double>(max);
    for (size_t s = 0; s < bar.segments.size(); ++s) {
      if (bar.segments[s] == 0) continue;
      double width = 1000.0 * static_cast<double>(bar.segments[s]) / scale;
      out += "<rect class=\"seg" + std::to_string(s) + "\" x=\"" + num(x) + "\" width=\"" +
             num(std::max(width, 2.0)) + "\" height=\"16\"/>";
      x += width;
    }
    out += "</svg><span class=\"bar-value\">" + html::escape(bar.value);
    if (!bar.note.empty()) out += " <small>" + html::escape(bar.note) + "</small>";
    out += "</span></div>";
  }
  return out + "</div>";
}

std::string column_chart(const std::string& id, const std::vector<Column>& columns, const std::string& aria_label) {
  const double width = 1160, height = 250, left = 52, right = width - 8, top = 12, bottom = height - 30;
  uint64_t max = 1;
  for (const auto& column : columns) max = std::max(max, total(column.segments));
  double axis_max = nice_ceiling(static_cast<double>(max));
  std::string out = "<svg id=\"" + html::escape(id) + "\" class=\"chart\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) + "\" role=\"img\" aria-label=\"" + html::escape(aria_label) + "\">";
  out += count_axis(left, right, top, bottom, axis_max, 4);
  if (columns.empty()) {
    out += "<text class=\"empty\" x=\"" + num(width / 2) + "\" y=\"" + num(height / 2) +
           "\" text-anchor=\"middle\">no dated documents</text>";
  }
  double band = (right - left) / std::max<size_t>(columns.size(), 1);
  size_t label_step = std::max<size_t>(1, (columns.size() + 13) / 14);
  for (size_t i = 0; i < columns.size(); ++i) {
    const auto& column = columns[i];
    double x = left + band * static_cast<double>(i) + band * 0.11;
    double bar_width = std::max(band * 0.78, 1.0);
    out += "<g><title>" + html::escape(column.tooltip) + "</title>";
    double y = bottom;
    for (size_t s = 0; s < column.segments.size(); ++s) {
      if (column.segments[s] == 0) continue;
      double h = (bottom - top) * static_cast<double>(column.segments[s]) / axis_max;
      y -= h;
      out += "<rect class=\"seg" + std::to_string(s) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
             num(bar_width) + "\" height=\"" + num(std::max(h, 0.5)) + "\"/>";
    }
    out += "</g>";
    if (i % label_step == 0) {
      out += "<text class=\"tick\" x=\"" + num(x + bar_width / 2) + "\" y=\"" + num(bottom + 18) +
             "\" text-anchor=\"middle\">" + html::escape(column.label) + "</text>";
    }
  }
  out += "<line class=\"baseline\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(bottom) +
         "\" y2=\"" + num(bottom) + "\"/>";
  return out + "</svg>";
}

std::string histogram_chart(const std::string& id, const std::vector<Bin>& bins, bool log_x,
                            const std::vector<Marker>& markers, const std::string& aria_label) {
  const double width = 560, height = 230, left = 48, right = width - 12, top = 22, bottom = height - 30;
  auto f = [&](double x) { return log_x ? std::log10(1 + std::max(x, 0.0)) : x; };
  std::string out = "<svg id=\"" + html::escape(id) + "\" class=\"chart\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) + "\" role=\"img\" aria-label=\"" + html::escape(aria_label) + "\">";
  uint64_t max = 1;
  for (const auto& bin : bins) max = std::max(max, bin.count);
  double axis_max = nice_ceiling(static_cast<double>(max));
  out += count_axis(left, right, top, bottom, axis_max, 4);
  if (bins.empty()) {
    out += "<text class=\"empty\" x=\"" + num((left + right) / 2) + "\" y=\"" + num((top + bottom) / 2) +
           "\" text-anchor=\"middle\">no data</text><line class=\"baseline\" x1=\"" + num(left) + "\" x2=\"" +
           num(right) + "\" y1=\"" + num(bottom) + "\" y2=\"" + num(bottom) + "\"/></svg>";
    return out;
  }
  double domain_low = f(bins.front().low);
  double domain_high = f(bins.back().high);
  if (!log_x) {
    domain_low = std::floor(bins.front().low * 10 + 1e-9) / 10;
    domain_high = std::max(domain_high, domain_low + 0.1);
  }
  if (domain_high <= domain_low) domain_high = domain_low + 1;
  auto x_of = [&](double value) { return left + (right - left) * (f(value) - domain_low) / (domain_high - domain_low); };

  // x ticks: powers of ten (log) or steps of 0.05 / 0.1 (linear).
  out += "<g class=\"axis\">";
  std::vector<double> ticks;
  if (log_x) {
    for (double t = 1; t < 1e19; t *= 10) {
      if (f(t) < domain_low - 1e-9) continue;
      if (f(t) > domain_high + 1e-9) break;
      ticks.push_back(t);
    }
    if (ticks.size() < 2) ticks = {bins.front().low, bins.back().high};
  } else {
    double step = domain_high - domain_low > 0.5 ? 0.1 : 0.05;
    for (double t = domain_low; t <= domain_high + 1e-9; t += step) ticks.push_back(t);
  }
  for (double t : ticks) {
    double x = x_of(t);
    std::string label = log_x ? format::compact(t) : format::fixed(t, 2);
    out += "<line class=\"tickmark\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(bottom) + "\" y2=\"" +
           num(bottom + 4) + "\"/><text class=\"tick\" x=\"" + num(x) + "\" y=\"" + num(bottom + 18) +
           "\" text-anchor=\"middle\">" + html::escape(label) + "</text>";
  }
  out += "</g>";

  for (const auto& bin : bins) {
    double x0 = x_of(bin.low);
    double x1 = x_of(bin.high);
    double h = (bottom - top) * static_cast<double>(bin.count) / axis_max;
    std::string range = log_x ? format::count(static_cast<uint64_t>(bin.low)) + "–" +
                                    format::count(static_cast<uint64_t>(bin.high - 1))
                              : format::fixed(bin.low, 2) + "–" + format::fixed(bin.high, 2);
    out += "<rect class=\"seg0\" x=\"" + num(x0 + 0.5) + "\" y=\"" + num(bottom - h) + "\" width=\"" +
           num(std::max(x1 - x0 - 1, 1.0)) + "\" height=\"" + num(std::max(h, 0.5)) + "\"><title>" +
           html::escape(range + ": " + format::count(bin.count)) + "</title></rect>";
  }
  for (size_t m = 0; m < markers.size(); ++m) {
    double x = std::clamp(x_of(markers[m].value), left, right);
    out += "<line class=\"marker\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top - 4) + "\" y2=\"" +
           num(bottom) + "\"/><text class=\"marker-label\" x=\"" + num(x + 3) + "\" y=\"" +
           num(top - 8 + 11.0 * static_cast<double>(m % 2)) + "\">" + html::escape(markers[m].label) + "</text>";
  }
  out += "<line class=\"baseline\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(bottom) +
         "\" y2=\"" + num(bottom) + "\"/>";
  return out + "</svg>";
}

}  // namespace corpusflow::svg
