// Fuzz target: fingerprint text, shingles and MinHash. First byte: bits 0-2 ngram - 1, bit 3 the MinHash family
// (mod_prime when set), bits 4-5 bands x rows, bit 6 a second seed, bit 7 the first line is also the URL.
// fingerprint_text is valid UTF-8, NFC, trimmed, idempotent and equal to fingerprint_text_reference; the
// Fingerprinter's hashes and signature match what its parts compute, the signature has bands * rows values
// exactly when there are >= ngram tokens, and every result is the same from a fresh Fingerprinter and from
// normalize's ready fingerprint text.
#include <xxhash.h>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "stages/dedup/dedup_config.h"
#include "stages/dedup/fingerprinter.h"
#include "stages/dedup/minhash.h"
#include "stages/dedup/shingles.h"
#include "stages/dedup/url_normalizer.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/text_checks.h"

namespace corpusflow::fuzz_fingerprint {

DedupConfig config_from(uint8_t control) {
  static constexpr std::array<std::pair<int, int>, 4> kBandsRows = {{{14, 8}, {1, 1}, {3, 5}, {20, 4}}};
  DedupConfig config;
  config.ngram = 1 + (control & 7);
  config.family = (control & 8) ? MinHashFamily::mod_prime : MinHashFamily::one_permutation;
  config.bands = kBandsRows[(control >> 4) & 3].first;
  config.rows = kBandsRows[(control >> 4) & 3].second;
  if (control & 0x40) config.seed = 1;
  return config;
}

bool same_fingerprint(const Fingerprint& a, const Fingerprint& b) {
  return a.exact_hash_low == b.exact_hash_low && a.exact_hash_high == b.exact_hash_high && a.url_hash == b.url_hash &&
         a.has_url == b.has_url && a.has_text == b.has_text && a.signature == b.signature;
}

}  // namespace corpusflow::fuzz_fingerprint

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corpusflow;
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const DedupConfig config = fuzz_fingerprint::config_from(control);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);

  std::string fingerprint = "left over";
  fingerprint_text(input, fingerprint);
  fuzz::check_fingerprint_text(input, fingerprint);
  FUZZ_CHECK(fingerprint_text(input) == fingerprint, "the two fingerprint_text overloads differ");

  std::vector<std::string_view> tokens;
  tokenize(fingerprint, tokens);
  std::vector<uint64_t> shingles = {1, 2, 3};
  shingle_hashes(tokens, config.ngram, shingles);
  const size_t ngram = static_cast<size_t>(config.ngram);
  FUZZ_CHECK(shingles.size() == (tokens.size() >= ngram ? tokens.size() - ngram + 1 : 0), "shingle count");
  std::vector<uint64_t> shingles_again;
  shingle_hashes(tokens, config.ngram, shingles_again);
  FUZZ_CHECK(shingles_again == shingles, "shingle_hashes is not deterministic");

  const MinHasher hasher(config.family, config.signature_size(), config.seed);
  std::vector<uint32_t> signature;
  hasher.signature(shingles, signature);
  FUZZ_CHECK(signature.size() == static_cast<size_t>(config.signature_size()), "signature size");
  std::vector<uint32_t> signature_again;
  hasher.signature(shingles, signature_again);
  FUZZ_CHECK(signature_again == signature, "MinHasher::signature is not deterministic");
  FUZZ_CHECK(signature_agreement(signature.data(), signature_again.data(), hasher.size()) == hasher.size(),
             "a signature does not fully agree with itself");

  Document doc;
  doc.text = input;
  if (control & 0x80) doc.url = input.substr(0, input.find('\n'));
  Fingerprinter fingerprinter(config);
  fingerprinter.fingerprint(doc);
  const Fingerprint& fp = doc.fingerprint;
  FUZZ_CHECK(fp.has_text == !fingerprint.empty(), "has_text differs from a non-empty fingerprint text");
  if (fp.has_text) {
    const XXH128_hash_t hash = XXH3_128bits(fingerprint.data(), fingerprint.size());
    FUZZ_CHECK(fp.exact_hash_low == hash.low64 && fp.exact_hash_high == hash.high64, "exact hash");
  }
  const std::string url = normalize_url(doc.url);
  FUZZ_CHECK(fp.has_url == !url.empty(), "has_url differs from a non-empty normalized URL");
  if (fp.has_url) {
    FUZZ_CHECK(fp.url_hash == XXH3_64bits(url.data(), url.size()), "url hash");
    FUZZ_CHECK(url.find("://") != std::string::npos, "a normalized URL without ://");
  }
  if (fp.has_text && tokens.size() >= ngram) {
    FUZZ_CHECK(fp.signature.size() == static_cast<size_t>(config.signature_size()), "signature size");
    FUZZ_CHECK(fp.signature == signature, "the Fingerprinter's signature differs from MinHasher's");
  } else {
    FUZZ_CHECK(fp.signature.empty(), "a signature below ngram tokens");
  }
  std::vector<uint32_t> of_tokens = {7};
  fingerprinter.signature_of_tokens(tokens, of_tokens);
  FUZZ_CHECK(of_tokens == (tokens.size() >= ngram ? signature : std::vector<uint32_t>{}), "signature_of_tokens");

  // Reused, fresh, and with normalize's fingerprint text ready: the same fingerprint.
  Document reused;
  reused.text = doc.text;
  reused.url = doc.url;
  fingerprinter.fingerprint(reused);
  FUZZ_CHECK(fuzz_fingerprint::same_fingerprint(reused.fingerprint, fp), "a reused Fingerprinter differs");
  Document ready;
  ready.text = doc.text;
  ready.url = doc.url;
  ready.fingerprint_text = fingerprint;
  ready.fingerprint_text_ready = true;
  Fingerprinter fresh(config);
  fresh.fingerprint(ready);
  FUZZ_CHECK(fuzz_fingerprint::same_fingerprint(ready.fingerprint, fp), "ready fingerprint text differs");
  FUZZ_CHECK(!ready.fingerprint_text_ready && ready.fingerprint_text.empty(), "fingerprint text not taken");
  return 0;
}
