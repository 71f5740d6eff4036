#include "engine/report/text_table.h"

#include <algorithm>

#include "engine/report/format.h"

namespace corpusflow {

TextTable::TextTable(std::string title, std::vector<Column> columns)
    : title_(std::move(title)), columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
  std::vector<size_t> widths(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    widths[c] = format::display_width(columns_[c].header);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], format::display_width(row[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "  ";
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string padding(widths[c] - format::display_width(cells[c]), ' ');
      bool last = c + 1 == cells.size();
      if (columns_[c].align == Align::right) {
        out += padding + cells[c];
      } else {
        out += cells[c];
        if (!last) out += padding;
      }
      if (!last) out += "  ";
    }
    while (out.ends_with(' ')) out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headers;
  for (const auto& column : columns_) headers.push_back(column.header);
  std::string out = title_ + "\n" + line(headers);
  for (const auto& row : rows_) out += line(row);
  return out;
}

}  // namespace corpusflow
