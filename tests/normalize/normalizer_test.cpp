#include "stages/normalize/normalizer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>

#include "normalize/sample_data.h"

namespace corpusflow {
namespace {

// The parser's split of a scraped page: header line dropped, title = first non-empty line, text = the rest.
Document scraped_page(const std::string& page) {
  Document doc;
  size_t position = page.find('\n');
  position = position == std::string::npos ? page.size() : position + 1;
  while (position < page.size()) {
    size_t end = page.find('\n', position);
    if (end == std::string::npos) end = page.size();
    if (end > position) {
      doc.title = page.substr(position, end - position);
      doc.text = end < page.size() ? page.substr(end + 1) : "";
      break;
    }
    position = end + 1;
  }
  return doc;
}

std::string golden_path(const std::string& name) {
  return std::string(CORPUSFLOW_SOURCE_DIR) + "/tests/normalize/golden/" + name;
}

// Compares with the checked-in golden file; CORPUSFLOW_UPDATE_GOLDEN=1 rewrites it instead.
void expect_golden(const std::string& name, const std::string& actual) {
  if (std::getenv("CORPUSFLOW_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path(name), std::ios::binary) << actual;
    return;
  }
  std::ifstream in(golden_path(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << golden_path(name);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "golden " << name;
}

[[maybe_unused]] Document normalized(std::string text, std::string title = "", NormalizeOptions options = {}) {
  Document doc;
  doc.title = std::move(title);
  doc.text = std::move(text);
  Normalizer normalizer(options);
  normalizer.normalize(doc);
  return doc;
}

TEST(Normalizer, SeedPageComesOutOnceAndClean) {
  Document doc = scraped_page(testing::read_file(testing::sample_path("000_c591a7c62088d57a.txt")));
  Normalizer normalizer;
  normalizer.normalize(doc);
  ASSERT_FALSE(doc.rejected()) << doc.reject_detail;
  expect_golden("seed_title.txt", doc.title + "\n");
  expect_golden("seed_text.txt", doc.text + "\n");
  EXPECT_EQ(doc.language, "ar");
  EXPECT_EQ(doc.script, "Arab");
  EXPECT_EQ(doc.lines, 5u);
  EXPECT_EQ(doc.normalize.lines_removed, 7u);
  EXPECT_GT(doc.normalize.bytes_removed, 1500u);
  EXPECT_GT(doc.words, 100u);
}

}  // namespace
}  // namespace corpusflow
