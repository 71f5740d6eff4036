#include "io/tar_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using ::testing::HasSubstr;

using testing::read_all;
using testing::read_file;
using testing::TarBuilder;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

std::vector<RawRecord> read_tar(const std::string& bytes, ReaderCounts* counts = nullptr, uint64_t cap = 1 << 20) {
  TempDir dir;
  write_file(dir.file("a.tar"), bytes);
  return read_all(dir.file("a.tar"), InputFormat::tar, cap, counts);
}

TEST(TarReader, RegularMembersInOrder) {
  TarBuilder tar;
  tar.member("a.txt", "alpha").member("dir/b.txt", std::string(1000, 'b')).member("empty.txt", "").end();
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].name, "a.txt");
  EXPECT_EQ(records[0].bytes, "alpha");
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_EQ(records[0].size, 5u);
  EXPECT_EQ(records[1].name, "dir/b.txt");
  EXPECT_EQ(records[1].bytes, std::string(1000, 'b'));
  EXPECT_EQ(records[1].offset, 1024u);
  EXPECT_EQ(records[2].name, "empty.txt");
  EXPECT_EQ(records[2].bytes, "");
  for (const RawRecord& record : records) {
    EXPECT_EQ(record.io_error, "");
    EXPECT_FALSE(record.too_large);
  }
  EXPECT_EQ(counts.records, 3u);
  EXPECT_EQ(counts.skipped_members, 0u);
  EXPECT_EQ(counts.uncompressed_bytes, tar.bytes().size());
  EXPECT_EQ(counts.compressed_bytes_read, tar.bytes().size());
  EXPECT_EQ(counts.file_checksum, XXH3_64bits(tar.bytes().data(), tar.bytes().size()));
}

TEST(TarReader, NulAndContiguousTypesAreRegularUnknownTypesAreRecordsOthersAreSkipped) {
  TarBuilder tar;
  tar.member("dir/", "", '5')
      .member("link", "", '2')
      .member("hard", "", '1')
      .member("fifo", "", '6')
      .member("old-style", "x", '\0')
      .member("contiguous", "c", '7')
      .member("volume", "", 'V')
      .member("unknown-type", "payload skipped", 'Z')
      .member("global", TarBuilder::pax_record("comment", "hi"), 'g')
      .member("last", "y")
      .end();
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].name, "old-style");
  EXPECT_EQ(records[0].bytes, "x");
  EXPECT_EQ(records[1].name, "contiguous");
  EXPECT_EQ(records[1].bytes, "c");
  // GNU tar would extract an unknown type as a regular file; here it is one record that says it was not read,
  // so the document it may hold is counted as rejected instead of vanishing.
  EXPECT_EQ(records[2].name, "unknown-type");
  EXPECT_TRUE(records[2].bytes.empty());
  EXPECT_EQ(records[2].size, 15u);
  EXPECT_THAT(records[2].unsupported, HasSubstr("type 'Z'"));
  EXPECT_TRUE(records[2].io_error.empty());
  EXPECT_EQ(records[3].name, "last");
  EXPECT_EQ(records[3].bytes, "y");
  EXPECT_EQ(counts.skipped_members, 6u);
  EXPECT_FALSE(counts.end_of_archive_missing);
}

TEST(TarReader, ConcatenatedArchivesAreReadOnPastTheEndBlocks) {
  TarBuilder first, second;
  first.member("a", "1").end();
  second.member("b", "2").member("c", "3").end();
  ReaderCounts counts;
  auto records = read_tar(first.bytes() + second.bytes(), &counts);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].name, "a");
  EXPECT_EQ(records[2].name, "c");
  EXPECT_TRUE(records[2].io_error.empty());
  EXPECT_EQ(counts.concatenated_archives, 1u);
  EXPECT_FALSE(counts.end_of_archive_missing);
}

TEST(TarReader, DataAfterTheEndBlocksThatIsNoHeaderIsReported) {
  TarBuilder tar;
  tar.member("a", "1").end();
  auto records = read_tar(tar.bytes() + std::string(512, 'x'));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].name, "a");
  EXPECT_THAT(records[1].io_error, HasSubstr("after the end of the tar archive"));
}

