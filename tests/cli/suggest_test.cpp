// Edit distances and the nearest-name rule behind "did you mean".
#include "engine/cli/suggest.h"

#include <gtest/gtest.h>

namespace corpusflow {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("run", "run"), 0u);
  EXPECT_EQ(edit_distance("", "run"), 3u);
  EXPECT_EQ(edit_distance("stats", ""), 5u);
  EXPECT_EQ(edit_distance("--thread", "--threads"), 1u);
  EXPECT_EQ(edit_distance("--threadss", "--threads"), 1u);
  EXPECT_EQ(edit_distance("cat", "cut"), 1u);
  EXPECT_EQ(edit_distance("rnu", "run"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // optimal string alignment: the transposed pair is not edited again
  EXPECT_EQ(edit_distance("abcdef", "badcfe"), 3u);
}

TEST(EditDistance, IsSymmetric) {
  for (const auto& [a, b] : {std::pair{"--outptu", "--output"}, {"gne", "gen"}, {"--jsn", "--json"}}) {
    EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << a << " " << b;
  }
}

TEST(NearestName, SuggestsTheClosestCandidate) {
  const std::vector<std::string> commands = {"run", "stats", "cat", "gen"};
  EXPECT_EQ(nearest_name("rnu", commands), "run");
  EXPECT_EQ(nearest_name("stat", commands), "stats");
  EXPECT_EQ(nearest_name("ct", commands), "cat");
  const std::vector<std::string> options = {"--threads", "--threshold", "--output", "-o", "--help", "-h"};
  EXPECT_EQ(nearest_name("--thread", options), "--threads");
  EXPECT_EQ(nearest_name("--threshhold", options), "--threshold");
  EXPECT_EQ(nearest_name("--outptu", options), "--output");
  EXPECT_EQ(nearest_name("-threads", options), "--threads");
}

TEST(NearestName, StaysQuietWhenNothingIsClose) {
  const std::vector<std::string> names = {"run", "stats", "cat", "gen", "-o", "-h", "--help"};
  EXPECT_EQ(nearest_name("x", names), std::nullopt);
  EXPECT_EQ(nearest_name("-x", names), std::nullopt);
  EXPECT_EQ(nearest_name("deploy", names), std::nullopt);
  EXPECT_EQ(nearest_name("--", names), std::nullopt);
  EXPECT_EQ(nearest_name("rnu", {}), std::nullopt);
}

TEST(NearestName, FirstOfEquallyNearCandidates) {
  EXPECT_EQ(nearest_name("cxt", {"cat", "cut"}), "cat");
  EXPECT_EQ(nearest_name("cxt", {"cut", "cat"}), "cut");
}

}  // namespace
}  // namespace corpusflow
