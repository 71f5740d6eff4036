#include "engine/report/report_html.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/report/html.h"
#include "engine/report/report_samples.h"
#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

// The text of the element with `id` up to its closing tag (approximate: enough for the tests below).
std::string element_with_id(const std::string& html, std::string_view id) {
  size_t at = html.find("id=\"" + std::string(id) + "\"");
  if (at == std::string::npos) return "";
  size_t start = html.rfind('<', at);
  return html.substr(start, std::min<size_t>(html.size() - start, 200000));
}

// One chart: from its element to the next chart or the end of its card.
std::string chart_with_id(const std::string& html, std::string_view id) {
  std::string element = element_with_id(html, id);
  size_t own_tag_end = element.find('>');
  return element.substr(0, std::min(element.find("id=\"chart-", own_tag_end), element.find("</section>")));
}

size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(Html, EscapesMarkupQuotesAndBrokenText) {
  EXPECT_EQ(html::escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html::escape("مصر"), "مصر");
  EXPECT_EQ(html::escape("a\xFF"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(html::escape("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(html::escape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(html::escape("x\x01y\tz\n"), "x\xEF\xBF\xBDy\tz\n");
  EXPECT_EQ(html::escape("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
  EXPECT_EQ(html::isolate("<b>"), "<bdi dir=\"auto\">&lt;b&gt;</bdi>");
}

TEST(ReportHtml, HasEveryChartAsInlineSvg) {
  std::string html = render_report_html(testing::sample_stats_json(2000));
  for (std::string_view id : kReportChartIds) {
    std::string element = element_with_id(html, id);
    ASSERT_FALSE(element.empty()) << id;
    EXPECT_NE(element.find("<svg"), std::string::npos) << id;
    EXPECT_NE(element.find("<rect"), std::string::npos) << id;
  }
  EXPECT_NE(html.find("id=\"headline\""), std::string::npos);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

// Axis titles name what is counted and in which unit; charts are drawn unscaled (no viewBox), so SVG
// text keeps its CSS size at any width.
TEST(ReportHtml, EveryChartHasAxisTitlesAndUnscaledText) {
  std::string html = render_report_html(testing::sample_stats_json(2000));
  for (std::string_view id : kReportChartIds) {
    std::string chart = chart_with_id(html, id);
    bool svg = chart.starts_with("<svg");
    EXPECT_GE(occurrences(chart, "axis-title"), svg ? 2u : 3u) << id;
    if (svg) {
      EXPECT_EQ(chart.substr(0, chart.find('>')).find("viewBox"), std::string::npos) << id;
    }
  }
  EXPECT_NE(chart_with_id(html, "chart-words").find(">words per document (log scale)</text>"), std::string::npos);
  EXPECT_NE(chart_with_id(html, "chart-months").find(">documents</text>"), std::string::npos);
  EXPECT_NE(chart_with_id(html, "chart-stages").find("busy time, summed over threads (s)"), std::string::npos);
}

TEST(ReportHtml, SamplesHaveSectionsThatTheRejectAndDuplicateRowsLinkTo) {
  nlohmann::json stats = testing::sample_stats_json(2000);
  std::string html = render_report_html(stats);
  for (const auto& [reason, counts] : stats["rejects"].items()) {
    std::string anchor = report_samples::anchor("reject", reason);
    EXPECT_NE(chart_with_id(html, "chart-rejects").find("<a href=\"#" + anchor + "\">"), std::string::npos) << reason;
    std::string section = element_with_id(html, anchor);
    EXPECT_EQ(occurrences(section.substr(0, section.find("class=\"sample-group\"", section.find('>'))),
                          "<article class=\"sample\">"),
              std::min<uint64_t>(counts["documents"].get<uint64_t>(), 5))
        << reason;
  }
  for (const char* kind : {"exact", "url", "near"}) {
    std::string anchor = report_samples::anchor("duplicate", kind);
    EXPECT_NE(chart_with_id(html, "chart-duplicates").find("<a href=\"#" + anchor + "\">"), std::string::npos) << kind;
    EXPECT_NE(element_with_id(html, anchor).find("duplicate of "), std::string::npos) << kind;
  }
  std::string kept = element_with_id(html, "samples-kept");
  EXPECT_EQ(occurrences(kept.substr(0, kept.find("</section>")), "<article class=\"sample\">"), 5u);
  // Every link on the page leads to an element that is there.
  for (size_t at = html.find("href=\"#"); at != std::string::npos; at = html.find("href=\"#", at + 1)) {
    std::string target = html.substr(at + 7, html.find('"', at + 7) - at - 7);
    EXPECT_NE(html.find("id=\"" + target + "\""), std::string::npos) << target;
  }
}

TEST(ReportHtml, SampleTextIsEscapedAndRightToLeftTextCarriesDirAuto) {
  nlohmann::json stats = testing::sample_stats_json(600);
  auto& sample = stats["samples"]["kept"][0];
  sample["text"] = "<img src=x> نص الخبر\nسطر ثان";
  sample["title"] = "عنوان \"الخبر\"";
  sample["url"] = "https://أخبار.مصر/1";
  std::string html = render_report_html(stats);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"sample-text\" dir=\"auto\">&lt;img src=x&gt; نص الخبر\nسطر ثان"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"sample-title\" dir=\"auto\">عنوان &quot;الخبر&quot;</span>"), std::string::npos);
  EXPECT_NE(html.find("dir=\"auto\">https://أخبار.مصر/1</div>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"sample-text\" dir=\"auto\">ارتفعت أسعار النفط"), std::string::npos);
}

TEST(ReportHtml, SampleAnchorsAreValidIdsForAnyReasonAndOnlyLinkedWhenThereAreSamples) {
  EXPECT_EQ(report_samples::anchor("kept"), "samples-kept");
  EXPECT_EQ(report_samples::anchor("reject", "bad_json"), "samples-reject-bad_json");
  EXPECT_EQ(report_samples::anchor("reject", "a b/\"<x>"), "samples-reject-a.20b.2f.22.3cx.3e");
  EXPECT_NE(report_samples::anchor("reject", "a.20"), report_samples::anchor("reject", "a "));
  nlohmann::json stats = testing::sample_stats_json(600);
  stats.erase("samples");
  std::string html = render_report_html(stats);
  EXPECT_EQ(chart_with_id(html, "chart-rejects").find("<a href"), std::string::npos);
  EXPECT_NE(element_with_id(html, "samples-kept").find("no samples"), std::string::npos);
}

TEST(ReportHtml, EscapesEverythingFromDataAndIsolatesRightToLeftText) {
  nlohmann::json stats = testing::sample_stats_json(2000);
  stats["shards"][0]["path"] = "data/\"><img src=x onerror=alert(1)>.tar.zst";
  stats["rejects"]["<iframe>"] = {{"documents", 1}, {"bytes", 1}, {"text_bytes", 0}};
  std::string html = render_report_html(stats);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>evil"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;evil&lt;/b&gt;.example"), std::string::npos);
  EXPECT_NE(html.find("<bdi dir=\"auto\">أخبار.مصر</bdi>"), std::string::npos);
  EXPECT_NE(html.find("dir=\"auto\">ارتفاع أسعار النفط"), std::string::npos);
}

TEST(ReportHtml, TimelineFillsShortGapsAndCollapsesLongOnes) {
  nlohmann::json stats = testing::sample_stats_json(200);
  nlohmann::json month = {{"documents", 1}, {"kept", 1},  {"duplicates", 0}, {"rejected", 0},
                          {"words", 1},     {"chars", 1}, {"bytes", 1}};
  stats["by_month"] = {{"2013-04", month}, {"2018-02", month}, {"2018-04", month}, {"unknown", month}};
  std::string html = render_report_html(stats);
  EXPECT_NE(html.find("no documents from 2013-05 to 2018-01"), std::string::npos);
  EXPECT_NE(html.find("2018-03: none"), std::string::npos);
  EXPECT_NE(html.find("1 documents have no date"), std::string::npos);
}

TEST(ReportHtml, ThroughputIsTheRunsAndAStageWithoutBytesHasNoMegabytesPerSecond) {
  nlohmann::json stats = testing::sample_stats_json(300);
  stats["run"]["mb_per_second"] = 12.34;
  stats["stages"][0]["bytes"] = 0;
  stats["stages"][0]["mb_per_second"] = 0.0;
  stats["stages"][1]["mb_per_second"] = 321.0;
  std::string html = render_report_html(stats);
  std::string headline = element_with_id(html, "headline");
  EXPECT_NE(headline.substr(0, headline.find("</section>")).find("12.3 MB/s"), std::string::npos);
  std::string stages = element_with_id(html, "chart-stages");
  size_t read = stages.find(">read<");
  size_t parse = stages.find(">parse<");
  ASSERT_LT(read, parse);
  EXPECT_NE(stages.substr(read, parse - read).find("— MB/s"), std::string::npos);
  EXPECT_EQ(stages.substr(read, parse - read).find("0 MB/s"), std::string::npos);
  EXPECT_NE(stages.substr(parse).find("321 MB/s"), std::string::npos);
}

TEST(ReportHtml, IsSelfContained) {
  std::string html = render_report_html(testing::sample_stats_json(500));
  // URLs of documents are text on the page; no attribute may point anywhere.
  for (const char* outside : {"<script", "<link", "src=", "@import", "url(", "=\"http", "@font-face"}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
}

TEST(ReportHtml, RendersEmptyAndPartialDocuments) {
  for (const nlohmann::json& stats : {nlohmann::json::object(), nlohmann::json::array(),
                                      nlohmann::json{{"documents", {{"in", "many"}}}, {"by_host", 3}}}) {
    std::string html = render_report_html(stats);
    for (std::string_view id : kReportChartIds) EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  StatsAccumulator empty;
  std::string html = render_report_html(make_stats_json(empty, RunMetrics{}));
  EXPECT_NE(html.find("no data"), std::string::npos);
}

}  // namespace
}  // namespace corpusflow
