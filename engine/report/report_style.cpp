#include "engine/report/report_style.h"

namespace corpusflow {

const std::string_view kReportStyle = R"css(
:root {
  --kept: #2563eb; --dup: #f59e0b; --rej: #dc2626; --ink: #111827; --muted: #6b7280;
  --line: #e5e7eb; --track: #eef1f5; --bg: #f4f6f9; --card: #ffffff;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic",
        "DejaVu Sans", sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 28px 24px 40px; }
header h1 { font-size: 26px; margin: 0; letter-spacing: -0.01em; }
header .sub { color: var(--muted); margin: 4px 0 0; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(136px, 1fr)); gap: 10px; margin: 20px 0; }
.stat, .card {
  background: var(--card); border-radius: 10px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 0 0 1px var(--line);
}
.stat { padding: 12px 16px; }
.stat .label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.stat .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; margin-top: 2px; white-space: nowrap; }
.stat .detail { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.stat.kept .value { color: var(--kept); } .stat.dup .value { color: #b45309; } .stat.rej .value { color: var(--rej); }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.card { padding: 16px 18px; break-inside: avoid; page-break-inside: avoid; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
.card h2 { font-size: 15px; margin: 0; }
.card .note { color: var(--muted); font-size: 12px; margin: 2px 0 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; color: var(--muted); margin: -4px 0 10px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-inline-end: 5px; vertical-align: -1px; }
.swatch.s0 { background: var(--kept); } .swatch.s1 { background: var(--dup); } .swatch.s2 { background: var(--rej); }
.bars, .plot { container-type: inline-size; }
.bar-row {
  display: grid; grid-template-columns: minmax(70px, 30%) minmax(60px, 1fr) minmax(10.5em, auto);
  grid-template-areas: "label bar value"; align-items: center; gap: 2px 10px; padding: 2px 0;
}
.bar-row > .bar-label { grid-area: label; } .bar-row > svg.bar, .bar-row > .bar-axis { grid-area: bar; }
.bar-row > .bar-value { grid-area: value; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; unicode-bidi: isolate; }
.bar-label a { color: inherit; text-decoration-color: #9ca3af; text-underline-offset: 2px; }
.bar-value { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.bar-head { border-bottom: 1px solid var(--line); padding-bottom: 3px; margin-bottom: 3px; }
.bar-head > span { white-space: normal; overflow: visible; }
.axis-title { color: var(--muted); font-size: 12px; font-weight: 600; }
@container (max-width: 520px) {
  .bar-row { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "label value" "bar bar"; padding: 3px 0; }
}
small { color: var(--muted); font-size: 11px; }
svg.bar { display: block; width: 100%; height: 14px; border-radius: 3px; }
.track { fill: var(--track); }
.seg0 { fill: var(--kept); } .seg1 { fill: var(--dup); } .seg2 { fill: var(--rej); }
#chart-rejects .seg0 { fill: var(--rej); } #chart-duplicates .seg0 { fill: var(--dup); }
#chart-similarity .seg0, #chart-group-sizes .seg0 { fill: var(--dup); }
#chart-stages .seg0 { fill: #0f766e; }
svg.chart { display: block; width: 100%; padding: 0 18px 0 58px; overflow: visible; }
svg.chart text { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
svg.chart text.axis-title { fill: var(--ink); font-size: 12px; font-weight: 600; }
svg.chart text.group { fill: var(--ink); }
svg.chart rect.bin { stroke: var(--card); stroke-width: 1px; }
@container (max-width: 560px) { svg.chart .dense { display: none; } }
@container (min-width: 561px) { svg.chart .sparse { display: none; } }
svg.chart .gridline { stroke: var(--line); }
svg.chart .baseline { stroke: #9ca3af; }
svg.chart .tickmark { stroke: #9ca3af; }
svg.chart .marker { stroke: var(--ink); stroke-dasharray: 3 3; }
svg.chart text.marker-label { fill: var(--ink); font-weight: 600; }
svg.chart text.empty, .empty { fill: var(--muted); color: var(--muted); font-style: italic; }
.histograms { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; }
.histograms h3 { font-size: 13px; margin: 0 0 4px; font-weight: 600; }
.histograms .pcts { color: var(--muted); font-size: 12px; margin: 0 0 6px; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
th:first-child, td:first-child, th.text { text-align: left; }
td.text { text-align: start; unicode-bidi: isolate; white-space: normal; overflow-wrap: anywhere; min-width: 9em; }
table.groups td.text:last-child { min-width: 14em; }
.scroll { overflow-x: auto; }
.sample-group { margin-top: 14px; }
.sample-group h3 { font-size: 13px; margin: 0 0 6px; font-weight: 600; }
.samples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr)); gap: 10px; }
.sample { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; min-width: 0; overflow-wrap: anywhere; }
.sample-head { font-weight: 600; }
.sample-id { color: var(--muted); font-weight: 400; font-variant-numeric: tabular-nums; margin-inline-end: 4px; }
.sample-title, .sample-meta span { unicode-bidi: isolate; }
.sample-meta { color: var(--muted); font-size: 12px; }
.sample-text { margin: 6px 0 0; white-space: pre-line; unicode-bidi: plaintext; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; text-align: center; }
@media (max-width: 900px) {
  .grid, .histograms { grid-template-columns: 1fr; }
}
@media (max-width: 600px) {
  main { padding: 18px 10px 28px; }
  .card { padding: 14px 12px; }
  header h1 { font-size: 22px; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  .stat, .card { box-shadow: none; border: 1px solid #d1d5db; }
  .grid { gap: 10px; }
  .headline { grid-template-columns: repeat(4, 1fr); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

}  // namespace corpusflow
