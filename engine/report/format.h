// Number and text formatting shared by the terminal summary and the HTML report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corpusflow::format {

std::string count(uint64_t value);              // 1234567 -> "1,234,567"
std::string bytes(uint64_t value);              // SI units: "999 B", "1.2 kB", "19.0 MB", "3.40 GB"
std::string percent(double value);              // 12.345 -> "12.3%"; below 0.1 and not 0 -> "<0.1%"
std::string fixed(double value, int decimals);  // "12.3"; thousands separators in the integer part
std::string seconds(double value);              // "0.42 s", "12.3 s", "3 min 05 s", "1 h 02 min"
double share(uint64_t part, uint64_t whole);    // percent, 0 when whole is 0

// Columns a string takes in a terminal: code points, 0 for combining marks and format characters,
// 2 for East Asian wide/fullwidth ranges. Invalid UTF-8 bytes count 1 each.
size_t display_width(std::string_view text);
// Cut to at most `width` columns, ending with "…" when cut.
std::string truncate(std::string_view text, size_t width);
// Cut to at most `width` columns keeping the end (file names of paths), starting with "…" when cut.
std::string truncate_left(std::string_view text, size_t width);

}  // namespace corpusflow::format

namespace corpusflow::format {

std::string compact(double value);  // axis labels: 950 -> "950", 1234 -> "1.2k", 2500000 -> "2.5M"

}  // namespace corpusflow::format
