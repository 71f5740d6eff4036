#include "engine/graph/batch_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/output_folder.h"

namespace corpusflow {
namespace {

std::filesystem::path temp_folder(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() / ("corpusflow-engine-" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

std::string write_jsonl(const std::filesystem::path& path, int lines) {
  std::ofstream file(path, std::ios::binary);
  for (int i = 0; i < lines; ++i) file << "{\"text\": \"document " << i << "\"}\n";
  return path.string();
}

InputFile jsonl_input(const std::string& path) {
  InputFile input;
  input.path = path;
  input.name = std::filesystem::path(path).filename().string();
  input.format = InputFormat::jsonl;
  return input;
}

TEST(BatchSource, CutsShardsIntoOrderedBatchesWithContractIds) {
  const auto folder = temp_folder("batches");
  std::vector<InputFile> inputs = {
      jsonl_input(write_jsonl(folder / "a.jsonl", 25)),
      jsonl_input(write_jsonl(folder / "b.jsonl", 0)),
      jsonl_input(write_jsonl(folder / "c.jsonl", 7)),
  };
  BatchSource source(inputs, BatchLimits{1 << 20, 10, 1 << 20});
  std::vector<std::shared_ptr<Batch>> batches;
  while (auto batch = source.next()) batches.push_back(batch);
  ASSERT_EQ(batches.size(), 5u);  // 10 + 10 + 5 from a, none from the empty b, 7 from c, the end
  EXPECT_TRUE(batches.back()->end_of_run);
  EXPECT_TRUE(batches.back()->records.empty());
  EXPECT_EQ(batches.back()->sequence, 4u);
  batches.pop_back();
  const std::vector<std::tuple<uint32_t, uint64_t, size_t, bool>> expected = {
      {0, 0, 10, false}, {0, 10, 10, false}, {0, 20, 5, true}, {2, 0, 7, true}};
  for (size_t i = 0; i < batches.size(); ++i) {
    EXPECT_EQ(batches[i]->sequence, i);
    EXPECT_EQ(batches[i]->shard, std::get<0>(expected[i]));
    EXPECT_EQ(batches[i]->first_record, std::get<1>(expected[i]));
    EXPECT_EQ(batches[i]->records.size(), std::get<2>(expected[i]));
    EXPECT_EQ(batches[i]->last_of_shard, std::get<3>(expected[i]));
  }
  EXPECT_EQ(batches[1]->records[0].bytes, "{\"text\": \"document 10\"}");
  EXPECT_EQ(source.shard_counts()[0].records, 25u);
  EXPECT_EQ(source.shard_counts()[1].records, 0u);
  EXPECT_EQ(source.shard_counts()[2].records, 7u);
  EXPECT_EQ(source.next(), nullptr);
}

TEST(BatchSource, ByteLimitClosesABatch) {
  const auto folder = temp_folder("bytes");
  std::vector<InputFile> inputs = {jsonl_input(write_jsonl(folder / "a.jsonl", 100))};
  BatchSource source(inputs, BatchLimits{200, 1000, 1 << 20});
  size_t batches = 0, records = 0;
  while (auto batch = source.next()) {
    ++batches;
    records += batch->records.size();
    EXPECT_LT(batch->input_bytes, 200u + 30u);
  }
  EXPECT_EQ(records, 100u);
  EXPECT_GT(batches, 10u);
}

TEST(OutputFolder, RefusesAFinishedRunUnlessOverwriting) {
  const auto out = temp_folder("out");
  std::ofstream(out / "notes.txt") << "user file";
  prepare_output_folder(out, false, "test");  // nothing finished yet
  std::filesystem::create_directories(out / "data");
  std::ofstream(out / "data" / "part-00000.jsonl.zst.tmp") << "left by a crash";
  std::ofstream(out / "manifest.json") << "{}";
  EXPECT_THROW(prepare_output_folder(out, false, "test"), std::invalid_argument);
  prepare_output_folder(out, true, "test");
  EXPECT_FALSE(std::filesystem::exists(out / "manifest.json"));
  EXPECT_FALSE(std::filesystem::exists(out / "data"));
  EXPECT_TRUE(std::filesystem::exists(out / "notes.txt")) << "files a run does not write are left alone";
  std::ofstream(out / "a-file") << "x";
  EXPECT_THROW(prepare_output_folder(out / "a-file", false, "test"), std::invalid_argument);
}

}  // namespace
}  // namespace corpusflow
