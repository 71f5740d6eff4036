// `corpusflow run` against what a hostile user or a broken scraper hands it: each case must end with the run
// going on, every record accounted for, and what was skipped or lost visible in stats.json, the manifest and
// one stderr line.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "cli/cli_harness.h"
#include "tests/support/sanitizers.h"

namespace corpusflow::testing {
namespace faults {
namespace {

using ::testing::HasSubstr;

nlohmann::json read_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_file(path)); }

std::vector<nlohmann::json> parsed(const std::filesystem::path& folder) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : decoded_lines(folder)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Runs a Python snippet (tar building, byte crafting) with DIR as its working folder.
void python(const TempDir& dir, const std::string& code) {
  ASSERT_EQ(shell("cd " + quote(dir.path().string()) + " && python3 -c " + quote(code)), 0) << code;
}

const nlohmann::json& accounting(const nlohmann::json& manifest) { return manifest["accounting"]; }

void expect_balanced(const nlohmann::json& manifest, uint64_t read) {
  const auto& a = accounting(manifest);
  EXPECT_EQ(a["read"].get<uint64_t>(), read);
  EXPECT_EQ(a["read"].get<uint64_t>(), a["kept"].get<uint64_t>() + a["duplicates"].get<uint64_t>() +
                                           a["filtered"].get<uint64_t>() + a["rejected"].get<uint64_t>());
  EXPECT_TRUE(a["balanced"].get<bool>());
}

std::map<std::string, int> reject_reasons(const std::filesystem::path& out) {
  std::map<std::string, int> reasons;
  for (const auto& reject : parsed(out / "rejects")) reasons[reject["reason"].get<std::string>()]++;
  return reasons;
}

TEST(FaultsCli, OrnateParenthesesAndOtherSelfMappingPresentationFormsAreKept) {
  TempDir dir;
  // ﴾ا﴿ and ﷽: their NFKC is themselves (this used to recurse until the stack overflowed).
  write(dir / "a.jsonl", "{\"text\":\"\xef\xb4\xbe\xd8\xa7\xef\xb4\xbf \xef\xb7\xbd \xef\xb7\x90\"}\n");
  const CommandResult run = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto kept = parsed(dir / "out" / "data");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0]["text"], "\xef\xb4\xbe\xd8\xa7\xef\xb4\xbf \xef\xb7\xbd \xef\xb7\x90");
}

