#include "stages/dedup/decider.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "stages/dedup/band_key.h"
#include "stages/dedup/minhash.h"

namespace corpusflow {
namespace {

constexpr size_t kInitialElements = 1024;
constexpr double kChanceAgreement = 1.0 / 256;  // two different 8-bit stored values agree

// Vectors of the index grow by half (not double) so the last growth before the budget overshoots less.
template <typename T>
size_t next_capacity(const std::vector<T>& v, size_t extra) {
  const size_t need = v.size() + extra;
  if (need <= v.capacity()) return v.capacity();
  return std::max({need, kInitialElements, v.capacity() + v.capacity() / 2});
}

template <typename T>
uint64_t growth_of(const std::vector<T>& v, size_t extra) {
  return (next_capacity(v, extra) - v.capacity()) * sizeof(T);
}

template <typename T>
void reserve_for(std::vector<T>& v, size_t extra) {
  v.reserve(next_capacity(v, extra));
}

template <typename T>
uint64_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

template <typename Key>
uint64_t growth_of(const FlatTable<Key>& table) {
  return table.will_grow() ? table.bytes_after_growth() - table.bytes() : 0;
}

std::string gib(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f GiB", static_cast<double>(bytes) / double(1ull << 30));
  return text;
}

}  // namespace

Decider::Decider(const DedupConfig& config)
    : config_(config),
      signature_size_(config.signature_size()),
      min_agreement_(static_cast<int>(std::ceil(
          (config.threshold + (1.0 - config.threshold) * kChanceAgreement) * config.signature_size() - 1e-9))),
      bands_(static_cast<size_t>(std::max(config.bands, 0))) {
  if (config.bands < 1 || config.rows < 1) throw std::invalid_argument("dedup needs bands >= 1 and rows >= 1");
  min_agreement_ = std::clamp(min_agreement_, 0, signature_size_);
  band_keys_.resize(static_cast<size_t>(config.bands));
}

void Decider::decide(Document& doc) {
  if (doc.rejected() || doc.filtered()) return;
  ++stats_.decided;
  const Fingerprint& fp = doc.fingerprint;
  const bool has_signature = config_.near && !fp.signature.empty();
  if (has_signature && fp.signature.size() != static_cast<size_t>(signature_size_)) {
    throw std::invalid_argument("dedup: document " + doc.id.str() + " has a signature of " +
                                std::to_string(fp.signature.size()) + " values, the config expects " +
                                std::to_string(signature_size_));
  }

  doc.duplicate_kind = DuplicateKind::none;
  doc.duplicate_of = {};
  doc.duplicate_of_id.clear();
  doc.similarity = 0.0f;
  const auto mark = [&](DuplicateKind kind, uint32_t kept_index, float similarity) {
    doc.outcome = Outcome::duplicate;
    doc.duplicate_kind = kind;
    doc.duplicate_of = kept_ids_[kept_index];
    set_duplicate_of_id(doc, kept_index);
    doc.similarity = similarity;
  };

  // Up to 16 lookups in tables far larger than the cache: start all their misses at once.
  const Key128 exact_key{fp.exact_hash_low, fp.exact_hash_high};
  if (config_.exact && fp.has_text) exact_.prefetch(exact_key);
  if (config_.url && fp.has_url) url_.prefetch(fp.url_hash);
  if (has_signature) {
    for (size_t band = 0; band < bands_.size(); ++band) {
      const uint64_t key = band_key(fp.signature.data(), static_cast<int>(band), config_.rows, config_.seed);
      band_keys_[band] = static_cast<uint32_t>(key ^ (key >> 32));
      bands_[band].prefetch(band_keys_[band]);
    }
  }

  if (config_.exact && fp.has_text) {
    if (const uint32_t hit = exact_.find(exact_key)) {
      ++stats_.duplicates_exact;
      return mark(DuplicateKind::exact, hit - 1, 1.0f);
    }
  }
  if (config_.url && fp.has_url) {
    if (const uint32_t hit = url_.find(fp.url_hash)) {
      ++stats_.duplicates_url;
      return mark(DuplicateKind::url, hit - 1, 1.0f);
    }
  }
  if (has_signature) {
    if (find_near(doc)) {
      ++stats_.duplicates_near;
      return;
    }
  }

  // Table values and band entries are uint32 (index + 1): the most the index can address.
  if (kept_ids_.size() + 2 >= UINT32_MAX || (near_kept_.size() + 2) * bands_.size() >= UINT32_MAX) {
    throw IndexMemoryExceeded("dedup index is full at document " + doc.id.str() + ": " +
                              std::to_string(kept_ids_.size()) + " kept documents is the most it addresses");
  }
  const uint64_t growth = growth_bytes(doc);
  const uint64_t used = stats().index_bytes;
  if (used + growth > config_.index_memory_bytes) {
    const uint64_t kept = kept_ids_.size();
    throw IndexMemoryExceeded(
        "dedup index needs more than --index-memory=" + std::to_string(config_.index_memory_bytes) + " (" +
        gib(config_.index_memory_bytes) + "): it holds " + std::to_string(kept) + " kept documents in " +
        std::to_string(used) + " bytes and needs " + std::to_string(growth) + " more at document " + doc.id.str() +
        "; raise --index-memory (about " + std::to_string(kept ? used / kept : 0) +
        " bytes per kept document, see docs/dedup.md)");
  }
  doc.outcome = Outcome::kept;
  insert(doc);
}

void Decider::prefetch(const Document& doc) const {
  if (doc.rejected() || doc.filtered()) return;
  const Fingerprint& fp = doc.fingerprint;
  if (config_.exact && fp.has_text) exact_.prefetch(Key128{fp.exact_hash_low, fp.exact_hash_high});
  if (config_.url && fp.has_url) url_.prefetch(fp.url_hash);
  if (!config_.near || fp.signature.size() != static_cast<size_t>(signature_size_)) return;
  for (size_t band = 0; band < bands_.size(); ++band) {
    const uint64_t key = band_key(fp.signature.data(), static_cast<int>(band), config_.rows, config_.seed);
    bands_[band].prefetch(static_cast<uint32_t>(key ^ (key >> 32)));
  }
}

void Decider::decide(std::span<Document> docs) {
  constexpr size_t kAhead = 4;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i + kAhead < docs.size()) prefetch(docs[i + kAhead]);
    decide(docs[i]);
  }
}

