// Opens report.html in headless Chromium: the screenshot must not be blank, the DOM the browser built
// must hold every chart, and at 1400 and 420 CSS px nothing may stick out of its card and no text may
// render under 11 px (layout_check.js measures a copy of the page). Skipped when Chromium is not
// installed (CI installs Debian's package). Set CORPUSFLOW_REPORT_SCREENSHOT=path to keep the screenshot.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/report/report_html.h"
#include "engine/report/stats_files.h"
#include "tests/support/files.h"
#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

namespace fs = std::filesystem;
using corpusflow::testing::read_file;

std::string find_chromium() {
  if (const char* configured = std::getenv("CORPUSFLOW_CHROMIUM")) return configured;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
    if (fs::exists(candidate)) return candidate;
  }
  return "";
}

uint32_t big_endian(const std::string& bytes, size_t at) {
  return (uint32_t(uint8_t(bytes[at])) << 24) | (uint32_t(uint8_t(bytes[at + 1])) << 16) |
         (uint32_t(uint8_t(bytes[at + 2])) << 8) | uint32_t(uint8_t(bytes[at + 3]));
}

class ReportBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) GTEST_SKIP() << "chromium not installed (apt-get install -y chromium)";
    root_ = fs::temp_directory_path() / ("corpusflow_report_browser_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    if (!root_.empty()) fs::remove_all(root_);
  }

  // Runs Chromium headless with a fresh profile; `mode` is --screenshot=... or --dump-dom.
  int chromium(const std::string& mode, const fs::path& page, const fs::path& stdout_file,
               const std::string& window = "1280,2000") {
    fs::path profile = root_ / ("profile" + std::to_string(runs_++));
    std::string command = "timeout 120 '" + chromium_ +
                          "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir='" +
                          profile.string() + "' --window-size=" + window + " " + mode + " 'file://" + page.string() +
                          "' > '" + stdout_file.string() + "' 2> '" + (root_ / "chromium.log").string() + "'";
    return std::system(command.c_str());
  }

  // What layout_check.js found in report.html laid out `width` CSS px wide. Headless Chromium keeps its
  // window at least 500 px wide, so the copy of the page is shown in an iframe exactly `width` wide,
  // which is its viewport: media queries and layout see `width`.
  std::string layout_check(int width) {
    std::string page = read_file(root_ / "out" / "report.html");
    std::string script = read_file(fs::path(CORPUSFLOW_SOURCE_DIR) / "tests" / "report" / "layout_check.js");
    size_t body_end = page.rfind("</body>");
    if (body_end == std::string::npos) return "no </body> in report.html";
    page.insert(body_end, "<script>" + script + "</script>\n");
    std::string name = "checked" + std::to_string(width);
    std::ofstream(root_ / (name + ".html")) << page;
    std::ofstream(root_ / (name + "_frame.html"))
        << "<!DOCTYPE html><html><body style=\"margin:0\"><pre id=\"layout-check\"></pre>"
           "<iframe src=\""
        << name << ".html\" style=\"display:block;border:0;width:" << width
        << "px;height:30000px\"></iframe><script>addEventListener('message', (e) => {"
           "document.getElementById('layout-check').textContent = e.data; });</script></body></html>";
    std::string window = std::to_string(std::max(width, 500)) + ",2000";
    if (chromium("--virtual-time-budget=5000 --dump-dom", root_ / (name + "_frame.html"), root_ / (name + ".dom"),
                 window) != 0) {
      return "chromium failed: " + read_file(root_ / "chromium.log");
    }
    std::string dom = read_file(root_ / (name + ".dom"));
    const std::string open = "<pre id=\"layout-check\">";
    size_t start = dom.find(open);
    size_t end = dom.find("</pre>", start);
    if (start == std::string::npos || end == std::string::npos) return "no layout-check in the DOM";
    std::string text = dom.substr(start + open.size(), end - start - open.size());
    for (auto [entity, character] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
      for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
        text.replace(at, std::string_view(entity).size(), character);
      }
    }
    return text;
  }

  std::string chromium_;
  fs::path root_;
  int runs_ = 0;
};

