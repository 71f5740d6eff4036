// StatsFormatError: a stats.json that cannot be read back (missing key, wrong type, newer schema).
// Thrown by the from_json functions; the `stats` command turns it into a one-line message.
#pragma once

#include <stdexcept>
#include <string>

namespace corpusflow {

struct StatsFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace corpusflow
