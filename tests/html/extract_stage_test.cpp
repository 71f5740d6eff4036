// The extract stage on a batch: which documents it changes and how (text, title, language hint, markup).
#include "stages/html/extract_stage.h"

#include <gtest/gtest.h>

namespace corpusflow {
namespace {

Document html_document(std::string html, std::string title = "") {
  Document doc;
  doc.text = std::move(html);
  doc.title = std::move(title);
  doc.markup = Markup::html;
  return doc;
}

const char* const kPage =
    "<html lang='fr'><head><title>Le titre</title></head><body><nav><a href='/'>Accueil</a></nav>"
    "<p>Une phrase assez longue de l'article, avec des mots et une virgule.</p></body></html>";

TEST(ExtractStage, TurnsHtmlDocumentsIntoText) {
  Batch batch;
  batch.documents.push_back(html_document(kPage));
  batch.documents.push_back(html_document(kPage, "A title from the input"));
  ExtractStage stage({});
  stage.process(batch);
  const Document& first = batch.documents[0];
  EXPECT_EQ(first.text, "Une phrase assez longue de l'article, avec des mots et une virgule.");
  EXPECT_EQ(first.title, "Le titre");
  EXPECT_EQ(first.language_hint, "fr");
  EXPECT_EQ(first.markup, Markup::none);
  EXPECT_EQ(batch.documents[1].title, "A title from the input");
  EXPECT_EQ(batch.documents[1].text, first.text);
}

TEST(ExtractStage, LeavesPlainTextAndRejectedDocumentsAlone) {
  Batch batch;
  Document plain;
  plain.text = "<p>plain text that only looks like markup</p>";
  batch.documents.push_back(plain);
  Document rejected = html_document(kPage);
  rejected.reject(RejectReason::empty, "test");
  batch.documents.push_back(rejected);
  ExtractStage stage({});
  stage.process(batch);
  EXPECT_EQ(batch.documents[0].text, plain.text);
  EXPECT_EQ(batch.documents[1].text, kPage);
  EXPECT_EQ(batch.documents[1].markup, Markup::html);
}

TEST(ExtractStage, EmptyResultIsLeftForNormalize) {
  Batch batch;
  batch.documents.push_back(html_document("<script>only()</script>"));
  ExtractStage stage({});
  stage.process(batch);
  EXPECT_EQ(batch.documents[0].text, "");
  EXPECT_FALSE(batch.documents[0].rejected());
  EXPECT_EQ(batch.documents[0].markup, Markup::none);
}

TEST(ExtractStage, Modes) {
  Batch batch;
  batch.documents.push_back(html_document(kPage));
  batch.documents.push_back(html_document(kPage));
  ExtractStage({HtmlMode::text}).process(batch);
  EXPECT_EQ(batch.documents[0].text, "Accueil\n\nUne phrase assez longue de l'article, avec des mots et une virgule.");
  Batch raw;
  raw.documents.push_back(html_document(kPage));
  ExtractStage({HtmlMode::raw}).process(raw);
  EXPECT_EQ(raw.documents[0].text, kPage);
  EXPECT_EQ(raw.documents[0].markup, Markup::none);
  EXPECT_EQ(raw.documents[0].title, "");
}

TEST(ExtractStage, KeepsAHintFromEarlierWhenThePageDeclaresNone) {
  Batch batch;
  Document doc = html_document("<p>Texte sans langue déclarée.</p>");
  doc.language_hint = "fr";
  batch.documents.push_back(doc);
  ExtractStage({}).process(batch);
  EXPECT_EQ(batch.documents[0].language_hint, "fr");
}

}  // namespace
}  // namespace corpusflow