TEST(TarReader, AStreamCutAtAMemberBoundaryIsFlagged) {
  TarBuilder tar;
  tar.member("a", "1").member("b", "2");  // no end blocks
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[1].io_error.empty());
  EXPECT_TRUE(counts.end_of_archive_missing);
}

TEST(TarReader, ASizeLargerThanMemoryIsNeverAllocated) {
  // A header that claims 1 TiB, allowed by the cap: the reader must fail on the missing bytes, not on malloc.
  TarBuilder tar;
  tar.member("huge", "only a few bytes");
  std::string bytes = tar.bytes();
  const uint64_t claimed = 1ull << 40;  // GNU base-256 size: top bit set, big-endian
  bytes[124] = static_cast<char>(0x80);
  for (int i = 0; i < 11; ++i) bytes[124 + 11 - i] = static_cast<char>(i < 8 ? (claimed >> (8 * i)) & 0xFF : 0);
  unsigned sum = 0;
  std::memset(bytes.data() + 148, ' ', 8);
  for (size_t i = 0; i < 512; ++i) sum += static_cast<unsigned char>(bytes[i]);
  std::snprintf(bytes.data() + 148, 8, "%06o", sum);
  auto records = read_tar(bytes, nullptr, 1ull << 41);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].io_error, HasSubstr("truncated tar member"));
}

TEST(TarReader, PaxPathAndSizeOverrideTheHeader) {
  const std::string long_name =
      std::string(60, 'd') + "/" + std::string(30, 'e') + "/صفحة-طويلة-جدا-" + std::string(40, 'x') + "-页面.txt";
  ASSERT_GT(long_name.size(), 100u);
  TarBuilder tar;
  tar.pax(TarBuilder::pax_record("mtime", "1700000000.5") + TarBuilder::pax_record("path", long_name))
      .member("truncated-name", "body")
      .member("plain", "after")
      .end();
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].name, long_name);
  EXPECT_EQ(records[0].bytes, "body");
  EXPECT_EQ(records[0].offset, 1024u);  // the regular member's own header
  EXPECT_EQ(records[1].name, "plain");
  EXPECT_EQ(counts.skipped_members, 1u);

  // pax size= wins over the header's size field (used for members of 8 GiB and more).
  TarBuilder sized;
  std::string header = TarBuilder::header("big", 0, '0');
  sized.pax(TarBuilder::pax_record("size", "3")).raw(header).raw("abc").raw(std::string(509, '\0')).end();
  auto sized_records = read_tar(sized.bytes());
  ASSERT_EQ(sized_records.size(), 1u);
  EXPECT_EQ(sized_records[0].bytes, "abc");
}

// pax records wait for the next file member: a GNU long name or a global header in between keeps its own size
// and does not consume them.
TEST(TarReader, PaxRecordsSkipMetaHeadersInBetween) {
  const std::string long_name = std::string(130, 'g');
  TarBuilder tar;
  tar.pax(TarBuilder::pax_record("size", "3") + TarBuilder::pax_record("path", "pax/name"))
      .gnu_long_name(long_name)
      .member("global", TarBuilder::pax_record("comment", "a global header"), 'g')
      .raw(TarBuilder::header("big", 0, '0'))
      .raw("abc")
      .raw(std::string(509, '\0'))
      .member("after", "plain")
      .end();
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].name, "pax/name");  // pax path= wins over the GNU long name
  EXPECT_EQ(records[0].bytes, "abc");
  EXPECT_EQ(records[1].name, "after");
  EXPECT_EQ(records[1].bytes, "plain");
  EXPECT_EQ(counts.skipped_members, 3u);
}

TEST(TarReader, GnuLongNameAndUstarPrefix) {
  const std::string long_name = std::string(150, 'n') + "/page.txt";
  TarBuilder tar;
  tar.gnu_long_name(long_name)
      .member("././@LongLink", std::string(120, 't') + '\0', 'K', true)  // a long link target: ignored
      .member(long_name.substr(0, 100), "gnu", '0', true);
  tar.raw(TarBuilder::header("name.txt", 6, '0', false, "some/prefix")).raw("prefix").raw(std::string(506, '\0'));
  tar.member("short", "s").end();
  ReaderCounts counts;
  auto records = read_tar(tar.bytes(), &counts);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].name, long_name);
  EXPECT_EQ(records[0].bytes, "gnu");
  EXPECT_EQ(records[1].name, "some/prefix/name.txt");
  EXPECT_EQ(records[1].bytes, "prefix");
  EXPECT_EQ(records[2].name, "short");  // a long name applies to one member only
  EXPECT_EQ(counts.skipped_members, 2u);
}

