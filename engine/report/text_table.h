// TextTable: a terminal table with a title, left- or right-aligned columns padded to the widest cell
// (measured in display columns, so Arabic and CJK cells line up).
#pragma once

#include <string>
#include <vector>

namespace corpusflow {

class TextTable {
 public:
  enum class Align { left, right };
  struct Column {
    std::string header;
    Align align = Align::right;
  };

  TextTable(std::string title, std::vector<Column> columns);
  void add_row(std::vector<std::string> cells);  // missing cells are blank, extra cells dropped
  size_t rows() const { return rows_.size(); }
  // "Title\n  header  header\n  cell  cell\n..." with two spaces of indent and two between columns.
  std::string render() const;

 private:
  std::string title_;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace corpusflow
