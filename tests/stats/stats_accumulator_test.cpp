#include "stages/stats/stats_accumulator.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"
#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

StatsAccumulator accumulate(const std::vector<Document>& documents, size_t begin, size_t end, StatsConfig config = {}) {
  StatsAccumulator stats(config);
  for (size_t i = begin; i < end; ++i) stats.add(documents[i]);
  return stats;
}

TEST(StatsAccumulator, CountsEveryOutcome) {
  Document kept;
  kept.raw_bytes = 100;
  kept.text = "نص عربي";
  kept.words = 2;
  kept.chars = 7;
  kept.lines = 1;
  kept.language = "ar";
  kept.script = "Arab";
  kept.host = "www.alarabiya.net";
  kept.date = "2018-03-17";
  kept.normalize.tatweel_removed = 3;
  kept.normalize.lines_removed = 2;
  kept.normalize.bytes_removed = 40;

  Document near = kept;
  near.id = {0, 1};
  near.outcome = Outcome::duplicate;
  near.duplicate_kind = DuplicateKind::near;
  near.duplicate_of = {0, 0};
  near.similarity = 0.8f;
  near.title = "عنوان الخبر";

  Document rejected;
  rejected.id = {0, 2};
  rejected.raw_bytes = 7;
  rejected.header_missing = true;
  rejected.normalize.utf8_repairs = 4;
  rejected.reject(RejectReason::not_utf8, "byte 3");

  Document unnamed;
  unnamed.id = {0, 3};
  unnamed.outcome = Outcome::rejected;

  StatsAccumulator stats;
  for (const auto* doc : {&kept, &near, &rejected, &unnamed}) stats.add(*doc);
  nlohmann::json json = stats.to_json();

  EXPECT_EQ(json["documents"]["in"], 4);
  EXPECT_EQ(json["documents"]["kept"], 1);
  EXPECT_EQ(json["documents"]["duplicates"], 1);
  EXPECT_EQ(json["documents"]["rejected"], 2);
  EXPECT_EQ(json["documents"]["header_missing"], 1);
  EXPECT_DOUBLE_EQ(json["documents"]["kept_percent"].get<double>(), 25.0);
  EXPECT_EQ(json["bytes"]["in"], 207);
  EXPECT_EQ(json["bytes"]["kept"], 100);
  EXPECT_EQ(json["bytes"]["kept_text"], kept.text.size());
  EXPECT_EQ(json["bytes"]["duplicates"], 100);
  EXPECT_EQ(json["bytes"]["rejected"], 7);
  EXPECT_EQ(json["rejects"]["not_utf8"]["documents"], 1);
  EXPECT_EQ(json["rejects"]["not_utf8"]["bytes"], 7);
  EXPECT_EQ(json["rejects"]["unknown"]["documents"], 1);
  EXPECT_EQ(json["duplicates"]["near"]["documents"], 1);
  EXPECT_EQ(json["duplicates"]["exact"]["documents"], 0);
  EXPECT_EQ(json["duplicates"]["url"]["documents"], 0);
  EXPECT_EQ(json["normalize"]["utf8_repairs"], 4);
  EXPECT_EQ(json["normalize"]["documents_with_utf8_repairs"], 1);
  EXPECT_EQ(json["normalize"]["tatweel_removed"], 6);
  EXPECT_EQ(json["normalize"]["lines_removed"], 4);
  EXPECT_EQ(json["normalize"]["bytes_removed"], 80);
  EXPECT_EQ(json["normalize"]["documents_with_lines_removed"], 2);
  EXPECT_EQ(json["content"]["words"], 2);
  EXPECT_EQ(json["by_language"]["ar"]["documents"], 2);
  EXPECT_EQ(json["by_language"]["ar"]["kept"], 1);
  EXPECT_EQ(json["by_language"]["ar"]["duplicates"], 1);
  EXPECT_EQ(json["by_language"]["ar"]["words"], 2);
  EXPECT_EQ(json["by_language"]["und"]["rejected"], 2);
  EXPECT_EQ(json["by_script"]["Arab"]["chars"], 7);
  EXPECT_EQ(json["by_host"]["www.alarabiya.net"]["documents"], 2);
  EXPECT_EQ(json["by_host"]["(none)"]["documents"], 2);
  EXPECT_EQ(json["by_month"]["2018-03"]["kept"], 1);
  EXPECT_EQ(json["by_month"]["unknown"]["documents"], 2);
  EXPECT_EQ(json["lengths"]["chars"]["count"], 1);
  EXPECT_EQ(json["lengths"]["chars"]["percentiles"]["p50"], 7);
  EXPECT_EQ(json["similarity"]["count"], 1);
  EXPECT_EQ(json["duplicate_groups"]["groups"], 1);
  EXPECT_EQ(json["duplicate_groups"]["largest"][0]["id"], "0:0");
  EXPECT_EQ(json["duplicate_groups"]["largest"][0]["title"], "عنوان الخبر");
  EXPECT_EQ(json["duplicate_groups"]["largest"][0]["sample"], "0:1");
  EXPECT_EQ(json["schema_version"], StatsAccumulator::kSchemaVersion);
}

