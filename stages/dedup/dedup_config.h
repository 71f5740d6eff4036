// DedupConfig: every option of the dedup stage (fingerprint + decide), with its default.
// The defaults and the measurements behind them are in docs/dedup.md.
#pragma once

#include <cstdint>

namespace corpusflow {

// How the K MinHash values of a signature are drawn (docs/dedup.md compares both).
enum class MinHashFamily : uint8_t {
  // One-permutation hashing: one 64-bit mix per shingle picks a bin and a value; empty bins are filled by
  // optimal densification (Shrivastava 2017). About K times less work than mod_prime; the default.
  one_permutation,
  // datatrove's family: K independent (a*h + b) mod (2^61 - 1) permutations, a minimum for each.
  mod_prime,
};

struct DedupConfig {
  bool exact = true;                 // --dedup exact: same 128-bit hash of the title's and text's fingerprint text
  bool url = true;                   // --dedup url: same normalized URL
  bool url_merge_http_https = true;  // the URL key treats http:// and https:// as one page (--url-keep-scheme)
  bool near = true;                  // --dedup near: MinHash LSH with verification
  bool title_in_keys = true;         // exact and near keys cover the title and the text (--text-only-keys: text)
  int ngram = 5;                     // shingle length in tokens; shorter documents get exact + url only
  // 16 x 6 at 0.70, chosen by measured recall at J >= 0.8 and precision at J < 0.5 (docs/dedup.md, "Choosing
  // the LSH defaults"); FineWeb's 14 x 8 at 0.75 is `--bands 14 --rows 8 --threshold 0.75`.
  int bands = 16;           // LSH bands; a signature holds bands * rows values (default 96)
  int rows = 6;             // values per band
  double threshold = 0.70;  // near when the estimated Jaccard (signature agreement) >= threshold
  MinHashFamily family = MinHashFamily::one_permutation;
  uint64_t seed = 0x636f72707573666cull;     // ASCII "corpusfl": fixes the permutations and band keys
  uint64_t index_memory_bytes = 4ull << 30;  // --index-memory; exceeding it throws IndexMemoryExceeded

  int signature_size() const { return bands * rows; }
  bool enabled() const { return exact || url || near; }
};

}  // namespace corpusflow
