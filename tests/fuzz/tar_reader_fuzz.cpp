// Fuzz target: the tar reader over arbitrary (plain or zstd-compressed) bytes keeps the reader invariants.
#include "io/input_format.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corpusflow::fuzz::check_reader(data, size, corpusflow::InputFormat::tar);
  return 0;
}
