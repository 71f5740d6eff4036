// `corpusflow run` end to end on real shards: the seed, the ANT sample, JSONL, and broken inputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

const std::string kSeed = kSample + "/000_c591a7c62088d57a.txt";
const std::string kAnt = kSample + "/ant";

nlohmann::json read_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_file(path)); }

std::vector<nlohmann::json> parsed_lines(const std::filesystem::path& folder) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : decoded_lines(folder)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

// Packs the seed page into DIR/seed.tar.zst, as a scraper's shard would hold it.
std::filesystem::path pack_seed(const TempDir& dir) {
  const auto shard = dir / "seed.tar.zst";
  const std::string command =
      "tar -C " + quote(kSample) + " -cf - 000_c591a7c62088d57a.txt | zstd -q -o " + quote(shard.string());
  EXPECT_EQ(shell(command), 0);
  return shard;
}

TEST(RunCli, SeedPageComesOutAsOneDocumentWithItsHeader) {
  TempDir dir;
  const auto shard = pack_seed(dir);
  const CommandResult run = run_corpusflow({"run", shard.string(), "-o", (dir / "out").string(), "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto documents = parsed_lines(dir / "out" / "data");
  ASSERT_EQ(documents.size(), 1u);
  const auto& doc = documents[0];
  EXPECT_EQ(doc["id"], shard.filename().string() + ":0");  // a tar member has no id of its own
  EXPECT_EQ(doc["host"], "sarabic.ae");
  EXPECT_EQ(doc["date"], "2025-10-08");
  EXPECT_TRUE(doc["url"].get<std::string>().starts_with("https://sarabic.ae/20251008/"));
  EXPECT_TRUE(doc["url"].get<std::string>().ends_with("-1105766846.html"));
  std::ifstream seed(kSeed);
  std::string header, title;
  std::getline(seed, header);
  std::getline(seed, title);
  EXPECT_EQ(doc["title"], title);
  EXPECT_FALSE(doc["text"].get<std::string>().empty());
  EXPECT_TRUE(doc["source"].get<std::string>().ends_with("seed.tar.zst:000_c591a7c62088d57a.txt"));
  for (const char* key : {"language", "language_score", "script", "words", "chars"}) EXPECT_TRUE(doc.contains(key));
}

TEST(RunCli, AntSampleBalancesTheAccountsAndWritesValidJsonLines) {
  TempDir dir;
  const auto out = dir / "out";
  const CommandResult run = run_corpusflow({"run", kAnt, "-o", out.string(), "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_json(out / "manifest.json");
  const auto& accounting = manifest["accounting"];
  EXPECT_EQ(accounting["read"], 3000);
  EXPECT_EQ(accounting["read"].get<uint64_t>(), accounting["kept"].get<uint64_t>() +
                                                    accounting["duplicates"].get<uint64_t>() +
                                                    accounting["rejected"].get<uint64_t>());
  EXPECT_TRUE(accounting["balanced"].get<bool>());
  const auto kept = decoded_lines(out / "data");
  EXPECT_EQ(kept.size(), accounting["kept"].get<uint64_t>());
  EXPECT_EQ(decoded_lines(out / "duplicates").size(), accounting["duplicates"].get<uint64_t>());
  EXPECT_EQ(decoded_lines(out / "rejects").size(), accounting["rejected"].get<uint64_t>());
  // Ids `<shard name>:<record>`, in input order: shards sorted by name, records ascending within each.
  std::string previous_shard;
  uint64_t previous_record = 0;
  std::set<std::string> ids;
  for (const std::string& line : kept) {
    const auto doc = nlohmann::json::parse(line);  // throws on invalid JSON
    const std::string id = doc["id"];
    EXPECT_TRUE(ids.insert(id).second) << id;
    const size_t colon = id.rfind(':');
    ASSERT_NE(colon, std::string::npos) << id;
    const std::string shard = id.substr(0, colon);
    EXPECT_TRUE(shard.starts_with("ant-") && shard.ends_with(".tar.zst")) << id;
    const uint64_t record = std::stoull(id.substr(colon + 1));
    if (!previous_shard.empty()) {
      EXPECT_TRUE(shard > previous_shard || (shard == previous_shard && record > previous_record)) << id;
    }
    previous_shard = shard;
    previous_record = record;
  }
  EXPECT_EQ(manifest["inputs"].size(), 3u);
  for (const char* file : {"stats.json", "report.html", "manifest.json"}) {
    EXPECT_TRUE(std::filesystem::exists(out / file)) << file;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
    EXPECT_FALSE(entry.path().string().ends_with(".tmp")) << entry.path();
  }
}

TEST(RunCli, OutputIsByteIdenticalForOneAndTwoThreads) {
  TempDir dir;
  const auto shard = pack_seed(dir);
  std::vector<std::vector<std::pair<std::string, std::string>>> outputs;
  for (const char* threads : {"1", "2"}) {
    const auto out = dir / (std::string("out") + threads);
    const CommandResult run = run_corpusflow({"run", kAnt, kSample + "/udhr", shard.string(), "-o", out.string(),
                                              "--threads", threads, "--shard-size", "1MiB"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::vector<std::pair<std::string, std::string>> shards;
    for (const char* stream : {"data", "duplicates", "rejects"}) {
      if (!std::filesystem::exists(out / stream)) continue;
      for (auto& [name, bytes] : folder_contents(out / stream)) shards.emplace_back(stream + ("/" + name), bytes);
    }
    outputs.push_back(std::move(shards));
  }
  ASSERT_GT(outputs[0].size(), 3u) << "rotation at 1 MiB should give several data parts";
  ASSERT_EQ(outputs[0].size(), outputs[1].size());
  for (size_t i = 0; i < outputs[0].size(); ++i) {
    EXPECT_EQ(outputs[0][i].first, outputs[1][i].first);
    EXPECT_TRUE(outputs[0][i].second == outputs[1][i].second) << outputs[0][i].first << " differs";
  }
}

TEST(RunCli, JsonlInputKeepsItsIdsAndOtherFieldsAsWritten) {
  TempDir dir;
  const auto out = dir / "out";
  const CommandResult run =
      run_corpusflow({"run", kSample + "/udhr/udhr.jsonl.zst", "-o", out.string(), "--dedup", "none"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto documents = parsed_lines(out / "data");
  const auto rejects = parsed_lines(out / "rejects");
  EXPECT_EQ(documents.size() + rejects.size(), 532u);
  EXPECT_GT(documents.size(), 500u);
  const auto& first = documents.front();
  EXPECT_FALSE(first.contains("metadata"));
  EXPECT_TRUE(first["id"].get<std::string>().starts_with("udhr-"));
  EXPECT_TRUE(first.contains("iso6393"));
  EXPECT_FALSE(first["title"].get<std::string>().empty());
}

// The old language ID (the whole 2 KiB sample at once) stays one option away: the same documents, languages
// and decisions on an ANT shard; only language_score may differ.
TEST(RunCli, LanguageWindowZeroReadsTheWholeSampleAndKeepsEveryDecision) {
  TempDir dir;
  const auto windows = dir / "windows";
  const auto whole = dir / "whole";
  const std::string shard = kAnt + "/ant-00000.tar.zst";
  ASSERT_EQ(run_corpusflow({"run", shard, "-o", windows.string()}).exit_code, 0);
  ASSERT_EQ(run_corpusflow({"run", shard, "-o", whole.string(), "--language-window", "0"}).exit_code, 0);
  for (const char* folder : {"data", "duplicates", "rejects"}) {
    const auto a = parsed_lines(windows / folder);
    const auto b = parsed_lines(whole / folder);
    ASSERT_EQ(a.size(), b.size()) << folder;
    for (size_t i = 0; i < a.size(); ++i) {
      nlohmann::json left = a[i];
      nlohmann::json right = b[i];
      left.erase("language_score");
      right.erase("language_score");
      ASSERT_EQ(left, right) << folder << " line " << i;
    }
  }
  EXPECT_EQ(run_corpusflow({"run", kAnt, "-o", (dir / "bad").string(), "--language-window", "-1"}).exit_code, 2);
}

// Three broken shards and one good one: every broken one yields an `io` reject, the good one completes.
TEST(RunCli, CorruptShardsBecomeIoRejectsAndTheRestCompletes) {
  TempDir dir;
  const auto inputs = dir / "inputs";
  std::filesystem::create_directories(inputs);
  const std::string good = kAnt + "/ant-00001.tar.zst";
  const auto bytes = read_file(good);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(inputs / name, std::ios::binary) << content;
  };
  write("a-good.tar.zst", bytes);
  write("b-truncated-zstd.tar.zst", bytes.substr(0, bytes.size() / 2));
  // A tar cut in the middle of a member, recompressed as a complete zstd stream.
  ASSERT_EQ(shell("zstd -q -dc " + quote(good) + " | head -c 100000 | zstd -q -o " +
                  quote((inputs / "c-truncated-tar.tar.zst").string())),
            0);
  std::string garbage(70000, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 2654435761u) >> 13);
  write("d-garbage.tar.zst", garbage);

  const auto out = dir / "out";
  const CommandResult run = run_corpusflow({"run", inputs.string(), "-o", out.string(), "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rejects = parsed_lines(out / "rejects");
  std::map<std::string, int> io_rejects;
  for (const auto& reject : rejects) {
    if (reject["reason"] == "io") {
      const std::string source = reject["source"];
      io_rejects[source.substr(source.rfind('/') + 1, source.find(".tar.zst") - source.rfind('/') - 1)]++;
      EXPECT_NE(reject["detail"].get<std::string>().find("offset"), std::string::npos) << reject.dump();
    }
  }
  EXPECT_EQ(io_rejects["b-truncated-zstd"], 1);
  EXPECT_EQ(io_rejects["c-truncated-tar"], 1);
  EXPECT_EQ(io_rejects["d-garbage"], 1);
  EXPECT_EQ(io_rejects.count("a-good"), 0u);
  const auto manifest = read_json(out / "manifest.json");
  EXPECT_TRUE(manifest["accounting"]["balanced"].get<bool>());
  EXPECT_EQ(manifest["inputs"][0]["records"], 1000);
  EXPECT_GT(manifest["inputs"][1]["records"].get<int>(), 1);  // records before the cut are kept

  const CommandResult strict =
      run_corpusflow({"run", inputs.string(), "-o", (dir / "strict").string(), "--on-error", "fail"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("b-truncated-zstd"), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "strict" / "manifest.json"));
}

TEST(RunCli, RefusesBadUsageWithOneLineAndExitTwo) {
  TempDir dir;
  const auto out = dir / "out";
  auto expect_usage_error = [](const CommandResult& result) {
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  };
  expect_usage_error(run_corpusflow({"run", (dir / "missing.tar.zst").string(), "-o", out.string()}));
  expect_usage_error(run_corpusflow({"run", kAnt, "-o", out.string(), "--threads", "many"}));
  expect_usage_error(run_corpusflow({"run", kAnt, "-o", out.string(), "--format", "pdf"}));
  expect_usage_error(run_corpusflow({"run", kAnt, "-o", out.string(), "--dedup", "fuzzy"}));
  expect_usage_error(run_corpusflow({"run", kAnt, "-o", out.string(), "--language-window", "4096"}));
  expect_usage_error(run_corpusflow({"run", kAnt}));
  expect_usage_error(run_corpusflow({"frobnicate"}));

  const std::string seed_input = kSeed;
  ASSERT_EQ(run_corpusflow({"run", seed_input, "-o", out.string()}).exit_code, 0);
  const CommandResult again = run_corpusflow({"run", seed_input, "-o", out.string()});
  expect_usage_error(again);
  EXPECT_NE(again.err.find("--overwrite"), std::string::npos);
  EXPECT_EQ(run_corpusflow({"run", seed_input, "-o", out.string(), "--overwrite"}).exit_code, 0);
}

TEST(RunCli, DedupIndexOverItsMemoryBudgetStopsTheRunWithAClearMessage) {
  TempDir dir;
  const CommandResult run = run_corpusflow({"run", kAnt, "-o", (dir / "out").string(), "--index-memory", "64KiB"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("--index-memory"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out" / "manifest.json"));
}

TEST(RunCli, ManifestRecordsEveryDedupChoice) {
  TempDir dir;
  const auto out = dir / "out";
  ASSERT_EQ(run_corpusflow({"run", kSeed, "-o", out.string(), "--dedup", "exact,near", "--ngram", "4", "--bands", "10",
                            "--rows", "5", "--threshold", "0.8"})
                .exit_code,
            0);
  const auto config = read_json(out / "manifest.json")["config"];
  EXPECT_EQ(config["dedup"], "exact,near");
  EXPECT_EQ(config["ngram"], 4);
  EXPECT_EQ(config["bands"], 10);
  EXPECT_EQ(config["rows"], 5);
  EXPECT_DOUBLE_EQ(config["threshold"].get<double>(), 0.8);
  EXPECT_EQ(config["minhash_family"], "one_permutation");
  EXPECT_TRUE(config.contains("minhash_seed"));
}

// Raw bytes in a header that are not UTF-8 must not break any output: JSON lines, stats.json, the report.
TEST(RunCli, InvalidUtf8InTheHeaderStillGivesValidOutputs) {
  TempDir dir;
  const auto page = dir / "page.txt";
  std::ofstream(page, std::ios::binary) << " date 2020-01-02 http://ex\xFF"
                                           "ample.\xC0"
                                           "com/\xD9\x85\xFE\n"
                                           "Title \xFF\nSome body text that is long enough to count.";
  const auto out = dir / "out";
  const CommandResult run = run_corpusflow({"run", page.string(), "-o", out.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto documents = parsed_lines(out / "data");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["host"],
            "ex\xEF\xBF\xBD"
            "ample.\xEF\xBF\xBD"
            "com");
  EXPECT_NO_THROW(read_json(out / "stats.json"));
  EXPECT_TRUE(std::filesystem::exists(out / "manifest.json"));
}

TEST(RunCli, EveryCommandHasHelp) {
  for (const char* command : {"run", "cat", "stats", "gen"}) {
    const CommandResult help = run_corpusflow({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Usage"), std::string::npos) << command << ": " << help.out;
  }
  EXPECT_EQ(run_corpusflow({"--help"}).exit_code, 0);
}

TEST(CatCli, DecodesShardsLikeZstd) {
  TempDir dir;
  const auto out = dir / "out";
  ASSERT_EQ(run_corpusflow({"run", kAnt + "/ant-00000.tar.zst", "-o", out.string()}).exit_code, 0);
  std::vector<std::string> parts;
  for (const auto& entry : std::filesystem::directory_iterator(out / "data")) parts.push_back(entry.path());
  std::sort(parts.begin(), parts.end());
  std::vector<std::string> arguments = {"cat"};
  arguments.insert(arguments.end(), parts.begin(), parts.end());
  const CommandResult cat = run_corpusflow(arguments);
  ASSERT_EQ(cat.exit_code, 0) << cat.err;
  std::string expected;
  for (const std::string& line : decoded_lines(out / "data")) expected += line + "\n";
  EXPECT_EQ(cat.out, expected);

  const auto broken = dir / "broken.zst";
  std::ofstream(broken, std::ios::binary) << read_file(parts[0]).substr(0, 1000);
  const CommandResult failed = run_corpusflow({"cat", broken.string()});
  EXPECT_NE(failed.exit_code, 0);
  EXPECT_NE(failed.err.find("broken.zst"), std::string::npos) << failed.err;
}

// Every stage of the list is timed with the records and input bytes it handled (the read stage included), the
// manifest names the stages and the thread count the run resolved, and --dedup none drops the dedup stages.
TEST(RunCli, StatsAndManifestLearnTheStagesFromTheStageList) {
  TempDir dir;
  const CommandResult run = run_corpusflow({"run", kSample + "/udhr", "-o", (dir / "out").string(), "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto stats = read_json(dir / "out" / "stats.json");
  const auto manifest = read_json(dir / "out" / "manifest.json");
  EXPECT_EQ(manifest["config"]["threads"], 2);
  EXPECT_EQ(manifest["config"]["stages"],
            nlohmann::json::parse(
                R"(["parse","extract","normalize","fingerprint","ids","decide","stats","encode","compress"])"));
  std::vector<std::string> names;
  const uint64_t records = stats["documents"]["in"].get<uint64_t>();
  ASSERT_GT(records, 0u);
  for (const auto& stage : stats["stages"]) {
    names.push_back(stage["name"]);
    EXPECT_EQ(stage["documents"].get<uint64_t>(), records) << stage["name"];
    EXPECT_GT(stage["bytes"].get<uint64_t>(), 0u) << stage["name"];
  }
  EXPECT_EQ(names, (std::vector<std::string>{"read", "parse", "extract", "normalize", "fingerprint", "ids", "decide",
                                             "stats", "encode", "compress", "write"}));

  const CommandResult plain = run_corpusflow(
      {"run", kSample + "/udhr", "-o", (dir / "plain").string(), "--dedup", "none", "--progress", "none"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto plain_manifest = read_json(dir / "plain" / "manifest.json");
  EXPECT_GT(plain_manifest["config"]["threads"].get<int>(), 0);
  EXPECT_EQ(plain_manifest["config"]["stages"],
            nlohmann::json::parse(R"(["parse","extract","normalize","ids","stats","encode","compress"])"));
}

}  // namespace
}  // namespace corpusflow::testing
