#include "io/jsonl_reader.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::read_all;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

std::vector<RawRecord> read_jsonl(std::string_view bytes, uint64_t cap = 1024, ReaderCounts* counts = nullptr) {
  TempDir dir;
  write_file(dir.file("a.jsonl"), bytes);
  return read_all(dir.file("a.jsonl"), InputFormat::jsonl, cap, counts);
}

TEST(JsonlReader, OneRecordPerLineNamedByLineNumber) {
  ReaderCounts counts;
  auto records = read_jsonl("{\"a\":1}\n{\"b\":2}\n", 1024, &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].name, "line 1");
  EXPECT_EQ(records[0].bytes, "{\"a\":1}");
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_EQ(records[0].size, 7u);
  EXPECT_EQ(records[1].name, "line 2");
  EXPECT_EQ(records[1].bytes, "{\"b\":2}");
  EXPECT_EQ(records[1].offset, 8u);
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(counts.uncompressed_bytes, 16u);
}

TEST(JsonlReader, CrlfIsStrippedAndLastLineNeedsNoNewline) {
  auto records = read_jsonl("one\r\ntwo\r\nthree");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].bytes, "one");
  EXPECT_EQ(records[0].size, 3u);
  EXPECT_EQ(records[1].bytes, "two");
  EXPECT_EQ(records[1].offset, 5u);
  EXPECT_EQ(records[2].bytes, "three");
  EXPECT_EQ(records[2].name, "line 3");
}

TEST(JsonlReader, BlankLinesAreRecords) {
  auto records = read_jsonl("a\n\n\r\nb\n\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].bytes, "");
  EXPECT_EQ(records[1].size, 0u);
  EXPECT_EQ(records[2].bytes, "");
  EXPECT_EQ(records[3].bytes, "b");
  EXPECT_EQ(records[4].bytes, "");
  EXPECT_EQ(records[4].name, "line 5");
  EXPECT_TRUE(read_jsonl("").empty());
  EXPECT_EQ(read_jsonl("\n").size(), 1u);
}

TEST(JsonlReader, CapCountsBytesWithoutTheLineEnd) {
  const std::string exact(16, 'x');
  auto records = read_jsonl(exact + "\r\n" + exact + "y\n" + exact + "\n", 16);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].too_large);
  EXPECT_EQ(records[0].bytes, exact);
  EXPECT_TRUE(records[1].too_large);
  EXPECT_EQ(records[1].size, 17u);
  EXPECT_EQ(records[1].bytes, "");
  EXPECT_FALSE(records[2].too_large);
}

// A compressed file whose second line is 100 MB + 7 bytes long, written frame by frame.
std::string write_huge_line_file(const TempDir& dir, uint64_t line_bytes) {
  const std::string path = dir.file("huge.jsonl.zst");
  std::string file = zstd_frame("{\"first\":1}\n");
  const std::string block(1 << 20, 'h');
  uint64_t left = line_bytes;
  while (left > 0) {
    const size_t take = static_cast<size_t>(std::min<uint64_t>(left, block.size()));
    file += zstd_frame(std::string_view(block).substr(0, take));
    left -= take;
  }
  file += zstd_frame("\n{\"after\":2}\n");
  write_file(path, file);
  return path;
}

TEST(JsonlReader, HugeLineIsTooLargeAndNeverHeld) {
  TempDir dir;
  const uint64_t line_bytes = 100'000'007;
  auto reader = open_record_reader(write_huge_line_file(dir, line_bytes), InputFormat::jsonl, ReaderLimits{1024});
  RawRecord record;
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(record.bytes, "{\"first\":1}");
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(record.name, "line 2");
  EXPECT_TRUE(record.too_large);
  EXPECT_EQ(record.size, line_bytes);
  EXPECT_EQ(record.offset, 12u);
  EXPECT_EQ(record.bytes, "");
  EXPECT_LT(record.bytes.capacity(), 64u << 10);
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(record.name, "line 3");
  EXPECT_EQ(record.bytes, "{\"after\":2}");
  EXPECT_FALSE(record.too_large);
  EXPECT_FALSE(reader->next(record));
  EXPECT_EQ(reader->counts().records, 3u);
  EXPECT_EQ(reader->counts().uncompressed_bytes, 12 + line_bytes + 13);
}

TEST(JsonlReader, TruncatedZstdKeepsCompleteLines) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 20000; ++i) {
    lines += "{\"n\":" + std::to_string(i * 7919 % 1000) + ",\"pad\":\"" + std::to_string(i) + "\"}\n";
  }
  std::string file = zstd_frame(lines);
  file.resize(file.size() - 10);
  write_file(dir.file("cut.jsonl.zst"), file);
  ReaderCounts counts;
  auto records = read_all(dir.file("cut.jsonl.zst"), InputFormat::jsonl, 1024, &counts);
  ASSERT_GE(records.size(), 2u);
  ASSERT_LE(records.size(), 20001u);
  const RawRecord& last = records.back();
  EXPECT_EQ(last.io_error, "truncated zstd stream at compressed offset " + std::to_string(file.size()));
  EXPECT_EQ(last.name, "line " + std::to_string(records.size()));
  for (size_t i = 0; i + 1 < records.size(); ++i) ASSERT_EQ(records[i].io_error, "");
  EXPECT_EQ(counts.file_checksum, XXH3_64bits(file.data(), file.size()));
}

TEST(JsonlReader, UnreadableFileGivesOneIoErrorRecord) {
  TempDir dir;
  ReaderCounts counts;
  auto records = read_all(dir.file("missing.jsonl"), InputFormat::jsonl, 1024, &counts);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].io_error.starts_with("cannot open ")) << records[0].io_error;
  EXPECT_EQ(counts.records, 1u);
}

TEST(JsonlReader, UdhrSample) {
  auto reader = open_record_reader(testing::sample("udhr/udhr.jsonl.zst"), InputFormat::jsonl, ReaderLimits{});
  RawRecord record;
  uint64_t lines = 0;
  uint64_t bytes = 0;
  while (reader->next(record)) {
    ASSERT_EQ(record.io_error, "");
    ASSERT_TRUE(record.bytes.starts_with("{")) << record.name;
    ASSERT_TRUE(record.bytes.ends_with("}")) << record.name;
    bytes += record.size + 1;
    ++lines;
  }
  EXPECT_EQ(lines, 532u);
  EXPECT_EQ(reader->counts().uncompressed_bytes, 7'192'614u);
  EXPECT_EQ(bytes, 7'192'614u);
}

}  // namespace
}  // namespace corpusflow
