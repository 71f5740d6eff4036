#include "io/text_reader.h"

#include <gtest/gtest.h>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::read_all;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

TEST(TextReader, WholeFileIsOneRecordNamedByFileName) {
  TempDir dir;
  write_file(dir.file("sub/page.txt"), "line one\nline two\n");
  ReaderCounts counts;
  auto records = read_all(dir.file("sub/page.txt"), InputFormat::text, 1024, &counts);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].name, "page.txt");
  EXPECT_EQ(records[0].bytes, "line one\nline two\n");
  EXPECT_EQ(records[0].size, 18u);
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_EQ(counts.records, 1u);
}

TEST(TextReader, EmptyFileIsOneEmptyRecord) {
  TempDir dir;
  write_file(dir.file("empty.txt"), "");
  auto records = read_all(dir.file("empty.txt"), InputFormat::text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].bytes, "");
  EXPECT_EQ(records[0].io_error, "");
}

TEST(TextReader, CompressedAndTooLarge) {
  TempDir dir;
  const std::string big(300'000, 'z');
  write_file(dir.file("big.txt.zst"), zstd_frame(big));
  auto fits = read_all(dir.file("big.txt.zst"), InputFormat::text, 300'000);
  ASSERT_EQ(fits.size(), 1u);
  EXPECT_EQ(fits[0].bytes, big);
  auto over = read_all(dir.file("big.txt.zst"), InputFormat::text, 299'999);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_TRUE(over[0].too_large);
  EXPECT_EQ(over[0].size, 300'000u);
  EXPECT_EQ(over[0].bytes, "");
}

TEST(TextReader, BrokenOrMissingFileGivesOneIoErrorRecord) {
  TempDir dir;
  auto missing = read_all(dir.file("nope.txt"), InputFormat::text);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].name, "nope.txt");
  EXPECT_TRUE(missing[0].io_error.starts_with("cannot open ")) << missing[0].io_error;

  std::string cut = zstd_frame(std::string(100'000, 'q'));
  cut.resize(cut.size() - 3);
  write_file(dir.file("cut.txt.zst"), cut);
  auto truncated = read_all(dir.file("cut.txt.zst"), InputFormat::text);
  ASSERT_EQ(truncated.size(), 1u);
  EXPECT_EQ(truncated[0].io_error, "truncated zstd stream at compressed offset " + std::to_string(cut.size()));
  EXPECT_EQ(truncated[0].bytes, "");
}

TEST(TextReader, SeedPage) {
  auto records = read_all(testing::sample("000_c591a7c62088d57a.txt"), InputFormat::auto_detect);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].name, "000_c591a7c62088d57a.txt");
  EXPECT_TRUE(records[0].bytes.find("date 2025-10-08") != std::string::npos);
  EXPECT_EQ(records[0].size, std::filesystem::file_size(testing::sample("000_c591a7c62088d57a.txt")));
}

}  // namespace
}  // namespace corpusflow
