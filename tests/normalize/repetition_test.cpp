#include "stages/normalize/repetition.h"

#include <string>

#include <gtest/gtest.h>

#include "stages/normalize/normalizer.h"

namespace corpusflow {
namespace {

const std::string kLong1 = "This sentence is long enough to count as a long line on its own.";
const std::string kLong2 = "Another sentence that is also long enough to be a long line here.";
const std::string kLong3 = "A third, different sentence, again long enough to be a long line.";

Document repaired(std::string text, std::string title = "") {
  Document doc;
  doc.title = std::move(title);
  doc.text = std::move(text);
  Normalizer normalizer;
  normalizer.normalize(doc);
  return doc;
}

TEST(Repetition, RepeatedPageKeepsFirstCopyWithItsBlankLines) {
  const Document doc = repaired("A\nB\n\nC\n\nD\nA\nB\nC\nD");
  EXPECT_EQ(doc.text, "A\nB\n\nC\n\nD");
  EXPECT_EQ(doc.normalize.lines_removed, 4u);
  EXPECT_EQ(doc.normalize.bytes_removed, 8u);
  EXPECT_EQ(doc.lines, 4u);
}

TEST(Repetition, RepeatedPageMatchesOnFingerprintText) {
  // The second copy lacks punctuation, harakat and tatweel, and has different spacing.
  const Document doc = repaired("كِتَابٌ جميل.\nقرأتُ الكتابَ، أمس!\nكتاب جميل\nقرأت  الكتاب أمس");
  EXPECT_EQ(doc.text, "كِتَابٌ جميل.\nقرأتُ الكتابَ، أمس!");
}

TEST(Repetition, ThreeCopiesAndAPartialTail) { EXPECT_EQ(repaired("x\ny\nz\nx\ny\nz\nx\ny\nz\nx\ny").text, "x\ny\nz"); }

TEST(Repetition, SameLineTenThousandTimes) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "the same line again\n";
  const Document doc = repaired(text);
  EXPECT_EQ(doc.text, "the same line again");
  EXPECT_EQ(doc.normalize.lines_removed, 9999u);
  EXPECT_EQ(doc.normalize.bytes_removed, text.size() - 1 - doc.text.size());
  EXPECT_EQ(doc.lines, 1u);
  EXPECT_EQ(doc.words, 4u);
}

TEST(Repetition, LaterCopyOfARepeatedRunIsRemoved) {
  const Document doc = repaired("intro\nshort a\nshort b\nmiddle\n\nshort a\nshort b\nend");
  EXPECT_EQ(doc.text, "intro\nshort a\nshort b\nmiddle\n\nend");
  EXPECT_EQ(doc.normalize.lines_removed, 2u);
}

TEST(Repetition, LongRepeatedLineRemovedShortOneKept) {
  const Document doc = repaired("Yes.\n" + kLong1 + "\nfoo\nYes.\nbar\n" + kLong1);
  EXPECT_EQ(doc.text, "Yes.\n" + kLong1 + "\nfoo\nYes.\nbar");
  EXPECT_EQ(doc.normalize.lines_removed, 1u);
}

TEST(Repetition, TitleAtTopOfBodyIsRemoved) {
  const Document doc = repaired("The Title!\n\n" + kLong1 + "\n" + kLong2, "the title");
  EXPECT_EQ(doc.text, kLong1 + "\n" + kLong2);
  EXPECT_EQ(doc.title, "the title");
  EXPECT_EQ(doc.normalize.lines_removed, 1u);
  // A short title elsewhere in the body stays.
  EXPECT_EQ(repaired(kLong1 + "\nthe title", "the title").text, kLong1 + "\nthe title");
  // A long title repeated in the body goes.
  EXPECT_EQ(repaired(kLong2 + "\n" + kLong1 + "\n" + kLong3, kLong1).text, kLong2 + "\n" + kLong3);
}

TEST(Repetition, NothingRemovedWhenDisabledOrNotRepeated) {
  Document doc;
  doc.title = "A";
  doc.text = "A\nb\nA\nb";
  NormalizeOptions options;
  options.repair_repetition = false;
  Normalizer(options).normalize(doc);
  EXPECT_EQ(doc.text, "A\nb\nA\nb");
  EXPECT_EQ(doc.normalize.lines_removed, 0u);
  EXPECT_EQ(repaired("a\nb\nc\na\nd").text, "a\nb\nc\na\nd");
  EXPECT_EQ(repaired("a\nb\na").text, "a\nb\na");
}

TEST(Repetition, NestedRepeatsReachAFixedPoint) {
  // `p q` nested in 20 levels of `u_k ... v_k`: each removal exposes the next level, one round each.
  std::string text = "p\nq\n", later;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (int k = 0; k < 20; ++k) text += std::string("u") + letters[k] + "\nv" + letters[k] + "\n";
  for (int k = 0; k < 20; ++k) later += std::string("u") + letters[k] + "\n";
  later += "p\nq";
  for (int k = 19; k >= 0; --k) later += std::string("\nv") + letters[k];
  const Document doc = repaired(text + "end\n" + later);
  EXPECT_EQ(doc.text, text + "end");
  EXPECT_EQ(doc.normalize.lines_removed, 42u);
  EXPECT_EQ(repaired(doc.text).text, doc.text);
}

TEST(Repetition, RemovesDirectlyOnLines) {
  std::vector<TextLine> lines(5);
  const uint64_t keys[] = {7, 0, 8, 7, 8};
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].key = keys[i];
    lines[i].blank = keys[i] == 0;
  }
  EXPECT_EQ(remove_repetition(lines, 0, 0, {}), 2u);
  EXPECT_FALSE(lines[0].removed);
  EXPECT_FALSE(lines[2].removed);
  EXPECT_TRUE(lines[3].removed);
  EXPECT_TRUE(lines[4].removed);
}

}  // namespace
}  // namespace corpusflow
