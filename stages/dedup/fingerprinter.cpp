#include "stages/dedup/fingerprinter.h"

#include <cassert>

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack: the title and the text hashed as one stream
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
  if (doc.rejected() || doc.filtered()) return;
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
  title_.clear();
  if (config_.title_in_keys && !doc.title.empty()) fingerprint_text(doc.title, title_);
  fp.has_text = !text_.empty();
  if (fp.has_text) {
    XXH128_hash_t hash;
    if (title_.empty()) {
      hash = XXH3_128bits(text_.data(), text_.size());
    } else {
      XXH3_state_t state;
      XXH3_128bits_reset(&state);
      XXH3_128bits_update(&state, title_.data(), title_.size());
      XXH3_128bits_update(&state, "", 1);  // the NUL that fingerprint text never holds
      XXH3_128bits_update(&state, text_.data(), text_.size());
      hash = XXH3_128bits_digest(&state);
    }
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
    if (!title_.empty()) {
      tokenize(title_, title_tokens_);
      tokens_.insert(tokens_.begin(), title_tokens_.begin(), title_tokens_.end());
    }
    signature_of_tokens(tokens_, fp.signature);
  }
  trim_scratch(text_);
  trim_scratch(title_);
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