TEST(FaultsCli, ASecondRunOnALockedOutputFolderRefusesAndNamesTheHolder) {
  TempDir dir;
  write(dir / "a.jsonl", "{\"text\":\"hello there\"}\n");
  const auto out = dir / "out";
  std::filesystem::create_directories(out);
  // What a run in progress holds: an exclusive flock on OUT/.corpusflow.lock that says who holds it.
  const int fd = ::open((out / ".corpusflow.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  const std::string holder = "pid 4242 on testhost since 2026-12-01T00:00:00Z: corpusflow run other -o out\n";
  ASSERT_EQ(::pwrite(fd, holder.data(), holder.size(), 0), static_cast<ssize_t>(holder.size()));
  const CommandResult refused = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", out.string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("in use by another run"));
  EXPECT_THAT(refused.err, HasSubstr("pid 4242 on testhost"));
  EXPECT_FALSE(std::filesystem::exists(out / "manifest.json"));
  ::close(fd);  // the holder ends: the lock is free again
  const CommandResult run = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", out.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(read_file(out / ".corpusflow.lock"), HasSubstr("pid "));
}

TEST(FaultsCli, ConcatenatedTarArchivesAreAllRead) {
  TempDir dir;
  python(dir, R"(
import io, tarfile
def archive(names):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode='w', format=tarfile.USTAR_FORMAT) as tar:
        for name in names:
            data = ('page %s with its own words to keep' % name).encode()
            info = tarfile.TarInfo(name); info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
open('both.tar', 'wb').write(archive(['a1', 'a2']) + archive(['b1', 'b2', 'b3']))
)");
  ASSERT_EQ(shell("zstd -q " + quote((dir / "both.tar").string())), 0);
  const CommandResult run =
      run_corpusflow({"run", (dir / "both.tar.zst").string(), "-o", (dir / "out").string(), "--dedup", "none"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 5);
  EXPECT_EQ(manifest["inputs"][0]["concatenated_archives"], 1);
  EXPECT_EQ(parsed(dir / "out" / "data").size(), 5u);
}

TEST(FaultsCli, ContiguousMembersAreFilesAndUnknownTypesAreRejectedByName) {
  TempDir dir;
  python(dir, R"(
import io, tarfile
with tarfile.open('types.tar', 'w', format=tarfile.GNU_FORMAT) as tar:
    for name, kind in [('regular', tarfile.REGTYPE), ('contiguous', tarfile.CONTTYPE), ('odd', b'Z'),
                       ('folder', tarfile.DIRTYPE)]:
        data = b'' if kind == tarfile.DIRTYPE else ('text of %s page' % name).encode()
        info = tarfile.TarInfo(name); info.type = kind; info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
)");
  const CommandResult run = run_corpusflow({"run", (dir / "types.tar").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 3);
  EXPECT_EQ(manifest["inputs"][0]["skipped_members"], 1);  // the folder
  EXPECT_EQ(parsed(dir / "out" / "data").size(), 2u);
  const auto rejects = parsed(dir / "out" / "rejects");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0]["reason"], "unsupported");
  EXPECT_THAT(rejects[0]["detail"].get<std::string>(), HasSubstr("type 'Z'"));
  EXPECT_THAT(rejects[0]["source"].get<std::string>(), HasSubstr("types.tar:odd"));
}

TEST(FaultsCli, SymlinkLoopsFifosAndSymlinkedFoldersUnderAnInputAreListedSkipsAndTheRunGoesOn) {
  TempDir dir;
  const auto in = dir / "in";
  std::filesystem::create_directories(in / "sub");
  write(in / "sub" / "a.jsonl", "{\"text\":\"a page that is read\"}\n");
  std::filesystem::create_symlink("loop", in / "loop");
  std::filesystem::create_directory_symlink(in / "sub", in / "linked-folder");
  ASSERT_EQ(::mkfifo((in / "pipe").c_str(), 0644), 0);
  const CommandResult run = run_corpusflow({"run", in.string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("3 input entries not read"));
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 1);
  std::map<std::string, std::string> skipped;
  for (const auto& entry : manifest["skipped_inputs"]) {
    skipped[std::filesystem::path(entry["path"].get<std::string>()).filename()] = entry["reason"];
  }
  EXPECT_EQ(skipped["loop"], "symlink loop");
  EXPECT_EQ(skipped["pipe"], "not a regular file (FIFO)");
  EXPECT_THAT(skipped["linked-folder"], HasSubstr("symlink to a folder"));
  EXPECT_EQ(read_json(dir / "out" / "stats.json")["skipped_inputs"].size(), 3u);
}

TEST(FaultsCli, AFifoNamedAsInputWithNoWriterIsAnIoRejectNotAHang) {
  TempDir dir;
  write(dir / "a.jsonl", "{\"text\":\"a page that is read\"}\n");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0644), 0);
  // `timeout` turns the old hang into a failure instead of a stuck suite.
  const std::string command = "timeout 60 " + quote(CORPUSFLOW_BINARY) + " run " + quote((dir / "a.jsonl").string()) +
                              " " + quote((dir / "pipe").string()) + " -o " + quote((dir / "out").string()) +
                              " >/dev/null 2>&1";
  ASSERT_EQ(shell(command), 0);
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 2);
  const auto rejects = parsed(dir / "out" / "rejects");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0]["reason"], "io");
  EXPECT_THAT(rejects[0]["detail"].get<std::string>(), HasSubstr("nothing to read from FIFO"));
}

TEST(FaultsCli, AFolderThatCannotBeReadIsAListedSkip) {
  TempDir dir;
  const auto in = dir / "in";
  std::filesystem::create_directories(in / "closed");
  write(in / "a.jsonl", "{\"text\":\"a page that is read\"}\n");
  write(in / "closed" / "b.jsonl", "{\"text\":\"a page behind a closed door\"}\n");
  ASSERT_EQ(::chmod((in / "closed").c_str(), 0), 0);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  std::filesystem::create_directories(dir / "out");
  std::filesystem::permissions(dir / "out", std::filesystem::perms::all);
  // Root reads any folder: the run then goes as `nobody`, for whom the folder is closed.
  const std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const std::string command = as + quote(CORPUSFLOW_BINARY) + " run " + quote(in.string()) + " -o " +
                              quote((dir / "out").string()) + " 2>" + quote((dir / "err").string()) + " >/dev/null";
  const int code = shell(command);
  ::chmod((in / "closed").c_str(), 0755);
  ASSERT_EQ(code, 0) << read_file(dir / "err");
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 1);
  ASSERT_EQ(manifest["skipped_inputs"].size(), 1u);
  EXPECT_THAT(manifest["skipped_inputs"][0]["path"].get<std::string>(), HasSubstr("closed"));
  EXPECT_THAT(manifest["skipped_inputs"][0]["reason"].get<std::string>(), HasSubstr("cannot read folder"));
  EXPECT_THAT(read_file(dir / "err"), HasSubstr("1 input entry not read"));
}

