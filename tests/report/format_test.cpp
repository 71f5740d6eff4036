#include "engine/report/format.h"

#include <gtest/gtest.h>

#include "engine/report/text_table.h"

namespace corpusflow {
namespace {

TEST(Format, Numbers) {
  EXPECT_EQ(format::count(0), "0");
  EXPECT_EQ(format::count(999), "999");
  EXPECT_EQ(format::count(1000), "1,000");
  EXPECT_EQ(format::count(31523), "31,523");
  EXPECT_EQ(format::count(1234567890), "1,234,567,890");
  EXPECT_EQ(format::fixed(1234.56, 1), "1,234.6");
  EXPECT_EQ(format::fixed(-1234.5, 0), "-1,234");
  EXPECT_EQ(format::percent(12.345), "12.3%");
  EXPECT_EQ(format::percent(100), "100.0%");
  EXPECT_EQ(format::percent(0.01), "<0.1%");
  EXPECT_EQ(format::percent(0), "0.0%");
  EXPECT_DOUBLE_EQ(format::share(1, 4), 25.0);
  EXPECT_DOUBLE_EQ(format::share(1, 0), 0.0);
  EXPECT_EQ(format::compact(950), "950");
  EXPECT_EQ(format::compact(1200), "1.2k");
  EXPECT_EQ(format::compact(2'500'000), "2.5M");
  EXPECT_EQ(format::compact(20'000), "20k");
}

TEST(Format, BytesAndSeconds) {
  EXPECT_EQ(format::bytes(0), "0 B");
  EXPECT_EQ(format::bytes(999), "999 B");
  EXPECT_EQ(format::bytes(1234), "1.23 kB");
  EXPECT_EQ(format::bytes(19'000'000), "19.0 MB");
  EXPECT_EQ(format::bytes(3'400'000'000), "3.40 GB");
  EXPECT_EQ(format::bytes(999'960), "1.00 MB");
  EXPECT_EQ(format::seconds(0.4213), "0.42 s");
  EXPECT_EQ(format::seconds(12.34), "12.3 s");
  EXPECT_EQ(format::seconds(185), "3 min 05 s");
  EXPECT_EQ(format::seconds(3725), "1 h 02 min");
  EXPECT_EQ(format::seconds(-1), "-");
}

TEST(Format, DisplayWidthAndTruncation) {
  EXPECT_EQ(format::display_width("host"), 4u);
  EXPECT_EQ(format::display_width("مصر"), 3u);
  EXPECT_EQ(format::display_width("مُصْر"), 3u);  // harakat take no column
  EXPECT_EQ(format::display_width("中文"), 4u);
  EXPECT_EQ(format::display_width("\xFF\xFE"), 2u);
  EXPECT_EQ(format::truncate("abcdef", 4), "abc…");
  EXPECT_EQ(format::truncate("abc", 4), "abc");
  EXPECT_EQ(format::display_width(format::truncate("中文中文", 5)), 5u);
  EXPECT_EQ(format::truncate("الأمم المتحدة", 6), "الأمم…");
  EXPECT_EQ(format::truncate_left("/data/ant/ant-00000.tar.zst", 18), "…ant-00000.tar.zst");
  EXPECT_EQ(format::truncate_left("short", 18), "short");
}

TEST(TextTable, AlignsColumnsByDisplayWidth) {
  TextTable table("Hosts", {{"host", TextTable::Align::left}, {"documents"}});
  table.add_row({"أخبار.مصر", "1,234"});
  table.add_row({"www.bbc.com", "5"});
  table.add_row({"中文.cn", "12,345,678"});
  std::string text = table.render();
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "Hosts");
  size_t width = format::display_width(lines[1]);
  for (size_t i = 2; i < lines.size(); ++i) EXPECT_EQ(format::display_width(lines[i]), width) << lines[i];
  EXPECT_TRUE(lines[4].ends_with("12,345,678"));
  EXPECT_TRUE(lines[3].ends_with("         5"));
}

}  // namespace
}  // namespace corpusflow