TEST(TarReader, MissingEndBlocksIsACleanEnd) {
  TarBuilder tar;
  tar.member("a", "1").member("b", "2");
  auto records = read_tar(tar.bytes());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].io_error, "");
  EXPECT_TRUE(read_tar("").empty());
}

TEST(TarReader, TruncatedMemberKeepsEarlierRecords) {
  TarBuilder tar;
  tar.member("a", "first").member("b", std::string(2000, 'b')).end();
  const std::string cut = tar.bytes().substr(0, 1024 + 512 + 700);
  ReaderCounts counts;
  auto records = read_tar(cut, &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].bytes, "first");
  EXPECT_EQ(records[1].name, "b");
  EXPECT_EQ(records[1].io_error, "truncated tar member at offset 1024");
  EXPECT_EQ(records[1].bytes, "");
  EXPECT_EQ(records[1].offset, 1024u);
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(counts.file_checksum, XXH3_64bits(cut.data(), cut.size()));
}

TEST(TarReader, TruncatedHeaderAndPadding) {
  TarBuilder tar;
  tar.member("a", "first").member("b", "second");
  auto records = read_tar(tar.bytes().substr(0, 1024 + 300));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].io_error, "truncated tar header at offset 1024");

  // The member's bytes are whole but its padding is cut: the member stays, then the archive is truncated.
  auto padded = read_tar(tar.bytes().substr(0, 512 + 100));
  ASSERT_EQ(padded.size(), 2u);
  EXPECT_EQ(padded[0].bytes, "first");
  EXPECT_EQ(padded[0].io_error, "");
  EXPECT_EQ(padded[1].io_error, "truncated tar archive at offset 612");
}

TEST(TarReader, BadChecksumEndsTheShard) {
  TarBuilder tar;
  tar.member("a", "ok").member("b", "bad").member("c", "never read").end();
  std::string bytes = tar.bytes();
  bytes[1024 + 5] = 'X';  // inside b's name, checksum not updated
  ReaderCounts counts;
  auto records = read_tar(bytes, &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].bytes, "ok");
  EXPECT_EQ(records[1].io_error, "bad tar header checksum at offset 1024");
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(counts.compressed_bytes_read, bytes.size());
}

TEST(TarReader, BadSizeFieldAndBadPax) {
  std::string header = TarBuilder::header("a", 0, '0');
  std::memcpy(header.data() + 124, "12x45678901", 11);
  TarBuilder::set_checksum(header);
  auto records = read_tar(header + std::string(1024, '\0'));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].io_error, "bad tar header size field at offset 0");

  TarBuilder pax;
  pax.pax("99 path=x\n").member("a", "1").end();
  auto pax_records = read_tar(pax.bytes());
  ASSERT_EQ(pax_records.size(), 1u);
  EXPECT_EQ(pax_records[0].io_error, "bad pax header at offset 0");
}

TEST(TarReader, GarbageIsABadHeader) {
  std::string garbage(3000, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251 + 1);
  auto records = read_tar(garbage);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].io_error, "bad tar header checksum at offset 0");
}

TEST(TarReader, TooLargeMemberIsSkippedAndReadingGoesOn) {
  TarBuilder tar;
  tar.member("big", std::string(5000, 'x')).member("small", "fits").end();
  auto records = read_tar(tar.bytes(), nullptr, 1024);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].too_large);
  EXPECT_EQ(records[0].size, 5000u);
  EXPECT_EQ(records[0].bytes, "");
  EXPECT_EQ(records[1].bytes, "fits");
  EXPECT_FALSE(records[1].too_large);
}

