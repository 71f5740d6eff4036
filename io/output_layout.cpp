#include "io/output_layout.h"

#include <cstdio>

namespace corpusflow::output_layout {

std::string part_name(size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "part-%05zu.jsonl.zst", index);
  return name;
}

}  // namespace corpusflow::output_layout
