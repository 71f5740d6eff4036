// extract mode on made-up pages: the article is kept, page furniture around and inside it is not, in scripts
// with and without spaces between words; and the hints that class, id and role names give.
#include "stages/html/main_content.h"

#include <gtest/gtest.h>

#include <string>

#include "stages/html/html_hints.h"
#include "stages/html/html_text.h"

namespace corpusflow {
namespace {

std::string paragraphs(const std::string& sentence, int count, int first = 0) {
  std::string out;
  for (int i = first; i < first + count; ++i) out += "<p>" + sentence + " (" + std::to_string(i) + ")</p>\n";
  return out;
}

// A news page: header with menu, cookie banner, the article with share buttons, a byline and a related-links
// box inside, a sidebar, comments and a footer.
std::string news_page(const std::string& sentence) {
  return "<html lang='en'><head><title>The headline of the story | Example News</title></head><body>"
         "<div id='cookie-banner'><p>We use cookies to improve your experience. By using this site, you agree.</p>"
         "<button>Accept</button></div>"
         "<header class='site-header'><ul class='menu'><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
         "<li><a href='/s'>Sports</a></li><li><a href='/b'>Business</a></li></ul></header>"
         "<main><article><h1>The headline of the story</h1><div class='byline'>By A. Writer</div>"
         "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Tweet this</a></div>"
         "<div class='article-body'>" +
         paragraphs(sentence, 6) + "<h2>A sub-heading inside the article</h2>" + paragraphs(sentence, 4, 6) +
         "<aside class='related'><h3>Related stories</h3><ul><li><a href='/1'>Another story about something that "
         "happened</a></li><li><a href='/2'>Yet another story, with a long linked title, that happened</a></li></ul>"
         "</aside></div></article></main>"
         "<div class='sidebar'><h3>Most read</h3><p>Sidebar text that is long enough to look like a sentence, "
         "with commas, and a full stop.</p></div>"
         "<section id='comments'><p>First comment: this is a long comment that is written as a sentence, really.</p>"
         "</section>"
         "<footer><p>Copyright 2019 Example News. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
         "</body></html>";
}

TEST(MainContent, KeepsTheArticleDropsTheFurniture) {
  const HtmlText result = extract_html(
      news_page("The article says something, and it says it in a long sentence with words."), HtmlMode::extract);
  EXPECT_EQ(result.title, "The headline of the story | Example News");
  EXPECT_NE(result.text.find("The article says something, and it says it in a long sentence with words. (0)"),
            std::string::npos);
  EXPECT_NE(result.text.find("(9)"), std::string::npos);
  EXPECT_NE(result.text.find("A sub-heading inside the article"), std::string::npos);
  for (const char* furniture :
       {"cookies", "Accept", "Home", "Sports", "headline of the story", "By A. Writer", "Share on Facebook",
        "Related stories", "Another story", "Sidebar text", "First comment", "Copyright", "Privacy"}) {
    EXPECT_EQ(result.text.find(furniture), std::string::npos) << furniture;
  }
  EXPECT_TRUE(result.text.starts_with("The article says something"));
}

TEST(MainContent, TextModeKeepsEverything) {
  const HtmlText result = extract_html(
      news_page("The article says something, and it says it in a long sentence with words."), HtmlMode::text);
  for (const char* text : {"cookies", "Home", "headline of the story", "Share on Facebook", "Another story",
                           "Sidebar text", "First comment", "Copyright", "(9)"}) {
    EXPECT_NE(result.text.find(text), std::string::npos) << text;
  }
}

TEST(MainContent, ScriptsWithoutSpacesBetweenWords) {
  // Chinese, Japanese and Thai sentences: no spaces, their own punctuation (or none, in Thai).
  for (const std::string sentence : {
           "\xE4\xBB\x8A\xE5\xA4\xA9\xE7\x9A\x84\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xEF\xBC\x8C\xE6\x88"
           "\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE6\x95\xA3\xE6\xAD\xA5\xE4\xBA\x86\xE3\x80\x82",
           "\xE4\xBB\x8A\xE6\x97\xA5\xE3\x81\xAF\xE5\xA4\xA9\xE6\xB0\x97\xE3\x81\x8C\xE3\x81\x84\xE3\x81\x84\xE3\x81"
           "\xAE\xE3\x81\xA7\xE3\x80\x81\xE5\x85\xAC\xE5\x9C\x92\xE3\x82\x92\xE6\x95\xA3\xE6\xAD\xA9\xE3\x81\x97\xE3"
           "\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82",
           "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9\x89\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8"
           "\x81\xE0\xB8\xB2\xE0\xB8\xA8\xE0\xB8\x94\xE0\xB8\xB5\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB8\x81\xE0\xB9\x80\xE0"
           "\xB8\xA3\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x9B\xE0\xB9\x80\xE0\xB8\x94\xE0\xB8\xB4\xE0\xB8\x99\xE0\xB9\x80"
           "\xE0\xB8\xA5\xE0\xB9\x88\xE0\xB8\x99\xE0\xB9\x83\xE0\xB8\x99\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\x99\xE0\xB8"
           "\xAA\xE0\xB8\xB2\xE0\xB8\x98\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x93\xE0\xB8\xB0\xE0\xB8\x81\xE0\xB8\xB1\xE0"
           "\xB8\x99\xE0\xB8\x97\xE0\xB8\xB1\xE0\xB9\x89\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xAD\xE0\xB8\x9A"
           "\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB8\xA7",
       }) {
    const HtmlText result = extract_html(news_page(sentence), HtmlMode::extract);
    EXPECT_NE(result.text.find(sentence + " (0)"), std::string::npos) << sentence;
    EXPECT_NE(result.text.find(sentence + " (9)"), std::string::npos) << sentence;
    for (const char* furniture :
         {"cookies", "Sports", "Share on Facebook", "Another story", "Sidebar text", "First comment", "Copyright"}) {
      EXPECT_EQ(result.text.find(furniture), std::string::npos) << furniture << " with " << sentence;
    }
  }
}

TEST(MainContent, ArabicArticleInsideALinkHeavyPage) {
  const std::string sentence =
      "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84"
      "\xD8\xA7\xD8\xAC\xD8\xAA\xD9\x85\xD8\xA7\xD8\xB9 \xD8\xB3\xD9\x8A\xD8\xB9\xD9\x82\xD8\xAF \xD8\xBA\xD8\xAF"
      "\xD8\xA7\xD8\x8C \xD9\x88\xD8\xB3\xD9\x8A\xD9\x86\xD8\xA7\xD9\x82\xD8\xB4 \xD8\xA7\xD9\x84\xD9\x85\xD9\x84"
      "\xD9\x81\xD8\xA7\xD8\xAA \xD9\x83\xD9\x84\xD9\x87\xD8\xA7.";
  std::string links;
  for (int i = 0; i < 60; ++i) links += "<li><a href='/" + std::to_string(i) + "'>" + sentence + "</a></li>";
  const std::string html = "<html lang='ar' dir='rtl'><body><div><ul>" + links + "</ul></div><div>" +
                           paragraphs(sentence, 5) + "</div><div><ul>" + links + "</ul></div></body></html>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_EQ(result.language_hint, "ar");
  EXPECT_NE(result.text.find(sentence + " (0)"), std::string::npos);
  EXPECT_NE(result.text.find(sentence + " (4)"), std::string::npos);
  EXPECT_EQ(result.text.find("(5)"), std::string::npos);
  EXPECT_EQ(result.text.find("\n" + sentence + "\n"), std::string::npos);  // no link-list entry
}

TEST(MainContent, ArticleSplitAcrossSiblingsIsKeptWhole) {
  const std::string sentence = "A long sentence of the article, with a comma and a full stop at its end.";
  const std::string html = "<body><div class='wrapper'><div class='part'>" + paragraphs(sentence, 4) +
                           "</div><div class='ad-slot'><p>Advertisement</p></div><div class='part'>" +
                           paragraphs("Second half of the article, which goes on with more words.", 4) +
                           "</div></div><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_NE(result.text.find(sentence + " (0)"), std::string::npos);
  EXPECT_NE(result.text.find("Second half of the article, which goes on with more words. (3)"), std::string::npos);
  EXPECT_EQ(result.text.find("Advertisement"), std::string::npos);
}

TEST(MainContent, AWrapperNamedLikeFurnitureIsNotDropped) {
  const std::string html = "<body><div class='content-with-sidebar'><article>" +
                           paragraphs("The whole article lives in a wrapper whose name says sidebar.", 5) +
                           "</article><div class='sidebar'><a href='/x'>Other</a></div></div></body>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_NE(result.text.find("The whole article lives in a wrapper whose name says sidebar. (4)"), std::string::npos);
}

TEST(MainContent, TeaserListsAfterTheArticleAreDropped) {
  std::string teasers;
  for (int i = 0; i < 5; ++i) {
    teasers += "<div class='card'><h3><a href='/story" + std::to_string(i) +
               "'>The linked title of another story number " + std::to_string(i) +
               "</a></h3><p>The excerpt of that other story, long enough to read as a sentence.</p>"
               "</div>";
  }
  const std::string html = "<body><div class='column'><article>" +
                           paragraphs("The article itself, written in sentences that go on and on, with commas.", 8) +
                           "</article><div class='more'>" + teasers + "</div></div></body>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_NE(result.text.find("with commas. (7)"), std::string::npos);
  EXPECT_EQ(result.text.find("excerpt of that other story"), std::string::npos) << result.text;
  EXPECT_EQ(result.text.find("linked title"), std::string::npos);
}

TEST(MainContent, LinksSetInsideASentenceDoNotSinkIt) {
  // A tooltip of links inside the paragraph (a person's latest articles): the tooltip goes, the sentence stays.
  const std::string tooltip =
      "<span class='card'><a href='/p'>Jane Doe</a> <a href='/1'>The first headline of her other articles, a long one"
      "</a> <a href='/2'>The second headline of her other articles, also long</a></span>";
  std::string article;
  for (int i = 0; i < 6; ++i) {
    article += "<p>Senator " + tooltip + " said on day " + std::to_string(i) +
               " that the bill, which passed, would change the rules for everyone.</p>";
  }
  const std::string html = "<body><div class='content'>" + article + "</div><div class='other'>" +
                           paragraphs("Some unrelated text elsewhere, in a sentence of its own.", 2) + "</div></body>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_NE(result.text.find("said on day 5 that the bill, which passed, would change the rules for everyone."),
            std::string::npos)
      << result.text;
  EXPECT_EQ(result.text.find("headline of her other articles"), std::string::npos);
}

TEST(MainContent, PagesOfShortTextsKeepThem) {
  EXPECT_EQ(extract_html("<p>Hello</p>", HtmlMode::extract).text, "Hello");
  EXPECT_EQ(extract_html("<ul><li>milk</li><li>eggs</li></ul>", HtmlMode::extract).text, "milk\neggs");
}

TEST(MainContent, ListsAndTablesInsideTheArticleStay) {
  const std::string html = "<body><nav><a href='/'>Home</a></nav><article>" +
                           paragraphs("The article introduces a list and a table, in full sentences.", 3) +
                           "<ul><li>first point of the list</li><li>second point of the list</li></ul>"
                           "<table><tr><td>cell one</td><td>cell two</td></tr></table>" +
                           paragraphs("And it ends with more sentences, as articles do.", 3) + "</article></body>";
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_NE(result.text.find("\n\nfirst point of the list\nsecond point of the list\n\ncell one\tcell two\n\n"),
            std::string::npos)
      << result.text;
  EXPECT_EQ(result.text.find("Home"), std::string::npos);
}

TEST(HtmlHints, ClassAndIdNames) {
  using namespace html;
  EXPECT_EQ(hints_of_names("post-comments"), kHintBoilerplate | kHintContent);
  EXPECT_EQ(hints_of_names("relatedPosts"), kHintBoilerplate);  // `post` counts as a whole part only
  EXPECT_EQ(hints_of_names("nav main-nav"), kHintBoilerplate | kHintContent);
  EXPECT_EQ(hints_of_names("canvas shadow header-ad"), kHintBoilerplate | kHintMaybeBoilerplate);
  EXPECT_EQ(hints_of_names("article-body"), kHintContent);
  EXPECT_EQ(hints_of_names("entry-meta"), kHintMaybeBoilerplate | kHintContent);
  EXPECT_EQ(hints_of_names("sr-only"), kHintHidden);
  EXPECT_EQ(hints_of_names("col-md-8 clearfix"), kHintNone);
  EXPECT_EQ(hints_of_names(""), kHintNone);
  EXPECT_EQ(hints_of_names(std::string(1000, 'x') + "comment"), kHintNone);  // only the first 64 bytes count
}

TEST(HtmlHints, RolesItempropAndHiddenAttributes) {
  using namespace html;
  EXPECT_EQ(hints_of({.role = " Navigation "}), kHintBoilerplate);
  EXPECT_EQ(hints_of({.role = "main"}), kHintContent);
  EXPECT_EQ(hints_of({.itemprop = "articleBody"}), kHintContent);
  EXPECT_EQ(hints_of({.style = "color: red; DISPLAY : NONE"}), kHintHidden);
  EXPECT_EQ(hints_of({.style = "display: block"}), kHintNone);
  EXPECT_EQ(hints_of({.hidden = true}), kHintHidden);
  EXPECT_EQ(hints_of({.aria_hidden = true}), kHintHidden);
}

}  // namespace
}  // namespace corpusflow