TEST(StatsAccumulator, MonthOfDate) {
  EXPECT_EQ(StatsAccumulator::month_of("2018-03-17"), "2018-03");
  EXPECT_EQ(StatsAccumulator::month_of("2018-12"), "2018-12");
  EXPECT_EQ(StatsAccumulator::month_of("2018-13-01"), "unknown");
  EXPECT_EQ(StatsAccumulator::month_of("2018-00-01"), "unknown");
  EXPECT_EQ(StatsAccumulator::month_of("2018-3-17"), "unknown");
  EXPECT_EQ(StatsAccumulator::month_of("20180317"), "unknown");
  EXPECT_EQ(StatsAccumulator::month_of("2018-031"), "unknown");
  EXPECT_EQ(StatsAccumulator::month_of(""), "unknown");
}

TEST(StatsAccumulator, MergingHalvesEqualsTheWholeExactly) {
  auto documents = testing::make_documents(3000);
  StatsAccumulator whole = accumulate(documents, 0, documents.size());
  for (size_t split : {size_t{0}, size_t{1}, size_t{1234}, documents.size()}) {
    StatsAccumulator left = accumulate(documents, 0, split);
    StatsAccumulator right = accumulate(documents, split, documents.size());
    left.merge(right);
    EXPECT_EQ(left, whole) << split;
    EXPECT_EQ(left.to_json(), whole.to_json()) << split;
  }
}

TEST(StatsAccumulator, MergingPerThreadAccumulatorsInAnyOrderEqualsTheWhole) {
  auto documents = testing::make_documents(3000, 7);
  StatsAccumulator whole = accumulate(documents, 0, documents.size());
  // Batches of 64 documents dealt to 5 "threads" round robin, merged in reverse.
  std::vector<StatsAccumulator> threads(5);
  for (size_t i = 0; i < documents.size(); ++i) threads[(i / 64) % 5].add(documents[i]);
  StatsAccumulator merged;
  for (size_t t = threads.size(); t-- > 0;) merged.merge(threads[t]);
  EXPECT_EQ(merged, whole);
  EXPECT_EQ(merged.to_json(), whole.to_json());
  EXPECT_EQ(merged.documents(), documents.size());
  EXPECT_EQ(merged.kept() + merged.duplicates() + merged.rejected(), documents.size());
}

TEST(StatsAccumulator, JsonRoundTrip) {
  auto documents = testing::make_documents(2000);
  StatsConfig config;
  config.top_groups = 1000;  // every group listed, so samples survive too
  StatsAccumulator stats = accumulate(documents, 0, documents.size(), config);
  nlohmann::json json = stats.to_json();
  StatsAccumulator back = StatsAccumulator::from_json(json);
  EXPECT_EQ(back, stats);
  EXPECT_EQ(back.to_json(), json);
  EXPECT_EQ(StatsAccumulator::from_json(nlohmann::json::parse(json.dump())), stats);
}