bool Decider::find_near(Document& doc) {
  candidates_.clear();
  const size_t bands = bands_.size();
  const size_t rows = static_cast<size_t>(config_.rows);
  const size_t k = static_cast<size_t>(signature_size_);
  const uint32_t* signature = doc.fingerprint.signature.data();
  for (size_t band = 0; band < bands; ++band) {
    ++stats_.band_lookups;
    for (uint32_t entry = bands_[band].find(band_keys_[band]); entry != 0; entry = near_next_[entry - 1]) {
      const auto near_index = static_cast<uint32_t>((entry - 1) / bands);
      const StoredValue* stored = &signatures_[near_index * k + band * rows];
      bool same_rows = true;
      for (size_t row = 0; row < rows; ++row)
        same_rows &= stored[row] == static_cast<StoredValue>(signature[band * rows + row]);
      if (same_rows) candidates_.push_back(near_index);
    }
  }
  if (candidates_.empty()) return false;
  // Near indexes follow kept order, which is id order: the first that verifies is the earliest leader.
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  for (uint32_t near_index : candidates_) {
    ++stats_.candidates_checked;
    const StoredValue* stored = &signatures_[near_index * k];
    int agree = 0;
    for (size_t i = 0; i < k; ++i) agree += stored[i] == static_cast<StoredValue>(signature[i]) ? 1 : 0;
    if (agree >= min_agreement_) {
      doc.outcome = Outcome::duplicate;
      doc.duplicate_kind = DuplicateKind::near;
      doc.duplicate_of = kept_ids_[near_kept_[near_index]];
      set_duplicate_of_id(doc, near_kept_[near_index]);
      doc.similarity = similarity_of(agree);
      return true;
    }
  }
  return false;
}

uint64_t Decider::growth_bytes(const Document& doc) const {
  const Fingerprint& fp = doc.fingerprint;
  uint64_t growth = growth_of(kept_ids_, 1) + growth_of(kept_id_ends_, 1) +
                    growth_of(kept_id_bytes_, derived_name_size(doc) == std::string::npos ? doc.id_text.size() : 0);
  if (config_.exact && fp.has_text) growth += growth_of(exact_);
  if (config_.url && fp.has_url) growth += growth_of(url_);
  if (config_.near && !fp.signature.empty()) {
    growth += growth_of(near_kept_, 1) + growth_of(near_next_, bands_.size()) +
              growth_of(signatures_, static_cast<size_t>(signature_size_));
    for (const auto& table : bands_) growth += growth_of(table);
  }
  return growth;
}

