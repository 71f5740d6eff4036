// drop_raw_text: what it drops before parsing (comments, script and style content) and what it must keep.
#include "stages/html/raw_text_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace corpusflow::html {
namespace {

std::string filtered(const std::string& html) {
  std::string out;
  return std::string(drop_raw_text(html, out));
}

TEST(RawTextFilter, NothingToDropReturnsTheInputItself) {
  const std::string html = "<p>a < b and <scripts> are not scripts</p>";
  std::string out = "untouched";
  EXPECT_EQ(drop_raw_text(html, out).data(), html.data());
  EXPECT_EQ(out, "untouched");
}

TEST(RawTextFilter, DropsCommentsAndRawTextKeepsTags) {
  EXPECT_EQ(filtered("a<!-- c -->b<script type='x'>if (a < b) x = '</p>';</script>c<STYLE>p{}</Style >d"),
            "ab<script type='x'></script>c<STYLE></Style >d");
}

TEST(RawTextFilter, UnclosedOnesRunToTheEnd) {
  EXPECT_EQ(filtered("a<!-- open"), "a");
  EXPECT_EQ(filtered("a<script>open"), "a<script>");
  EXPECT_EQ(filtered("a<script"), "a<script");
}

TEST(RawTextFilter, CommentInsideScriptIsScript) {
  EXPECT_EQ(filtered("<script><!-- x --></script><p>y</p>"), "<script></script><p>y</p>");
  EXPECT_EQ(filtered("<!-- <script> -->z"), "z");
}

}  // namespace
}  // namespace corpusflow::html
