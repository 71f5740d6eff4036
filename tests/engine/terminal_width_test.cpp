// The bar's width comes from $COLUMNS when stderr is no terminal, else 80.
#include "engine/graph/terminal_width.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace corpusflow {
namespace {

class TerminalWidth : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(pipe(pipe_), 0);
    if (const char* columns = std::getenv("COLUMNS")) saved_ = columns;
  }
  void TearDown() override {
    close(pipe_[0]);
    close(pipe_[1]);
    if (saved_)
      setenv("COLUMNS", saved_->c_str(), 1);
    else
      unsetenv("COLUMNS");
  }
  int not_a_terminal() const { return pipe_[1]; }

 private:
  int pipe_[2] = {-1, -1};
  std::optional<std::string> saved_;
};

TEST_F(TerminalWidth, ColumnsWhenNotATerminal) {
  setenv("COLUMNS", "37", 1);
  EXPECT_EQ(terminal_width(not_a_terminal()), 37);
}

TEST_F(TerminalWidth, EightyWithoutColumns) {
  unsetenv("COLUMNS");
  EXPECT_EQ(terminal_width(not_a_terminal()), 80);
}

TEST_F(TerminalWidth, EightyWhenColumnsIsNotAPositiveNumber) {
  for (const char* value : {"", "abc", "40x", "0", "-5"}) {
    setenv("COLUMNS", value, 1);
    EXPECT_EQ(terminal_width(not_a_terminal()), 80) << "COLUMNS=" << value;
  }
}

}  // namespace
}  // namespace corpusflow
