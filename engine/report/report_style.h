// The stylesheet of report.html (screen and print), kept apart from the page's structure.
#pragma once

#include <string_view>

namespace corpusflow {

extern const std::string_view kReportStyle;

}  // namespace corpusflow
