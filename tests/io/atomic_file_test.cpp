#include "io/atomic_file.h"

#include <gtest/gtest.h>

#include <system_error>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::read_file;
using testing::TempDir;

TEST(AtomicFile, WritesAndReplacesWithoutLeavingATemporary) {
  TempDir dir;
  const auto path = dir.path() / "manifest.json";
  write_file_atomically(path, "{\"first\":1}\n");
  EXPECT_EQ(read_file(path.string()), "{\"first\":1}\n");
  write_file_atomically(path, "");
  EXPECT_EQ(read_file(path.string()), "");
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

TEST(AtomicFile, AFailedWriteThrowsNamingThePath) {
  TempDir dir;
  try {
    write_file_atomically(dir.path() / "missing" / "stats.json", "x");
    FAIL() << "no exception";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find("missing/stats.json.tmp"), std::string::npos) << error.what();
  }
  if (std::filesystem::exists("/dev/full")) {
    std::filesystem::create_symlink("/dev/full", dir.path() / "full.json.tmp");
    EXPECT_THROW(write_file_atomically(dir.path() / "full.json", std::string(1 << 16, 'x')), std::system_error);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "full.json"));
  }
}

TEST(AtomicFile, SyncDirectorySyncsAFolderAndNamesAMissingOne) {
  TempDir dir;
  EXPECT_NO_THROW(sync_directory(dir.path()));
  try {
    sync_directory(dir.path() / "absent");
    FAIL() << "no exception";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find("absent"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace corpusflow
