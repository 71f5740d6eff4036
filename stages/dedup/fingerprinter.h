// Fingerprinter: the parallel half of dedup. Computes a document's exact-text hash, URL hash and MinHash
// signature (core/document.h, Fingerprint) so that the serial Decider only looks them up.
// One per thread: it owns scratch buffers and is not thread-safe; make as many as there are threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "stages/dedup/dedup_config.h"
#include "stages/dedup/minhash.h"

namespace corpusflow {

class Fingerprinter {
 public:
  explicit Fingerprinter(const DedupConfig& config);

  // Fills doc.fingerprint from doc.title, doc.text and doc.url; skips rejected documents. Takes
  // doc.fingerprint_text when normalize left it ready, else computes it from doc.text. What a reader sees of a
  // page is its title and its text, so both are in the keys (unless config.title_in_keys is off):
  // exact: XXH3-128 of the title's fingerprint text, a NUL, and the text's (the text's alone without a title;
  //   has_text false when the text's is empty);
  // url: XXH3-64 of normalize_url(doc.url) (has_url false when that is empty);
  // signature: over the title's tokens followed by the text's, when near is on and there are at least ngram
  //   tokens, else empty.
  void fingerprint(Document& doc);

  // The signature of a token sequence (what fingerprint() does after tokenizing); empty below ngram tokens.
  void signature_of_tokens(const std::vector<std::string_view>& tokens, std::vector<uint32_t>& signature);

 private:
  DedupConfig config_;
  MinHasher hasher_;
  std::string text_;
  std::string title_;
  std::vector<std::string_view> tokens_;
  std::vector<std::string_view> title_tokens_;
  std::vector<uint64_t> shingles_;
};

}  // namespace corpusflow