TEST_F(ReportBrowser, ScreenshotIsNotBlankAndTheDomHoldsEveryChart) {
  write_stats_files(root_ / "out", testing::sample_stats_json(3000));
  fs::path page = root_ / "out" / "report.html";
  fs::path screenshot = root_ / "report.png";
  ASSERT_EQ(chromium("--screenshot='" + screenshot.string() + "'", page, root_ / "screenshot.out"), 0)
      << read_file(root_ / "chromium.log");
  ASSERT_TRUE(fs::exists(screenshot)) << read_file(root_ / "chromium.log");

  std::string png = read_file(screenshot);
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(png, 16), 1280u);
  EXPECT_EQ(big_endian(png, 20), 2000u);

  // A blank page of the same size compresses to a few kB; the report's bars, text and charts do not.
  std::ofstream(root_ / "blank.html") << "<!DOCTYPE html><html><body></body></html>";
  fs::path blank = root_ / "blank.png";
  ASSERT_EQ(chromium("--screenshot='" + blank.string() + "'", root_ / "blank.html", root_ / "blank.out"), 0);
  ASSERT_TRUE(fs::exists(blank));
  EXPECT_GT(fs::file_size(screenshot), 5 * fs::file_size(blank))
      << "report " << fs::file_size(screenshot) << " bytes, blank " << fs::file_size(blank) << " bytes";

  ASSERT_EQ(chromium("--dump-dom", page, root_ / "dom.html"), 0) << read_file(root_ / "chromium.log");
  std::string dom = read_file(root_ / "dom.html");
  for (std::string_view id : kReportChartIds) {
    size_t at = dom.find("id=\"" + std::string(id) + "\"");
    ASSERT_NE(at, std::string::npos) << id;
    size_t element = dom.rfind('<', at);
    bool is_svg = dom.compare(element, 4, "<svg") == 0;
    size_t next_chart = dom.find("id=\"chart-", at + 1);
    bool holds_svg = dom.find("<svg", at) < next_chart;
    EXPECT_TRUE(is_svg || holds_svg) << id;
  }
  EXPECT_NE(dom.find("<bdi dir=\"auto\">أخبار.مصر</bdi>"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos);

  if (const char* keep = std::getenv("CORPUSFLOW_REPORT_SCREENSHOT"))
    fs::copy_file(screenshot, keep, fs::copy_options::overwrite_existing);
}

class ReportLayout : public ReportBrowser, public ::testing::WithParamInterface<int> {};

TEST_P(ReportLayout, NothingSticksOutOfItsCardAndNoTextIsTiny) {
  write_stats_files(root_ / "out", testing::sample_stats_json(3000));
  const int width = GetParam();
  std::string check = layout_check(width);
  EXPECT_NE(check.find("viewport " + std::to_string(width) + "\n"), std::string::npos) << check;
  // Enough was measured: every card's rows, bars and labels, and the charts' axis labels.
  size_t checked = check.find("checked ");
  ASSERT_NE(checked, std::string::npos) << check;
  int elements = 0, texts = 0, svg_texts = 0;
  ASSERT_EQ(std::sscanf(check.c_str() + checked, "checked %d elements in cards, %d texts (%d in SVG)", &elements,
                        &texts, &svg_texts),
            3)
      << check;
  EXPECT_GT(elements, 1200) << check;
  EXPECT_GT(texts, 600) << check;
  EXPECT_GT(svg_texts, 60) << check;
  EXPECT_NE(check.find("\nproblems 0"), std::string::npos) << check;
  if (const char* keep = std::getenv("CORPUSFLOW_REPORT_LAYOUT")) {
    std::ofstream(std::string(keep) + "." + std::to_string(width) + ".txt") << check;
  }
}

INSTANTIATE_TEST_SUITE_P(Widths, ReportLayout, ::testing::Values(1400, 420),
                         [](const auto& info) { return std::to_string(info.param) + "px"; });

}  // namespace
}  // namespace corpusflow
