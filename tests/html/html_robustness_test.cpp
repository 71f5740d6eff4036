// What no page can do to extract_html: crash it, overflow its stack, make it throw, or make it quadratic.
// Deep nesting, huge attributes and text, broken and truncated markup, pages without a body or with only scripts,
// invalid UTF-8 and NUL bytes.
#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"
#include "stages/html/html_text.h"
#include "stages/html/page_title.h"

namespace corpusflow {
namespace {

std::string repeated(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

void expect_clean(const HtmlText& result) {
  EXPECT_TRUE(is_valid_utf8(result.text));
  EXPECT_TRUE(is_valid_utf8(result.title));
  EXPECT_EQ(result.text.find('\0'), std::string::npos);
}

class DeepNesting : public ::testing::TestWithParam<std::string> {};

// Text that is all link text is a link list to extract mode, so <a> is checked in text mode only.
TEST_P(DeepNesting, HundredThousandLevelsKeepTheTextInside) {
  const std::string& tag = GetParam();
  const std::string html = "<html><body>" + repeated("<" + tag + ">", 100000) +
                           "The deepest sentence of the page, with words and punctuation." +
                           repeated("</" + tag + ">", 100000) + "</body></html>";
  for (const HtmlMode mode : {HtmlMode::extract, HtmlMode::text}) {
    if (tag == "a" && mode == HtmlMode::extract) continue;
    const HtmlText result = extract_html(html, mode);
    expect_clean(result);
    EXPECT_NE(result.text.find("The deepest sentence of the page"), std::string::npos) << tag << " " << to_string(mode);
  }
}

TEST_P(DeepNesting, UnclosedLevelsAreClosedAtTheEnd) {
  const std::string html = repeated("<" + GetParam() + " class='content'>", 100000) + "Unclosed but kept.";
  const HtmlText result = extract_html(html, GetParam() == "a" ? HtmlMode::text : HtmlMode::extract);
  expect_clean(result);
  EXPECT_NE(result.text.find("Unclosed but kept."), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Tags, DeepNesting, ::testing::Values("div", "b", "span", "table", "ul", "blockquote", "a"));

TEST(HtmlRobustness, AlternatingDeepBlocksAndLists) {
  const std::string html = repeated("<div><ul><li><p><table><tr><td>", 20000) + "cell text";
  const HtmlText result = extract_html(html, HtmlMode::text);
  expect_clean(result);
  EXPECT_NE(result.text.find("cell text"), std::string::npos);
}

TEST(HtmlRobustness, HugeAttributesAreSkipped) {
  const std::string value(10 * 1024 * 1024, 'v');
  const std::string html = "<html lang='" + value + "'><head><title>T</title><meta property='og:title' content='" +
                           std::string(3000, 'o') + "'></head><body><div class='" + value + "' data-x=\"" + value +
                           "\"><p>Text after huge attributes.</p></div></body></html>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  expect_clean(result);
  EXPECT_EQ(result.text, "Text after huge attributes.");
  EXPECT_EQ(result.language_hint, "");                   // not a language tag
  EXPECT_LE(result.title.size(), html::kMaxTitleBytes);  // an over-long title is cut
}

TEST(HtmlRobustness, HugeTextNode) {
  const std::string words = repeated("word ", 2 * 1024 * 1024);
  const HtmlText result = extract_html("<p>" + words + "</p>", HtmlMode::extract);
  EXPECT_EQ(result.text.size(), words.size() - 1);
}

TEST(HtmlRobustness, NoBodyNoHtmlJustText) {
  EXPECT_EQ(extract_html("Just a line of text, no markup at all.", HtmlMode::extract).text,
            "Just a line of text, no markup at all.");
  EXPECT_EQ(extract_html("<title>Only a title</title>", HtmlMode::extract).text, "");
  EXPECT_EQ(extract_html("<title>Only a title</title>", HtmlMode::extract).title, "Only a title");
  EXPECT_EQ(extract_html("<head><meta charset=utf-8></head>", HtmlMode::text).text, "");
}

TEST(HtmlRobustness, EmptyAndWhitespaceOnly) {
  for (const HtmlMode mode : {HtmlMode::extract, HtmlMode::text}) {
    EXPECT_EQ(extract_html("", mode).text, "");
    EXPECT_EQ(extract_html(" \n\t ", mode).text, "");
    EXPECT_EQ(extract_html("<html><body></body></html>", mode).text, "");
  }
}

TEST(HtmlRobustness, OnlyScripts) {
  const std::string html =
      "<html><head><script>var x = 1;</script></head><body><script src='a.js'></script>"
      "<script>for (i = 0; i < 10; i++) document.write('<p>' + i + '</p>');</script></body></html>";
  EXPECT_EQ(extract_html(html, HtmlMode::text).text, "");
  EXPECT_EQ(extract_html(html, HtmlMode::extract).text, "");
}

TEST(HtmlRobustness, UnclosedScriptStyleAndCommentSwallowTheRest) {
  EXPECT_EQ(extract_html("<p>before</p><script>var s = '<p>never</p>';", HtmlMode::text).text, "before");
  EXPECT_EQ(extract_html("<p>before</p><style>p { }", HtmlMode::text).text, "before");
  EXPECT_EQ(extract_html("<p>before</p><!-- <p>commented out</p>", HtmlMode::text).text, "before");
}

TEST(HtmlRobustness, ScriptEndsOnlyAtItsOwnEndTag) {
  EXPECT_EQ(extract_html("<script>a = '</div></scripts>';</SCRIPT ><p>after</p>", HtmlMode::text).text, "after");
}

TEST(HtmlRobustness, BrokenMarkupIsRecovered) {
  const std::string html =
      "<html><body><div><p>First <b>bold <i>both</b> italic</i> paragraph.<p>Second paragraph."
      "</div></span></table><li>stray item<td>stray cell</td><p>Unterminated <a href='x'>link"
      "<p>Last &bogus; &amp paragraph &#xZZ; &#99999999;</p><p attr='unterminated>as in a browser, the rest is "
      "inside the tag</p><p>never seen</p><";
  const HtmlText result = extract_html(html, HtmlMode::text);
  expect_clean(result);
  EXPECT_NE(result.text.find("First bold both italic paragraph."), std::string::npos);
  EXPECT_NE(result.text.find("Second paragraph."), std::string::npos);
  EXPECT_NE(result.text.find("stray item"), std::string::npos);
  EXPECT_NE(result.text.find("Unterminated link"), std::string::npos);
  EXPECT_NE(result.text.find("Last &bogus; &amp paragraph"), std::string::npos);  // no `;`: not a reference
  EXPECT_EQ(result.text.find("never seen"), std::string::npos);
  EXPECT_EQ(result.text.find('<'), std::string::npos);
}

TEST(HtmlRobustness, InvalidUtf8IsRepairedNotReadAsLatin1) {
  const std::string html = "<p>bad \xFF\xFE byte then caf\xC3\xA9 and \xE2\x82 cut</p>";
  const HtmlText result = extract_html(html, HtmlMode::text);
  expect_clean(result);
  EXPECT_EQ(result.text, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte then caf\xC3\xA9 and \xEF\xBF\xBD cut");
}

TEST(HtmlRobustness, NulBytesAreDropped) {
  const std::string html("\0\0\0<p>te\0xt</p>", 15);
  const HtmlText result = extract_html(html, HtmlMode::text);
  expect_clean(result);
  EXPECT_EQ(result.text, "text");
}

TEST(HtmlRobustness, ManySiblingsAreLinear) {
  const std::string html = "<ul>" + repeated("<li><a href='/x'>item</a></li>", 200000) + "</ul>";
  const HtmlText result = extract_html(html, HtmlMode::text);
  EXPECT_EQ(result.text.size(), 200000 * 5 - 1);
}

}  // namespace
}  // namespace corpusflow
