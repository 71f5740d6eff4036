// Output that survives the next tool (docs/formats.md, "Ids", "Fields kept as given", "Layouts"): FineWeb's
// columns and Dolma's documents come through with every field, read back by Python's json and zstandard as
// those ecosystems read them; a run over its own output changes nothing; ids do not move when a shard is added.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

const std::string kChecker = CORPUSFLOW_SOURCE_DIR "/tests/cli/schema_check.py";

// Runs tests/cli/schema_check.py with Debian's Python (python3-zstandard, from scripts/install-deps.sh --test).
void expect_check(const TempDir& dir, const std::string& arguments) {
  const std::string log = (dir / "check.log").string();
  const int status = shell("/usr/bin/python3 " + quote(kChecker) + " " + arguments + " > " + quote(log) + " 2>&1");
  std::ifstream file(log);
  std::stringstream said;
  said << file.rdbuf();
  EXPECT_EQ(status, 0) << arguments << ":\n" << said.str();
}

void run_ok(const std::vector<std::string>& arguments) {
  const CommandResult run = run_corpusflow(arguments);
  ASSERT_EQ(run.exit_code, 0) << run.err;
}

std::vector<nlohmann::json> lines_of(const std::filesystem::path& folder) {
  std::vector<nlohmann::json> lines;
  if (!std::filesystem::exists(folder)) return lines;
  for (const std::string& line : decoded_lines(folder)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// Five FineWeb rows as its JSONL exports carry them (ids, dumps and paths in FineWeb's forms).
std::filesystem::path write_fineweb(const TempDir& dir) {
  const auto path = dir / "fineweb.jsonl";
  std::ofstream file(path);
  const char* texts[] = {
      "The city council met on Tuesday to discuss the new budget for public libraries and parks.",
      "Researchers found that the river's water quality improved after the factory closed in 2009.",
      "A short guide to repotting houseplants: choose a pot one size larger and water it well.",
      "The museum's winter exhibition brings together maps drawn by sailors over three centuries.",
      "Local farmers reported an early harvest this year because of the unusually warm spring.",
  };
  for (int i = 0; i < 5; ++i) {
    nlohmann::json row = {
        {"text", texts[i]},
        {"id", "<urn:uuid:5ea1c1c4-0e4b-4f2e-9d1a-00000000000" + std::to_string(i) + ">"},
        {"dump", "CC-MAIN-2013-20"},
        {"url", "http://news" + std::to_string(i) + ".example.com/story/" + std::to_string(100 + i)},
        {"date", "2013-05-18T07:24:4" + std::to_string(i) + "Z"},
        {"file_path",
         "s3://commoncrawl/crawl-data/CC-MAIN-2013-20/segments/1368696381249/warc/"
         "CC-MAIN-20130516092621-00000-ip-10-60-113-184.ec2.internal.warc.gz"},
        {"language", "en"},
        {"language_score", 0.9 + i / 100.0},
        {"token_count", 18 + i},
    };
    file << row.dump() << "\n";
  }
  return path;
}

TEST(SchemaCli, FineWebColumnsComeThroughAndARunOverItsOutputChangesNothing) {
  TempDir dir;
  const auto input = write_fineweb(dir);
  run_ok({"run", input.string(), "-o", (dir / "once").string(), "--schema", "fineweb", "--progress", "none"});
  expect_check(dir, "fields fineweb " + quote(input.string()) + " " + quote((dir / "once").string()));
  const auto lines = lines_of(dir / "once" / "data");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0]["id"], "<urn:uuid:5ea1c1c4-0e4b-4f2e-9d1a-000000000000>");
  EXPECT_EQ(lines[0]["date"], "2013-05-18T07:24:40Z");  // whole, not cut to the day
  EXPECT_EQ(lines[0]["token_count"], 18);

  run_ok({"run", (dir / "once" / "data").string(), "-o", (dir / "twice").string(), "--schema", "fineweb", "--progress",
          "none"});
  expect_check(dir, "same " + quote((dir / "once").string()) + " " + quote((dir / "twice").string()));
}

TEST(SchemaCli, DolmaDocumentsComeThroughIntoDocumentsAndARunOverThemChangesNothing) {
  TempDir dir;
  const std::string input = kSample + "/web/dolma-documents-000.json.gz";
  run_ok({"run", input, "-o", (dir / "once").string(), "--schema", "dolma", "--progress", "none"});
  EXPECT_TRUE(std::filesystem::exists(dir / "once" / "documents"));
  EXPECT_FALSE(std::filesystem::exists(dir / "once" / "data"));
  expect_check(dir, "fields dolma " + quote(input) + " " + quote((dir / "once").string()));
  const auto manifest = nlohmann::json::parse(std::ifstream(dir / "once" / "manifest.json"));
  EXPECT_EQ(manifest["config"]["schema"], "dolma");
  EXPECT_TRUE(manifest["outputs"].contains("documents"));

  run_ok({"run", (dir / "once" / "documents").string(), "-o", (dir / "twice").string(), "--schema", "dolma",
          "--progress", "none"});
  expect_check(dir, "same " + quote((dir / "once").string()) + " " + quote((dir / "twice").string()));
}

