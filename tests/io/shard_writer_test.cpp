#include "io/shard_writer.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <system_error>

#include "io/zstd_compressor.h"
#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::read_file;
using testing::TempDir;
using testing::zstd_decode_all;
namespace fs = std::filesystem;

std::string lines(int first, int count) {
  std::string out;
  for (int i = first; i < first + count; ++i) out += "{\"n\":" + std::to_string(i) + "}\n";
  return out;
}

TEST(ShardWriter, NothingAppendedWritesNoFile) {
  TempDir dir;
  ShardWriter writer(dir.path() / "out" / "data", 1000);
  EXPECT_TRUE(fs::is_directory(dir.path() / "out" / "data"));
  EXPECT_TRUE(writer.finish().empty());
  EXPECT_TRUE(fs::is_empty(dir.path() / "out" / "data"));
}

TEST(ShardWriter, RotatesBySizeAndRenamesWhenComplete) {
  TempDir dir;
  ZstdCompressor compressor(3);
  ShardWriter writer(dir.path(), 100);
  std::vector<std::string> batches = {lines(0, 6), lines(6, 6), lines(12, 3), lines(15, 20), lines(35, 1)};
  for (const std::string& batch : batches) ASSERT_GE(batch.size(), 8u);
  ASSERT_LT(batches[0].size() + batches[1].size(), 100u);
  ASSERT_GE(batches[0].size() + batches[1].size() + batches[2].size(), 100u);

  const fs::path part0 = dir.path() / "part-00000.jsonl.zst";
  std::string frame;
  std::vector<uint64_t> records = {6, 6, 3, 20, 1};
  for (size_t i = 0; i < batches.size(); ++i) {
    frame.clear();
    compressor.compress_frame(batches[i], frame);
    writer.append(frame, batches[i].size(), records[i]);
    if (i == 0) {
      EXPECT_TRUE(fs::exists(part0.string() + ".tmp"));
      EXPECT_FALSE(fs::exists(part0));
    }
  }
  auto parts = writer.finish();
  ASSERT_EQ(parts.size(), 3u);  // [0,1,2] reaches 100 bytes, [3] alone, [4] closed by finish
  EXPECT_EQ(parts[0].path, part0.string());
  EXPECT_EQ(parts[1].path, (dir.path() / "part-00001.jsonl.zst").string());
  EXPECT_EQ(parts[2].path, (dir.path() / "part-00002.jsonl.zst").string());
  EXPECT_EQ(parts[0].records, 15u);
  EXPECT_EQ(parts[1].records, 20u);
  EXPECT_EQ(parts[2].records, 1u);
  const std::string expected[] = {batches[0] + batches[1] + batches[2], batches[3], batches[4]};
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string file = read_file(parts[i].path);
    EXPECT_EQ(zstd_decode_all(file), expected[i]);
    EXPECT_EQ(parts[i].uncompressed_bytes, expected[i].size());
    EXPECT_EQ(parts[i].compressed_bytes, file.size());
    EXPECT_EQ(parts[i].checksum, XXH3_64bits(file.data(), file.size()));
    EXPECT_FALSE(fs::exists(parts[i].path + ".tmp"));
  }
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 3u);
}

TEST(ShardWriter, ADirectoryThatCannotBeCreatedThrows) {
  TempDir dir;
  testing::write_file(dir.file("file"), "not a directory");
  try {
    ShardWriter writer(dir.path() / "file" / "data", 1000);
    FAIL() << "no exception";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find(dir.file("file")), std::string::npos) << error.what();
  }
  EXPECT_THROW(ShardWriter(dir.path() / "file", 1000), std::system_error);
}

TEST(ShardWriter, AFullDiskThrowsNamingThePath) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  TempDir dir;
  fs::create_symlink("/dev/full", dir.path() / "part-00000.jsonl.zst.tmp");
  ShardWriter writer(dir.path(), 1 << 20);
  try {
    writer.append("frame bytes", 11, 1);
    FAIL() << "no exception";
  } catch (const std::system_error& error) {
    EXPECT_EQ(error.code(), std::errc::no_space_on_device);
    EXPECT_NE(std::string(error.what()).find("part-00000.jsonl.zst.tmp"), std::string::npos) << error.what();
  }
}

TEST(ShardWriter, AnUnfinishedPartLeavesNoFile) {
  TempDir dir;
  {
    ShardWriter writer(dir.path(), 1 << 20);
    writer.append("x", 1, 1);
    EXPECT_TRUE(fs::exists(dir.path() / "part-00000.jsonl.zst.tmp"));
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace corpusflow
