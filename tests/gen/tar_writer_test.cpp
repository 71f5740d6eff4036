#include "engine/gen/tar_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  pclose(pipe);
  return output;
}

TEST(TarWriter, MembersAreReadBackByTarAndByIo) {
  testing::TempDir dir("tar");
  std::string archive;
  append_tar_member(archive, "000_aaaa.txt", " date 2020-01-01 http://x.y/\nTitle\nBody", 1577836800);
  append_tar_member(archive, "001_bbbb.txt", "", 1577836800);
  append_tar_member(archive, "002_cccc.txt", std::string(512, 'z'), 0);
  append_tar_end(archive);
  ASSERT_EQ(archive.size() % 512, 0u);
  const std::string path = dir / "a.tar";
  std::ofstream(path, std::ios::binary) << archive;

  EXPECT_EQ(run("tar -tf " + path + " 2>&1"), "000_aaaa.txt\n001_bbbb.txt\n002_cccc.txt\n");
  EXPECT_EQ(run("tar -xOf " + path + " 000_aaaa.txt"), " date 2020-01-01 http://x.y/\nTitle\nBody");

  const auto records = testing::read_records(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].name, "000_aaaa.txt");
  EXPECT_EQ(records[1].bytes, "");
  EXPECT_EQ(records[2].bytes, std::string(512, 'z'));
  for (const auto& record : records) EXPECT_EQ(record.io_error, "");
}

TEST(TarWriter, TruncatedMemberEndsTheArchiveWithAnIoError) {
  testing::TempDir dir("tar-cut");
  std::string archive;
  append_tar_member(archive, "000_a.txt", "complete", 0);
  append_truncated_tar_member(archive, "001_b.txt", std::string(2000, 'q'), 700, 0);
  EXPECT_EQ(archive.size(), 512u + 512u + 512u + 700u);
  const std::string path = dir / "cut.tar";
  std::ofstream(path, std::ios::binary) << archive;

  const auto records = testing::read_records(path);
  ASSERT_GE(records.size(), 2u);
  EXPECT_EQ(records[0].bytes, "complete");
  EXPECT_NE(records.back().io_error, "");
  EXPECT_EQ(records.size(), 2u) << "the truncated member is one record, with io_error";
}

TEST(TarWriter, RefusesNamesUstarCannotHold) {
  std::string archive;
  EXPECT_THROW(append_tar_member(archive, std::string(101, 'n'), "x", 0), std::invalid_argument);
  EXPECT_THROW(append_tar_member(archive, "", "x", 0), std::invalid_argument);
  EXPECT_TRUE(archive.empty());
}

}  // namespace
}  // namespace corpusflow::gen