TEST(TarReader, CorruptZstdFrameAfterCompleteMembers) {
  TarBuilder first;
  first.member("a", "one").member("b", "two");
  TarBuilder second;
  second.member("c", "three").end();
  std::string broken = zstd_frame(second.bytes());
  broken[0] = 'Q';
  TempDir dir;
  write_file(dir.file("a.tar.zst"), zstd_frame(first.bytes()) + broken);
  auto records = read_all(dir.file("a.tar.zst"), InputFormat::tar);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].bytes, "two");
  EXPECT_TRUE(records[2].io_error.starts_with("zstd: ")) << records[2].io_error;
  EXPECT_NE(records[2].io_error.find("at compressed offset"), std::string::npos);
}

TEST(TarReader, CorruptFrameBehindTheEndBlocksIsReported) {
  TarBuilder tar;
  tar.member("a", "one").end();
  std::string tail = zstd_frame(std::string(10240, '\0'));
  tail[0] = 'Q';
  TempDir dir;
  write_file(dir.file("a.tar.zst"), zstd_frame(tar.bytes()) + tail);
  auto records = read_all(dir.file("a.tar.zst"), InputFormat::tar);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].bytes, "one");
  EXPECT_TRUE(records[1].io_error.starts_with("zstd: ")) << records[1].io_error;
}

TEST(TarReader, ArchivesWrittenByGnuTar) {
  TempDir dir;
  const std::string long_dir = "répertoire-" + std::string(90, 'r');
  const std::string long_file = "страница-" + std::string(80, 'p') + ".txt";
  write_file(dir.file("src/" + long_dir + "/" + long_file), "deep");
  write_file(dir.file("src/a.txt"), "alpha");
  std::filesystem::create_directory(dir.path() / "src" / "empty");
  std::filesystem::create_symlink("a.txt", dir.path() / "src" / "link");
  for (const char* format : {"pax", "gnu"}) {
    const std::string archive = dir.file(std::string(format) + ".tar");
    const std::string command =
        "tar --format=" + std::string(format) + " --sort=name -C " + dir.file("src") + " -cf " + archive + " .";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    ReaderCounts counts;
    auto records = testing::read_all(archive, InputFormat::tar, 1 << 20, &counts);
    ASSERT_EQ(records.size(), 2u) << format;
    EXPECT_EQ(records[0].name, "./a.txt");
    EXPECT_EQ(records[0].bytes, "alpha");
    EXPECT_EQ(records[1].name, "./" + long_dir + "/" + long_file) << format;
    EXPECT_EQ(records[1].bytes, "deep");
    EXPECT_GE(counts.skipped_members, 4u) << format;  // ., empty/, the long dir, link (+ meta headers)
    EXPECT_EQ(counts.uncompressed_bytes, std::filesystem::file_size(archive));
  }
}

TEST(TarReader, SampleShards) {
  const uint64_t expected_bytes[] = {6'717'440, 0, 0};
  for (int shard = 0; shard < 3; ++shard) {
    const std::string path = testing::sample("ant/ant-0000" + std::to_string(shard) + ".tar.zst");
    auto reader = open_record_reader(path, InputFormat::tar, ReaderLimits{});
    RawRecord record;
    uint64_t records = 0;
    uint64_t payload = 0;
    while (reader->next(record)) {
      ASSERT_EQ(record.io_error, "") << record.name;
      ASSERT_EQ(record.bytes.size(), record.size);
      ASSERT_TRUE(record.name.ends_with(".txt")) << record.name;
      if (shard == 0 && records == 0) {
        EXPECT_EQ(record.name, "000_5755a3ac33e4e451.txt");
        EXPECT_EQ(record.size, 7957u);
      }
      payload += record.size;
      ++records;
    }
    const ReaderCounts& counts = reader->counts();
    EXPECT_EQ(records, 1000u);
    EXPECT_EQ(counts.records, 1000u);
    EXPECT_EQ(counts.skipped_members, 0u);
    EXPECT_GT(counts.uncompressed_bytes, payload);
    if (expected_bytes[shard] != 0) {
      EXPECT_EQ(counts.uncompressed_bytes, expected_bytes[shard]);
    }
    const std::string file = read_file(path);
    EXPECT_EQ(counts.compressed_bytes_read, file.size());
    EXPECT_EQ(counts.file_checksum, XXH3_64bits(file.data(), file.size()));
  }
}

}  // namespace
}  // namespace corpusflow