namespace corpusflow {
namespace {

// An encyclopedia page: a notice box with one long sentence, an info box of linked cells, then prose whose words
// are mostly links, split by headings with "[edit | source]" links. The notice does not win over the article,
// the linked prose is kept, the edit links and the info box are not.
TEST(MainContent, NoticeBoxDoesNotWinOverLinkedProseWithHeadings) {
  const std::string linked =
      "<p>Alpha is a <a href='/m'>small town</a> of the <a href='/p'>northern province</a>, in the "
      "<a href='/r'>coastal region</a> of <a href='/c'>Examplestan</a>, near <a href='/b'>the big river</a>.</p>";
  std::string page =
      "<html><body><div class='menu'><a href='/'>Main page</a> <a href='/x'>Random page</a></div><div>"
      "<table><tr><td>This article is being rewritten to follow the house style; you can help by editing it "
      "and removing this notice when the work is done, thank you.</td></tr></table>"
      "<table><tr><td><a href='/s'>State</a></td><td><a href='/e'>Examplestan</a></td></tr>"
      "<tr><td><a href='/a'>Area</a></td><td><a href='/k'>19 square kilometres</a></td></tr></table>";
  for (int i = 0; i < 4; ++i) {
    page += "<h2>Section " + std::to_string(i) +
            "<span>[<a href='/e1'>edit</a> | <a href='/e2'>edit source</a>]</span></h2>" + linked;
  }
  page += "</div></body></html>";
  const HtmlText result = extract_html(page, HtmlMode::extract);
  EXPECT_NE(result.text.find("Alpha is a small town of the northern province"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("Section 3"), std::string::npos) << result.text;
  EXPECT_EQ(result.text.find("edit source"), std::string::npos) << result.text;
  EXPECT_EQ(result.text.find("square kilometres"), std::string::npos) << result.text;
  EXPECT_EQ(result.text.find("Random page"), std::string::npos) << result.text;
}

}  // namespace
}  // namespace corpusflow