TEST(FaultsCli, AnInputNameThatIsNotUtf8GivesValidJsonEverywhere) {
  TempDir dir;
  write(dir / "bad\xff\xfename.jsonl", "{\"text\":\"a page with an odd file name\"}\n");
  const CommandResult run = run_corpusflow({"run", dir.path().string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_json(dir / "out" / "manifest.json");  // throws on invalid JSON
  expect_balanced(manifest, 1);
  EXPECT_THAT(manifest["inputs"][0]["path"].get<std::string>(), HasSubstr("bad\xef\xbf\xbd"));
  EXPECT_NO_THROW(read_json(dir / "out" / "stats.json"));
  EXPECT_EQ(parsed(dir / "out" / "data").size(), 1u);
}

TEST(FaultsCli, AHeaderClaimingMoreThanMemoryIsATruncatedMemberNotACrash) {
  TempDir dir;
  python(dir, R"(
import io, tarfile
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode='w', format=tarfile.GNU_FORMAT) as tar:
    info = tarfile.TarInfo('first'); data = b'a first page of text'; info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
    info = tarfile.TarInfo('huge'); data = b'only a few bytes'; info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
raw = bytearray(buffer.getvalue()[:2048])
header = 1024
size = 1 << 40  # 1 TiB, GNU base-256
raw[header + 124:header + 136] = bytes([0x80]) + size.to_bytes(11, 'big')
raw[header + 148:header + 156] = b' ' * 8
raw[header + 148:header + 156] = ('%06o\0 ' % sum(raw[header:header + 512])).encode()
open('huge.tar', 'wb').write(bytes(raw))
)");
  const CommandResult run =
      run_corpusflow({"run", (dir / "huge.tar").string(), "-o", (dir / "out").string(), "--max-record-size", "2TiB"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 2);
  const auto rejects = parsed(dir / "out" / "rejects");
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0]["reason"], "io");
  EXPECT_THAT(rejects[0]["detail"].get<std::string>(), HasSubstr("truncated tar member"));
}

TEST(FaultsCli, AJsonLineOfInvalidBytesIsNotUtf8LikeAPage) {
  TempDir dir;
  std::string line = "{\"text\":\"" + std::string(1000, '\xff') + "\"}\n";
  line += "{\"text\":\"a real page with a few bad bytes \xff\xfe in it, far fewer than its words\"}\n";
  write(dir / "a.jsonl", line);
  write(dir / "page.txt", std::string(1000, '\xff'));
  const CommandResult run =
      run_corpusflow({"run", (dir / "a.jsonl").string(), (dir / "page.txt").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  expect_balanced(read_json(dir / "out" / "manifest.json"), 3);
  EXPECT_EQ(reject_reasons(dir / "out")["not_utf8"], 2);  // the JSON line and the page, by the same rule
  EXPECT_EQ(parsed(dir / "out" / "data").size(), 1u);
}

TEST(FaultsCli, JsonAsPythonWritesItIsReadAndBrokenLinesSayWhereTheyBreak) {
  TempDir dir;
  write(dir / "a.jsonl",
        "\xef\xbb\xbf{\"text\":\"a line after a byte order mark\"}\n"
        "{\"text\":\"undecodable \\udc80 bytes as python writes them \\ud83d\\ude00\"}\n"
        "{\"text\":\"huge numbers in metadata\",\"big\":123456789012345678901234567890,\"inf\":1e999}\n"
        "{\"text\":\"broken\",\"x\":[1,2}\n"
        "{\"text\":17}\n");
  const CommandResult run = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  expect_balanced(read_json(dir / "out" / "manifest.json"), 5);
  const auto lines = decoded_lines(dir / "out" / "data");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["text"], "a line after a byte order mark");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["text"],
            "undecodable \xef\xbf\xbd bytes as python writes them \xf0\x9f\x98\x80");
  // Written as given; Python reads 1e999 as inf, nlohmann refuses it, so the line is checked as text.
  const std::string third = lines[2];
  EXPECT_THAT(third, HasSubstr("123456789012345678901234567890"));
  EXPECT_THAT(third, HasSubstr("1e999"));
  const auto stats = read_json(dir / "out" / "stats.json");
  EXPECT_EQ(stats["normalize"]["utf8_repairs"], 1);
  const auto rejects = parsed(dir / "out" / "rejects");
  ASSERT_EQ(rejects.size(), 2u);
  EXPECT_EQ(rejects[0]["reason"], "bad_json");
  EXPECT_THAT(rejects[0]["detail"].get<std::string>(), HasSubstr("improper structure"));
  EXPECT_THAT(rejects[0]["detail"].get<std::string>(), HasSubstr("field \"x\" (at byte 17)"));
  EXPECT_THAT(rejects[1]["detail"].get<std::string>(), HasSubstr("field \"text\" is a number, not a string"));
}

