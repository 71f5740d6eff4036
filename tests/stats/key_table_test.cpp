#include "stages/stats/key_table.h"

#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace corpusflow {
namespace {

// Zipf-like stream: key k appears about 1000 / (k + 1) times, interleaved.
std::vector<std::string> skewed_keys(int distinct) {
  std::vector<std::string> keys;
  for (int round = 0; round < 1000; ++round) {
    for (int k = 0; k < distinct; ++k) {
      if (round % (k + 1) == 0) keys.push_back("host" + std::to_string(k));
    }
  }
  return keys;
}

void expect_bounds_hold(const KeyTable& table, const std::map<std::string, uint64_t>& truth) {
  for (const auto& [key, true_count] : truth) {
    const KeyCounts* counts = table.find(key);
    if (counts == nullptr) {
      EXPECT_LE(true_count, table.error_bound()) << key;
      continue;
    }
    EXPECT_LE(counts->documents, true_count) << key;
    EXPECT_GE(counts->documents + counts->error, true_count) << key;
  }
}

TEST(KeyTable, CountsExactlyWithinCapacity) {
  KeyTable table(10);
  KeyCounts& ar = table.at("ar");
  ar.documents += 3;
  ar.kept += 2;
  table.at("en").documents += 5;
  table.at("ar").documents += 1;
  EXPECT_EQ(table.size(), 2u);
  EXPECT_TRUE(table.exact());
  auto sorted = table.sorted();
  ASSERT_EQ(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].first, "en");
  EXPECT_EQ(sorted[1].first, "ar");
  EXPECT_EQ(sorted[1].second.documents, 4u);
  EXPECT_EQ(table.sorted(1).size(), 1u);
}

TEST(KeyTable, TiesSortByKey) {
  KeyTable table;
  for (const char* key : {"c", "a", "b"}) table.at(key).documents = 1;
  auto sorted = table.sorted();
  EXPECT_EQ(sorted[0].first, "a");
  EXPECT_EQ(sorted[2].first, "c");
}

TEST(KeyTable, PruningKeepsHeavyKeysAndBoundsTheError) {
  auto keys = skewed_keys(200);
  std::map<std::string, uint64_t> truth;
  KeyTable table(20);
  for (const auto& key : keys) {
    ++truth[key];
    ++table.at(key).documents;
  }
  EXPECT_FALSE(table.exact());
  EXPECT_LT(table.size(), 40u);
  expect_bounds_hold(table, truth);
  auto top = table.sorted(5);
  for (int k = 0; k < 5; ++k) EXPECT_EQ(top[k].first, "host" + std::to_string(k));
}

TEST(KeyTable, MergeIsExactWithinCapacityAndBoundedBeyond) {
  auto keys = skewed_keys(200);
  std::map<std::string, uint64_t> truth;
  KeyTable unbounded_left, unbounded_right, unbounded_whole;
  KeyTable left(20), right(20);
  for (size_t i = 0; i < keys.size(); ++i) {
    ++truth[keys[i]];
    ++unbounded_whole.at(keys[i]).documents;
    ++(i % 3 ? unbounded_left : unbounded_right).at(keys[i]).documents;
    ++(i % 3 ? left : right).at(keys[i]).documents;
  }
  unbounded_left.merge(unbounded_right);
  EXPECT_EQ(unbounded_left, unbounded_whole);

  left.merge(right);
  expect_bounds_hold(left, truth);
}

TEST(KeyTable, JsonRoundTrip) {
  KeyTable table(100);
  KeyCounts& counts = table.at("أخبار.مصر");
  counts = {7, 5, 1, 1, 0, 900, 5400, 9800, 0};
  table.at("www.bbc.com").documents = 2;
  nlohmann::json json = table.to_json();
  EXPECT_EQ(json["أخبار.مصر"]["words"], 900);
  EXPECT_FALSE(json["أخبار.مصر"].contains("error"));
  EXPECT_EQ(KeyTable::from_json(json, 100, true, 0, "by_host"), table);
}

}  // namespace
}  // namespace corpusflow
