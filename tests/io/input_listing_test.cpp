#include "io/input_listing.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::TempDir;
using testing::write_file;

std::vector<std::string> paths(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& file : files) out.push_back(file.path);
  return out;
}

class InputListing : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir.file("in/b.tar.zst"), "bb");
    write_file(dir.file("in/a.jsonl"), "a");
    write_file(dir.file("in/nested/deeper/c.txt"), "ccc");
    write_file(dir.file("in/.hidden.txt"), "h");
    write_file(dir.file("in/.git/objects.txt"), "h");
    write_file(dir.file("other/d.warc"), "dddd");
  }
  std::string in(const std::string& name) const { return dir.file("in/" + name); }
  TempDir dir;
};

TEST_F(InputListing, DirectoriesAreWalkedSortedWithoutHiddenFiles) {
  auto files = list_inputs({dir.file("in")}).files;
  EXPECT_EQ(paths(files), (std::vector<std::string>{in("a.jsonl"), in("b.tar.zst"), in("nested/deeper/c.txt")}));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].format, InputFormat::jsonl);
  EXPECT_EQ(files[1].format, InputFormat::tar);
  EXPECT_EQ(files[1].size, 2u);
  EXPECT_EQ(files[2].format, InputFormat::text);
  EXPECT_EQ(files[2].size, 3u);
}

TEST_F(InputListing, FilesGlobsAndDuplicates) {
  auto files = list_inputs({dir.file("other/d.warc"), dir.file("in/*.tar.zst"), in("b.tar.zst"), dir.file("in"),
                            dir.file("in/./a.jsonl")})
                   .files;
  EXPECT_EQ(paths(files), (std::vector<std::string>{in("a.jsonl"), in("b.tar.zst"), in("nested/deeper/c.txt"),
                                                    dir.file("other/d.warc")}));
  EXPECT_EQ(files.back().format, InputFormat::warc);
}

TEST_F(InputListing, ExplicitHiddenFileAndForcedFormat) {
  ListingOptions options;
  options.forced = InputFormat::jsonl;
  auto files = list_inputs({in(".hidden.txt"), dir.file("other")}, options).files;
  EXPECT_EQ(paths(files), (std::vector<std::string>{in(".hidden.txt"), dir.file("other/d.warc")}));
  for (const InputFile& file : files) EXPECT_EQ(file.format, InputFormat::jsonl);
}

TEST_F(InputListing, FoldersGiveDataFilesOnlyIncludeAndExcludeChooseTheRest) {
  write_file(dir.file("web/README.md"), "r");
  write_file(dir.file("web/LICENSE"), "l");
  write_file(dir.file("web/SHA256SUMS"), "s");
  write_file(dir.file("web/a.warc.gz"), "w");
  write_file(dir.file("web/b.wet.gz"), "w");
  write_file(dir.file("web/c.arc.gz"), "w");
  write_file(dir.file("web/d.json.gz"), "w");
  write_file(dir.file("web/e.html"), "w");
  write_file(dir.file("web/f.extra"), "w");
  const std::string web = dir.file("web");
  corpusflow::InputListing listing = list_inputs({web});
  EXPECT_EQ(paths(listing.files), (std::vector<std::string>{web + "/a.warc.gz", web + "/b.wet.gz", web + "/c.arc.gz",
                                                            web + "/d.json.gz", web + "/e.html"}));
  ASSERT_EQ(listing.skipped.size(), 4u);
  EXPECT_EQ(listing.skipped[0].path, web + "/LICENSE");
  EXPECT_EQ(listing.skipped[0].reason, "not a data file by its name (--include GLOB reads it)");
  EXPECT_EQ(listing.files[1].format, InputFormat::warc);
  EXPECT_EQ(listing.files[2].format, InputFormat::arc);
  EXPECT_EQ(listing.files[3].format, InputFormat::jsonl);

  ListingOptions options;
  options.include_globs = {"*.extra"};
  options.exclude_globs = {"*/b.*", "*.html"};
  listing = list_inputs({web}, options);
  EXPECT_EQ(paths(listing.files),
            (std::vector<std::string>{web + "/a.warc.gz", web + "/c.arc.gz", web + "/d.json.gz", web + "/f.extra"}));
  // A file named on the command line is read whatever its name.
  options.exclude_globs = {"*"};
  EXPECT_EQ(paths(list_inputs({web + "/LICENSE"}, options).files), (std::vector<std::string>{web + "/LICENSE"}));
}

TEST_F(InputListing, NothingMatchedThrows) {
  try {
    (void)list_inputs({in("a.jsonl"), dir.file("missing.tar")});
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()), "no such input: " + dir.file("missing.tar"));
  }
  EXPECT_THROW(list_inputs({dir.file("in/*.parquet")}).files, std::runtime_error);
  std::filesystem::create_directory(dir.path() / "empty");
  EXPECT_THROW(list_inputs({dir.file("empty")}).files, std::runtime_error);
  EXPECT_TRUE(list_inputs({}).files.empty());
}

TEST(InputListingSample, SampleFolder) {
  auto files = list_inputs({CORPUSFLOW_SAMPLE_DIR "/ant"}).files;
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(files[0].path.ends_with("ant/ant-00000.tar.zst"));
  EXPECT_EQ(files[0].size, 773'935u);
  EXPECT_EQ(files[0].format, InputFormat::tar);
}

}  // namespace
}  // namespace corpusflow