TEST(SchemaCli, CorpusflowSchemaOverItsOwnOutputChangesNothing) {
  TempDir dir;
  run_ok({"run", kSample + "/ant", "-o", (dir / "once").string(), "--progress", "none"});
  run_ok({"run", (dir / "once" / "data").string(), "-o", (dir / "twice").string(), "--progress", "none"});
  expect_check(dir, "same " + quote((dir / "once").string()) + " " + quote((dir / "twice").string()));
  EXPECT_EQ(lines_of(dir / "twice" / "duplicates").size(), 0u) << "no two kept documents are duplicates";
}

// Every record of one shard (kept, duplicate or reject), by id.
std::set<std::string> ids_from(const std::filesystem::path& out, const std::string& shard_name) {
  std::set<std::string> ids;
  for (const char* stream : {"data", "duplicates", "rejects"}) {
    for (const auto& line : lines_of(out / stream)) {
      const std::string id = line["id"];
      if (id.starts_with(shard_name + ":")) ids.insert(id);
    }
  }
  return ids;
}

TEST(SchemaCli, IdsStayTheSameWhenAShardIsAddedToTheListing) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  std::filesystem::copy_file(kSample + "/ant/ant-00001.tar.zst", dir / "in" / "b.tar.zst");
  run_ok({"run", (dir / "in").string(), "-o", (dir / "one").string(), "--progress", "none"});
  std::filesystem::copy_file(kSample + "/ant/ant-00000.tar.zst", dir / "in" / "a.tar.zst");  // sorts first
  run_ok({"run", (dir / "in").string(), "-o", (dir / "two").string(), "--progress", "none"});
  const auto before = ids_from(dir / "one", "b.tar.zst");
  EXPECT_EQ(before.size(), 1000u);
  EXPECT_EQ(ids_from(dir / "two", "b.tar.zst"), before);
  EXPECT_EQ(ids_from(dir / "two", "a.tar.zst").size(), 1000u);
}

TEST(SchemaCli, ARepeatedInputIdIsRenamedNeverMerged) {
  TempDir dir;
  {
    std::ofstream file(dir / "a.jsonl");
    file << R"({"id": "doc-1", "text": "the first page says one thing about the weather today"})"
         << "\n"
         << R"({"id": "doc-1", "text": "a second page with the same id says something else entirely"})"
         << "\n"
         << R"({"id": 7, "text": "an id that is a number stays a number in the output"})"
         << "\n";
  }
  const CommandResult run = run_corpusflow({"run", (dir / "a.jsonl").string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("1 id was met before in this run"), std::string::npos) << run.err;
  const auto lines = lines_of(dir / "out" / "data");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "doc-1");
  EXPECT_EQ(lines[1]["id"], "doc-1@a.jsonl:1");
  EXPECT_EQ(lines[2]["id"], 7);
  const auto stats = nlohmann::json::parse(std::ifstream(dir / "out" / "stats.json"));
  EXPECT_EQ(stats["ids"]["repeated"], 1);
  EXPECT_EQ(stats["ids"]["from_input"], 3);
}

TEST(SchemaCli, TheTitleIsPartOfTheExactKey) {
  TempDir dir;
  {
    std::ofstream file(dir / "a.jsonl");
    // Pages whose body is only the author's name: different headlines are different pages.
    file << R"({"title": "Budget talks resume", "text": "By Jane Doe"})"
         << "\n"
         << R"({"title": "Flood warnings lifted", "text": "By Jane Doe"})"
         << "\n"
         << R"({"title": "Budget talks resume", "text": "By Jane Doe"})"
         << "\n";
  }
  run_ok({"run", (dir / "a.jsonl").string(), "-o", (dir / "out").string(), "--progress", "none"});
  EXPECT_EQ(lines_of(dir / "out" / "data").size(), 2u);
  const auto duplicates = lines_of(dir / "out" / "duplicates");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0]["id"], "a.jsonl:2");
  EXPECT_EQ(duplicates[0]["duplicate_of"], "a.jsonl:0");
  EXPECT_EQ(duplicates[0]["kind"], "exact");

  run_ok({"run", (dir / "a.jsonl").string(), "-o", (dir / "text").string(), "--text-only-keys", "--progress", "none"});
  EXPECT_EQ(lines_of(dir / "text" / "data").size(), 1u);
}

}  // namespace
}  // namespace corpusflow::testing
