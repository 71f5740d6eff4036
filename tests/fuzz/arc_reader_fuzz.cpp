// Fuzz target: the ARC reader over arbitrary (plain, zstd or gzip) bytes keeps the reader invariants.
#include "io/input_format.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corpusflow::fuzz::check_reader(data, size, corpusflow::InputFormat::arc);
  return 0;
}
