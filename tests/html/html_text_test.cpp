// extract_html's text layout in text mode (all visible text): blocks, line breaks, lists, tables, entities,
// whitespace, what is never text, the title and the language hint.
#include "stages/html/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace corpusflow {
namespace {

std::string visible_text(const std::string& html) { return extract_html(html, HtmlMode::text).text; }

TEST(HtmlText, ParagraphsAreSeparatedByABlankLine) {
  EXPECT_EQ(visible_text("<body><p>One.</p><p>Two.</p><div>Three.</div><h2>Four</h2></body>"),
            "One.\n\nTwo.\n\nThree.\n\nFour");
}

TEST(HtmlText, BreakIsALineBreakInsideTheBlock) {
  EXPECT_EQ(visible_text("<p>first line<br>second line<br/>third</p><p>next</p>"),
            "first line\nsecond line\nthird\n\nnext");
}

TEST(HtmlText, WhitespaceIsCollapsedAsABrowserShowsIt) {
  EXPECT_EQ(visible_text("<p>  many \n\t spaces&nbsp;&nbsp;here  </p>\n\n\n<p>\n x </p>"), "many spaces here\n\nx");
}

TEST(HtmlText, InlineElementsDoNotSplitWords) {
  EXPECT_EQ(visible_text("<p>un<b>break</b>able <i>and</i> <a href='#'>linked</a></p>"), "unbreakable and linked");
}

TEST(HtmlText, ListItemsAreOneALine) {
  EXPECT_EQ(visible_text("<p>Before</p><ul><li>apples</li><li>pears <b>and</b> plums</li></ul><ol><li>one<li>two</ol>"),
            "Before\n\napples\npears and plums\n\none\ntwo");
}

TEST(HtmlText, TableRowsAreLinesAndCellsAreSeparatedByATab) {
  EXPECT_EQ(visible_text("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr>"
                         "<tr><td>Bob</td><td></td><td>x</td></tr></table><p>after</p>"),
            "Name\tAge\nAnn\t31\nBob\tx\n\nafter");
}

TEST(HtmlText, DefinitionListsAndQuotes) {
  EXPECT_EQ(visible_text("<dl><dt>term</dt><dd>meaning</dd></dl><blockquote>quoted</blockquote>"),
            "term\nmeaning\n\nquoted");
}

TEST(HtmlText, PreKeepsItsLineBreaks) {
  EXPECT_EQ(visible_text("<pre>line one\n  line two\n\nline four</pre>"), "line one\nline two\nline four");
}

TEST(HtmlText, EntitiesAreDecoded) {
  EXPECT_EQ(visible_text("<p>&lt;tag&gt; &amp; &quot;q&quot; &eacute;t&eacute; &#8364; &#x20AC; &copy; &mdash;</p>"),
            "<tag> & \"q\" \xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xE2\x82\xAC \xC2\xA9 \xE2\x80\x94");
}

TEST(HtmlText, ScriptsStylesCommentsAndFormControlsAreNeverText) {
  const std::string html =
      "<head><style>p { color: red }</style><script>var a = '<p>not text</p>';</script></head>"
      "<body><!-- a comment --><p>kept</p><noscript>enable JavaScript</noscript>"
      "<select><option>choice</option></select><button>Click</button><textarea>typed</textarea>"
      "<svg><text>drawn</text></svg><template><p>later</p></template><script>document.write('x')</script></body>";
  EXPECT_EQ(visible_text(html), "kept");
}

TEST(HtmlText, HiddenElementsAreNeverText) {
  const std::string html =
      "<p hidden>attribute</p><p style='display: none'>style</p><p style='Visibility:Hidden'>visibility</p>"
      "<p aria-hidden='true'>aria</p><span class='sr-only'>screen reader</span><p>shown</p>"
      "<p aria-hidden='false'>also shown</p>";
  EXPECT_EQ(visible_text(html), "shown\n\nalso shown");
}

TEST(HtmlText, TitleComesFromOpenGraphThenTitleThenH1) {
  EXPECT_EQ(extract_html("<head><meta property='og:title' content=' The  OG title '><title>Page | Site</title></head>"
                         "<h1>Heading</h1>",
                         HtmlMode::text)
                .title,
            "The OG title");
  EXPECT_EQ(extract_html("<title>\n  Page &amp; more | Site </title><h1>Heading</h1>", HtmlMode::text).title,
            "Page & more | Site");
  EXPECT_EQ(extract_html("<body><h2>Sub</h2><h1>The  heading</h1><p>text</p></body>", HtmlMode::text).title,
            "The heading");
  EXPECT_EQ(extract_html("<h1>Two<br>lines\tand a tab</h1>", HtmlMode::text).title, "Two lines and a tab");
  EXPECT_EQ(extract_html("<p>no title</p>", HtmlMode::text).title, "");
}

TEST(HtmlText, TitleIsNotPartOfTheText) {
  EXPECT_EQ(visible_text("<html><head><title>The title</title></head><body><p>Body.</p></body></html>"), "Body.");
}

TEST(HtmlText, LanguageHintIsTheDeclaredLanguage) {
  EXPECT_EQ(extract_html("<html lang=' pt-BR '><p>x</p></html>", HtmlMode::text).language_hint, "pt-BR");
  EXPECT_EQ(extract_html("<html xml:lang='ru'><p>x</p></html>", HtmlMode::text).language_hint, "ru");
  EXPECT_EQ(extract_html("<head><meta http-equiv='content-language' content='de'></head><p>x</p>", HtmlMode::text)
                .language_hint,
            "de");
  EXPECT_EQ(extract_html("<html lang='en\"><script>'><p>x</p></html>", HtmlMode::text).language_hint, "");
  EXPECT_EQ(extract_html("<p>x</p>", HtmlMode::text).language_hint, "");
}

TEST(HtmlText, MetaCharsetIsIgnoredTheInputIsUtf8) {
  const std::string html =
      "<head><meta charset='iso-8859-1'><meta http-equiv='Content-Type' "
      "content='text/html; charset=windows-1251'></head><p>caf\xC3\xA9 \xD0\x96</p>";
  EXPECT_EQ(visible_text(html), "caf\xC3\xA9 \xD0\x96");
}

TEST(HtmlText, RawModeLeavesThePageUntouched) {
  const std::string html = "<html lang='en'><title>T</title><p>a &amp; b</p></html>";
  const HtmlText raw = extract_html(html, HtmlMode::raw);
  EXPECT_EQ(raw.text, html);
  EXPECT_EQ(raw.title, "");
  EXPECT_EQ(raw.language_hint, "");
}

TEST(HtmlText, ModeNames) {
  for (const HtmlMode mode : {HtmlMode::extract, HtmlMode::text, HtmlMode::raw}) {
    EXPECT_EQ(html_mode_from_name(to_string(mode)), mode);
  }
  EXPECT_FALSE(html_mode_from_name("main").has_value());
}

TEST(HtmlText, ExtractorReusedAcrossPagesGivesTheSameResults) {
  HtmlExtractor extractor;
  HtmlText first;
  HtmlText again;
  const std::string big = "<title>Big</title><p>" + std::string(10000, 'x') + "</p><ul><li>a</li></ul>";
  extractor.extract(big, HtmlMode::text, first);
  extractor.extract("<p>small</p>", HtmlMode::text, again);
  EXPECT_EQ(again.text, "small");
  EXPECT_EQ(again.title, "");
  extractor.extract(big, HtmlMode::text, again);
  EXPECT_EQ(again.text, first.text);
  EXPECT_EQ(again.title, "Big");
}

}  // namespace
}  // namespace corpusflow