TEST(FaultsCli, AnOutputFolderInsideAnInputFolderIsNeverReadBack) {
  TempDir dir;
  const auto in = dir / "in";
  std::filesystem::create_directories(in);
  write(in / "a.jsonl", "{\"text\":\"the one page of this corpus\"}\n");
  const auto out = in / "out";
  ASSERT_EQ(run_corpusflow({"run", in.string(), "-o", out.string()}).exit_code, 0);
  const CommandResult again = run_corpusflow({"run", in.string(), "-o", out.string(), "--overwrite"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto manifest = read_json(out / "manifest.json");
  expect_balanced(manifest, 1);
  ASSERT_EQ(manifest["inputs"].size(), 1u);
  ASSERT_EQ(manifest["skipped_inputs"].size(), 1u);
  EXPECT_EQ(manifest["skipped_inputs"][0]["reason"], "the run's output folder");
  EXPECT_THAT(again.err, HasSubstr("1 input entry not read"));
}

TEST(FaultsCli, AZstdShardCutAtAFrameBoundaryIsCountedAndWarned) {
  TempDir dir;
  python(dir, R"(
import io, tarfile
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode='w', format=tarfile.USTAR_FORMAT) as tar:
    for name in ['a', 'b', 'c']:
        data = ('page %s with its own words to keep' % name).encode()
        info = tarfile.TarInfo(name); info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
raw = buffer.getvalue()
open('first-two-members', 'wb').write(raw[:2048])
)");
  // The frame that held the third member and the end blocks is gone; what is left is a complete frame.
  ASSERT_EQ(shell("cd " + quote(dir.path().string()) + " && zstd -q first-two-members -o cut.tar.zst"), 0);
  const CommandResult run = run_corpusflow({"run", (dir / "cut.tar.zst").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("ended without end-of-archive blocks"));
  const auto manifest = read_json(dir / "out" / "manifest.json");
  expect_balanced(manifest, 2);
  EXPECT_TRUE(manifest["inputs"][0]["end_of_archive_missing"].get<bool>());
  EXPECT_TRUE(read_json(dir / "out" / "stats.json")["shards"][0]["end_of_archive_missing"].get<bool>());
}

TEST(FaultsCli, ExitCodesHaveOneMeaningEach) {
  TempDir dir;
  write(dir / "a.jsonl", "{\"text\":\"a page\"}\n");
  // 2: what was asked cannot be done as asked.
  EXPECT_EQ(run_corpusflow({"run", (dir / "missing.jsonl").string(), "-o", (dir / "o1").string()}).exit_code, 2);
  ASSERT_EQ(run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "o2").string()}).exit_code, 0);
  EXPECT_EQ(run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "o2").string()}).exit_code, 2);
  write(dir / "a-file", "x");
  EXPECT_EQ(run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "a-file").string()}).exit_code, 2);
  // 1: the work failed. An output folder the run may not write, whatever state it is in.
  std::filesystem::create_directories(dir / "locked-down" / "data");
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  write(dir / "locked-down" / "data" / "part-00000.jsonl.zst.tmp", "left by a crash");
  ::chmod((dir / "locked-down" / "data").c_str(), 0555);
  ::chmod((dir / "locked-down").c_str(), 0555);
  const std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  for (const std::string out : {"locked-down", "locked-down/new"}) {
    const std::string command = as + quote(CORPUSFLOW_BINARY) + " run " + quote((dir / "a.jsonl").string()) + " -o " +
                                quote((dir / out).string()) + " >/dev/null 2>&1";
    EXPECT_EQ(shell(command), 1) << out;
  }
  ::chmod((dir / "locked-down").c_str(), 0755);
  ::chmod((dir / "locked-down" / "data").c_str(), 0755);
}

