// Opens report.html in headless Chromium: the screenshot must not be blank and the DOM the browser
// built must hold every chart. Skipped when Chromium is not installed (CI installs Debian's package).
// Set CORPUSFLOW_REPORT_SCREENSHOT=path to keep the screenshot.
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
  int chromium(const std::string& mode, const fs::path& page, const fs::path& stdout_file) {
    fs::path profile = root_ / ("profile" + std::to_string(runs_++));
    std::string command = "timeout 120 '" + chromium_ +
                          "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir='" + profile.string() + "' --window-size=1280,2000 " + mode +
                          " 'file://" + page.string() + "' > '" + stdout_file.string() + "' 2> '" +
                          (root_ / "chromium.log").string() + "'";
    return std::system(command.c_str());
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

  if (const char* keep = std::getenv("CORPUSFLOW_REPORT_SCREENSHOT")) fs::copy_file(screenshot, keep, fs::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace corpusflow