// The size of the shard name when doc's id is exactly `<shard name>:<record>` with a name the shard has
// already been given (or none yet), else npos: such an id is rebuilt rather than stored.
size_t Decider::derived_name_size(const Document& doc) const {
  if (doc.id_origin != IdOrigin::derived || doc.id_is_number) return std::string::npos;
  const std::string record = std::to_string(doc.id.record);
  const std::string_view id = doc.id_text;
  if (id.size() <= record.size() || !id.ends_with(record) || id[id.size() - record.size() - 1] != ':') {
    return std::string::npos;
  }
  const size_t name = id.size() - record.size() - 1;
  if (doc.id.shard < shard_names_.size() && !shard_names_[doc.id.shard].empty() &&
      id.substr(0, name) != shard_names_[doc.id.shard]) {
    return std::string::npos;
  }
  return name;
}

int Decider::stored_agreement(const uint32_t* a, const uint32_t* b, int size) {
  int agree = 0;
  for (int i = 0; i < size; ++i) agree += static_cast<StoredValue>(a[i]) == static_cast<StoredValue>(b[i]) ? 1 : 0;
  return agree;
}

// The Jaccard estimate from the agreement of stored values, less the agreement of chance.
float Decider::similarity_of(int agree) const {
  const double observed = static_cast<double>(agree) / static_cast<double>(signature_size_);
  return static_cast<float>(std::clamp((observed - kChanceAgreement) / (1.0 - kChanceAgreement), 0.0, 1.0));
}

void Decider::set_duplicate_of_id(Document& doc, uint32_t kept_index) const {
  const uint64_t end = kept_id_ends_[kept_index];
  doc.duplicate_of_is_number = (end & kNumberBit) != 0;
  if ((end & kDerivedBit) != 0) {
    const DocumentId& kept = kept_ids_[kept_index];
    doc.duplicate_of_id.assign(shard_names_[kept.shard]).append(1, ':').append(std::to_string(kept.record));
    return;
  }
  const uint64_t begin = kept_index == 0 ? 0 : kept_id_ends_[kept_index - 1] & kEndMask;
  doc.duplicate_of_id.assign(kept_id_bytes_.data() + begin, (end & kEndMask) - begin);
}

void Decider::insert(const Document& doc) {
  const Fingerprint& fp = doc.fingerprint;
  const auto kept_index = static_cast<uint32_t>(kept_ids_.size());
  reserve_for(kept_ids_, 1);
  kept_ids_.push_back(doc.id);
  reserve_for(kept_id_ends_, 1);
  if (const size_t name = derived_name_size(doc); name != std::string::npos) {
    if (shard_names_.size() <= doc.id.shard) shard_names_.resize(doc.id.shard + 1);
    if (shard_names_[doc.id.shard].empty()) shard_names_[doc.id.shard].assign(doc.id_text, 0, name);
    kept_id_ends_.push_back(kept_id_bytes_.size() | kDerivedBit);
  } else {
    reserve_for(kept_id_bytes_, doc.id_text.size());
    kept_id_bytes_.insert(kept_id_bytes_.end(), doc.id_text.begin(), doc.id_text.end());
    kept_id_ends_.push_back(kept_id_bytes_.size() | (doc.id_is_number ? kNumberBit : 0));
  }
  ++stats_.kept_in_index;
  if (config_.exact && fp.has_text) exact_.exchange(Key128{fp.exact_hash_low, fp.exact_hash_high}, kept_index + 1);
  if (config_.url && fp.has_url) url_.exchange(fp.url_hash, kept_index + 1);
  if (!config_.near || fp.signature.empty()) return;

  const auto near_index = static_cast<uint32_t>(near_kept_.size());
  const size_t bands = bands_.size();
  reserve_for(near_kept_, 1);
  reserve_for(near_next_, bands);
  reserve_for(signatures_, fp.signature.size());
  near_kept_.push_back(kept_index);
  for (uint32_t value : fp.signature) signatures_.push_back(static_cast<StoredValue>(value));
  for (size_t band = 0; band < bands; ++band) {
    near_next_.push_back(bands_[band].exchange(band_keys_[band], static_cast<uint32_t>(near_index * bands + band + 1)));
  }
  ++stats_.near_in_index;
}

DeciderStats Decider::stats() const {
  DeciderStats stats = stats_;
  stats.index_bytes = bytes_of(kept_ids_) + bytes_of(kept_id_ends_) + bytes_of(kept_id_bytes_) + exact_.bytes() +
                      url_.bytes() + bytes_of(near_next_) + bytes_of(near_kept_) + bytes_of(signatures_) +
                      bytes_of(band_keys_) + bytes_of(candidates_);
  for (const auto& table : bands_) stats.index_bytes += table.bytes();
  return stats;
}

}  // namespace corpusflow