TEST(FaultsCli, ARunThatKeepsNothingSaysSo) {
  TempDir dir;
  write(dir / "a.jsonl", "\n{\"no\":\"text\"}\n");
  const CommandResult run = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("every one of the 2 records read was rejected"));
}

// Peak memory of a run as stats.json records it (the high-water mark, taken after the graph).
uint64_t peak_rss(const std::filesystem::path& out) {
  return read_json(out / "stats.json")["run"]["peak_rss_bytes"].get<uint64_t>();
}

// AddressSanitizer's shadow memory and quarantine make a run's memory say nothing of the program's.
#if defined(CORPUSFLOW_ASAN)
#define SKIP_UNDER_SANITIZERS() GTEST_SKIP() << "memory is measured in the Release build"
#else
#define SKIP_UNDER_SANITIZERS() (void)0
#endif

TEST(FaultsCli, ManySmallInputFilesCostLittleMemoryEach) {
  SKIP_UNDER_SANITIZERS();
  TempDir dir;
  const auto one = dir / "one";
  const auto many = dir / "many";
  std::filesystem::create_directories(one);
  constexpr int kFiles = 20000;
  for (int i = 0; i < kFiles; ++i) {
    const auto folder = many / std::to_string(i / 1000);
    if (i % 1000 == 0) std::filesystem::create_directories(folder);
    write(folder / (std::to_string(i) + ".txt"), "page " + std::to_string(i) + " of many small files\n");
  }
  write(one / "0.txt", "page 0 of many small files\n");
  ASSERT_EQ(run_corpusflow({"run", one.string(), "-o", (dir / "out-one").string(), "--dedup", "none"}).exit_code, 0);
  const CommandResult run = run_corpusflow({"run", many.string(), "-o", (dir / "out").string(), "--dedup", "none"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  expect_balanced(read_json(dir / "out" / "manifest.json"), kFiles);
  // Per input: its path, counts and checksum, in the listing, the accounts, stats.json and the manifest
  // (about 1 KB measured); 4 KB before the per-shard lists were written as text.
  const double per_file =
      (static_cast<double>(peak_rss(dir / "out")) - static_cast<double>(peak_rss(dir / "out-one"))) / kFiles;
  EXPECT_LT(per_file, 2048.0);
}

TEST(FaultsCli, AnOutsizedRecordCostsAFewTimesItsSize) {
  SKIP_UNDER_SANITIZERS();
  TempDir dir;
  std::string text;
  for (int line = 0; text.size() < (20u << 20); ++line) {
    // Lines of ~110 bytes, as paragraphs of real pages are at least.
    for (int word = 0; word < 6; ++word) {
      text += "\xd8\xb3\xd8\xb7\xd8\xb1 " + std::to_string((line * 6 + word) * 7919 % 1000003) + " \xd9\x85\xd9\x86 ";
    }
    text += std::to_string(line) + "\\n";
  }
  write(dir / "big.jsonl", "{\"text\":\"" + text + "\"}\n");
  write(dir / "small.jsonl", "{\"text\":\"a small page\"}\n");
  ASSERT_EQ(run_corpusflow({"run", (dir / "small.jsonl").string(), "-o", (dir / "out-small").string()}).exit_code, 0);
  const CommandResult run = run_corpusflow({"run", (dir / "big.jsonl").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(parsed(dir / "out" / "data").size(), 1u);
  // Record, parser buffers, text, its fingerprint and line tables, the encoded line: about 4x measured on a
  // 56 MB line (11.6x before); 6x leaves room for the allocator.
  const double growth = static_cast<double>(peak_rss(dir / "out")) - static_cast<double>(peak_rss(dir / "out-small"));
  EXPECT_LT(growth, 6.0 * static_cast<double>(text.size()));
}

}  // namespace
}  // namespace faults
}  // namespace corpusflow::testing
