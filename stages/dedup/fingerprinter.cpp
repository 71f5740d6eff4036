#include "stages/dedup/fingerprinter.h"

#include <cassert>

#include <xxhash.h>

#include "core/scratch_buffer.h"
#include "stages/dedup/shingles.h"
#include "stages/dedup/url_normalizer.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"

namespace corpusflow {

Fingerprinter::Fingerprinter(const DedupConfig& config)
    : config_(config), hasher_(config.family, config.signature_size(), config.seed) {}

void Fingerprinter::fingerprint(Document& doc) {
  if (doc.rejected()) return;
  Fingerprint& fp = doc.fingerprint;
  fp = Fingerprint{};

  if (doc.fingerprint_text_ready) {
    text_.swap(doc.fingerprint_text);
    std::string().swap(doc.fingerprint_text);
    doc.fingerprint_text_ready = false;
    // Debug and sanitized builds check normalize's fingerprint text against the text on every document.
    assert(text_ == fingerprint_text(doc.text));
  } else {
    fingerprint_text(doc.text, text_);
  }
  fp.has_text = !text_.empty();
  if (fp.has_text) {
    const XXH128_hash_t hash = XXH3_128bits(text_.data(), text_.size());
    fp.exact_hash_low = hash.low64;
    fp.exact_hash_high = hash.high64;
  }

  if (!doc.url.empty()) {
    const std::string url = normalize_url(doc.url, {.merge_http_https = config_.url_merge_http_https});
    fp.has_url = !url.empty();
    if (fp.has_url) fp.url_hash = XXH3_64bits(url.data(), url.size());
  }

  if (config_.near && fp.has_text) {
    tokenize(text_, tokens_);
    signature_of_tokens(tokens_, fp.signature);
  }
  trim_scratch(text_);
  trim_scratch(tokens_);
  trim_scratch(shingles_);
}

void Fingerprinter::signature_of_tokens(const std::vector<std::string_view>& tokens, std::vector<uint32_t>& signature) {
  shingle_hashes(tokens, config_.ngram, shingles_);
  if (shingles_.empty()) {
    signature.clear();
    return;
  }
  hasher_.signature(shingles_, signature);
}

}  // namespace corpusflow