TEST(StatsAccumulator, MergeAfterJsonRoundTripEqualsTheWhole) {
  auto documents = testing::make_documents(2000, 3);
  StatsAccumulator whole = accumulate(documents, 0, documents.size());
  StatsAccumulator left = StatsAccumulator::from_json(accumulate(documents, 0, 900).to_json());
  left.merge(StatsAccumulator::from_json(accumulate(documents, 900, documents.size()).to_json()));
  nlohmann::json merged = left.to_json();
  nlohmann::json expected = whole.to_json();
  // Counts, histograms, tables and group sizes are exact; a group's sample title survives only
  // where the group was listed in a part's `largest`.
  for (auto& json : {&merged, &expected}) (*json)["duplicate_groups"].erase("largest");
  EXPECT_EQ(merged, expected);
}

TEST(StatsAccumulator, SamplesEveryCategoryAndReadsStatsWithoutSamples) {
  auto documents = testing::make_documents(2000, 5);
  StatsAccumulator stats = accumulate(documents, 0, documents.size());
  nlohmann::json json = stats.to_json();
  const auto& samples = json["samples"];
  EXPECT_EQ(samples["kept"].size(), DocumentSamples::kPerCategory);
  for (const char* kind : {"exact", "url", "near"}) EXPECT_EQ(samples["duplicates"][kind].size(), 5u) << kind;
  for (const auto& [reason, counts] : json["rejects"].items()) {
    EXPECT_EQ(samples["rejects"][reason].size(), std::min<uint64_t>(counts["documents"].get<uint64_t>(), 5)) << reason;
    EXPECT_EQ(samples["rejects"][reason][0]["reason"], reason);
  }
  EXPECT_EQ(samples["kept"][0]["id"], "0:0");

  json.erase("samples");
  StatsAccumulator without = StatsAccumulator::from_json(json);
  EXPECT_TRUE(without.samples().kept().empty());
  without.merge(stats);
  EXPECT_EQ(without.samples(), stats.samples());
}

TEST(StatsAccumulator, FromJsonRejectsBrokenDocuments) {
  StatsAccumulator stats;
  stats.add(testing::make_documents(1)[0]);
  nlohmann::json json = stats.to_json();

  auto expect_error = [](const nlohmann::json& bad, const std::string& fragment) {
    try {
      StatsAccumulator::from_json(bad);
      ADD_FAILURE() << "no error for " << fragment;
    } catch (const StatsFormatError& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  };
  nlohmann::json bad = json;
  bad["documents"].erase("in");
  expect_error(bad, "documents.in");
  bad = json;
  bad["normalize"]["lines_removed"] = "many";
  expect_error(bad, "normalize.lines_removed");
  bad = json;
  bad["schema_version"] = 99;
  expect_error(bad, "schema_version 99");
  bad = json;
  bad["schema"] = "something.else";
  expect_error(bad, "schema");
  bad = json;
  bad["by_language"] = nlohmann::json::array();
  expect_error(bad, "by_language");
  bad = json;
  bad["hosts"]["exact"] = 1;
  expect_error(bad, "hosts.exact");
  expect_error(nlohmann::json::array(), "not a JSON object");
  expect_error(nlohmann::json::object(), "schema");
}

TEST(StatsAccumulator, HostsBeyondCapacityAreApproximateButBounded) {
  StatsConfig config;
  config.host_capacity = 4;
  StatsAccumulator stats(config);
  for (int i = 0; i < 100; ++i) {
    Document doc;
    doc.id = {0, static_cast<uint64_t>(i)};
    doc.host = "host" + std::to_string(i % 3 == 0 ? 0 : i);
    stats.add(doc);
  }
  nlohmann::json json = stats.to_json();
  EXPECT_FALSE(json["hosts"]["exact"].get<bool>());
  EXPECT_LE(json["by_host"].size(), 8u);
  EXPECT_EQ(json["by_host"]["host0"]["documents"], 34);
  EXPECT_EQ(StatsAccumulator::from_json(json).to_json(), json);
}

}  // namespace
}  // namespace corpusflow
