#include "core/reject_reason.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

namespace corpusflow {
namespace {

TEST(RejectReason, EveryReasonHasAUniqueNameThatReadsBack) {
  std::set<std::string> names;
  for (int i = 1; i < static_cast<int>(RejectReason::count); ++i) {
    const auto reason = static_cast<RejectReason>(i);
    const std::string name(to_string(reason));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(reject_reason_named(name), reason);
  }
  EXPECT_EQ(names.size(), 7u);
}

TEST(RejectReason, NoneHasNoNameAndUnknownNamesHaveNoReason) {
  EXPECT_EQ(to_string(RejectReason::none), "");
  EXPECT_EQ(reject_reason_named(""), std::nullopt);
  EXPECT_EQ(reject_reason_named("bad json"), std::nullopt);
  EXPECT_EQ(reject_reason_named("IO"), std::nullopt);
}

TEST(RejectReason, PrintsItsName) {
  std::ostringstream out;
  out << RejectReason::bad_json;
  EXPECT_EQ(out.str(), "bad_json");
}

}  // namespace
}  // namespace corpusflow
