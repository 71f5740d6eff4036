#include "stages/stats/duplicate_groups.h"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"

namespace corpusflow {
namespace {

Document duplicate(uint64_t record, uint64_t of, std::string title = "عنوان") {
  Document doc;
  doc.id = {0, record};
  doc.outcome = Outcome::duplicate;
  doc.duplicate_kind = DuplicateKind::exact;
  doc.duplicate_of = {0, of};
  doc.title = std::move(title);
  doc.host = "www.alarabiya.net";
  return doc;
}

TEST(DuplicateGroups, CountsAbsorbedPerKeptDocument) {
  DuplicateGroups groups;
  groups.add(duplicate(5, 1));
  groups.add(duplicate(6, 1));
  groups.add(duplicate(7, 2));
  EXPECT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups.absorbed(), 3u);
  auto largest = groups.largest();
  ASSERT_EQ(largest.size(), 2u);
  EXPECT_EQ(largest[0].kept, (DocumentId{0, 1}));
  EXPECT_EQ(largest[0].absorbed, 2u);
  LogHistogram sizes = groups.size_histogram();
  EXPECT_EQ(sizes.count(), 2u);
  EXPECT_EQ(sizes.min(), 2u);
  EXPECT_EQ(sizes.max(), 3u);
}

TEST(DuplicateGroups, SampleIsTheSmallestDuplicateWhateverTheOrder) {
  DuplicateGroups forward, backward, left, right;
  for (uint64_t r = 10; r < 20; ++r) forward.add(duplicate(r, 1, "title " + std::to_string(r)));
  for (uint64_t r = 20; r-- > 10;) backward.add(duplicate(r, 1, "title " + std::to_string(r)));
  for (uint64_t r = 10; r < 20; ++r) (r % 2 ? left : right).add(duplicate(r, 1, "title " + std::to_string(r)));
  left.merge(right);
  for (const auto* groups : {&forward, &backward, &left}) {
    auto largest = groups->largest();
    ASSERT_EQ(largest.size(), 1u);
    EXPECT_EQ(largest[0].sample, (DocumentId{0, 10}));
    EXPECT_EQ(largest[0].title, "title 10");
    EXPECT_EQ(largest[0].absorbed, 10u);
  }
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward, left);
}

TEST(DuplicateGroups, LongTitlesAreCutAtACharacterBoundary) {
  std::string title;
  for (int i = 0; i < 100; ++i) title += "ب";  // 2 bytes each
  DuplicateGroups groups;
  groups.add(duplicate(3, 1, "x" + title));
  std::string kept_title = groups.largest()[0].title;
  EXPECT_LE(kept_title.size(), DuplicateGroups::kSampleTitleBytes);
  EXPECT_EQ((kept_title.size() - 1) % 2, 0u);
}

TEST(DuplicateGroups, PruningBoundsTheError) {
  DuplicateGroups groups(5);
  std::map<uint64_t, uint64_t> truth;
  uint64_t record = 1000;
  for (int round = 0; round < 200; ++round) {
    for (uint64_t kept = 0; kept < 60; ++kept) {
      if (round % (kept + 1) != 0) continue;
      groups.add(duplicate(record++, kept));
      ++truth[kept];
    }
  }
  EXPECT_FALSE(groups.exact());
  EXPECT_LE(groups.size(), 10u);
  std::map<uint64_t, const DuplicateGroup*> found;
  auto largest = groups.largest();
  for (const auto& group : largest) found[group.kept.record] = &group;
  for (const auto& [kept, count] : truth) {
    auto it = found.find(kept);
    if (it == found.end()) {
      EXPECT_LE(count, groups.error_bound());
    } else {
      EXPECT_LE(it->second->absorbed, count);
      EXPECT_GE(it->second->absorbed + it->second->error, count);
    }
  }
  EXPECT_EQ(largest[0].kept.record, 0u);
}

TEST(DuplicateGroups, JsonRoundTripKeepsCountsAndListedSamples) {
  DuplicateGroups groups;
  for (uint64_t r = 0; r < 30; ++r) groups.add(duplicate(100 + r, r % 7, "<t" + std::to_string(r) + ">"));
  nlohmann::json json = groups.to_json(3);
  EXPECT_EQ(json["largest"].size(), 3u);
  EXPECT_EQ(json["tracked"].size(), 7u);
  EXPECT_EQ(json["absorbed"], 30);
  DuplicateGroups back = DuplicateGroups::from_json(json, 20000);
  EXPECT_EQ(back.to_json(3), json);
  EXPECT_EQ(back.absorbed(), 30u);

  nlohmann::json bad = json;
  bad["largest"][0]["id"] = "not-an-id";
  EXPECT_THROW(DuplicateGroups::from_json(bad, 10), StatsFormatError);
  bad = json;
  bad["tracked"][0] = {1, 2};
  EXPECT_THROW(DuplicateGroups::from_json(bad, 10), StatsFormatError);
  bad = json;
  bad["largest"][0]["id"] = "9:9";
  EXPECT_THROW(DuplicateGroups::from_json(bad, 10), StatsFormatError);
}

}  // namespace
}  // namespace corpusflow
