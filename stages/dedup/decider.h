// Decider: the serial decide step of dedup (DESIGN.md, "The contract"). Documents arrive in id order;
// each is checked against the earlier KEPT documents only, exact first, then url, then near, and the
// earliest kept match wins (the leader rule). Only kept documents enter the index, so no two kept
// documents are duplicates and no chain forms. Deterministic: the result depends only on the order.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/document.h"
#include "stages/dedup/dedup_config.h"
#include "stages/dedup/flat_table.h"

namespace corpusflow {

// The index would need more memory than DedupConfig::index_memory_bytes; the run must stop.
struct IndexMemoryExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DeciderStats {
  uint64_t decided = 0;        // non-rejected documents seen
  uint64_t kept_in_index = 0;  // kept documents (all of them enter the index)
  uint64_t near_in_index = 0;  // of those, the ones with a signature (in the LSH bands)
  uint64_t duplicates_exact = 0;
  uint64_t duplicates_url = 0;
  uint64_t duplicates_near = 0;
  uint64_t band_lookups = 0;        // band keys looked up (bands per document with a signature)
  uint64_t candidates_checked = 0;  // signature verifications (distinct kept candidates compared)
  uint64_t index_bytes = 0;         // bytes allocated by the index structures (capacity, not size)
};

class Decider {
 public:
  explicit Decider(const DedupConfig& config);

  // For a non-rejected doc: sets doc.outcome (kept | duplicate), duplicate_kind, duplicate_of (and its id) and
  // similarity (1 for exact and url, the estimated Jaccard for near), and indexes it when kept.
  // A signature of the wrong size (a Fingerprinter with another config) throws std::invalid_argument;
  // outgrowing index_memory_bytes throws IndexMemoryExceeded and leaves the index as it was.
  void decide(Document& doc);

  // The same for consecutive documents, in order, with the index slots of the document a few places
  // ahead prefetched: lookups in an index far larger than the cache then overlap across documents.
  void decide(std::span<Document> docs);

  DeciderStats stats() const;

  // Verification as the index does it, for tests and measurements: the agreement of two signatures' stored
  // (8-bit) values, and the least agreement that passes the threshold.
  static int stored_agreement(const uint32_t* a, const uint32_t* b, int size);
  int min_agreement() const { return min_agreement_; }

 private:
  void prefetch(const Document& doc) const;
  bool find_near(Document& doc);
  void insert(const Document& doc);
  void set_duplicate_of_id(Document& doc, uint32_t kept_index) const;
  size_t derived_name_size(const Document& doc) const;
  float similarity_of(int agree) const;
  uint64_t growth_bytes(const Document& doc) const;

  DedupConfig config_;
  int signature_size_;
  int min_agreement_;  // ceil((threshold + (1 - threshold) / 256) * signature_size): stored agreement for threshold
  DeciderStats stats_;

  std::vector<DocumentId> kept_ids_;  // kept index -> id; tables hold kept index + 1
  // kept index -> end of its id_text in kept_id_bytes_ (for duplicate_of), with kNumberBit set for a number
  // id, and kDerivedBit for a `<shard name>:<record>` id, whose text is not stored but rebuilt from
  // kept_ids_ and shard_names_.
  static constexpr uint64_t kNumberBit = 1ull << 63;
  static constexpr uint64_t kDerivedBit = 1ull << 62;
  static constexpr uint64_t kEndMask = kDerivedBit - 1;
  std::vector<uint64_t> kept_id_ends_;
  std::vector<char> kept_id_bytes_;
  std::vector<std::string> shard_names_;  // shard index -> name, learnt from its first kept derived id
  FlatTable<Key128> exact_;               // 128-bit fingerprint-text hash -> kept index + 1
  FlatTable<uint64_t> url_;               // normalized-URL hash -> kept index + 1
  // Per band: 32 bits of the band key -> newest band entry + 1. A 32-bit collision only adds a candidate,
  // and candidates are checked to share the band's rows before verification.
  std::vector<FlatTable<uint32_t>> bands_;
  std::vector<uint32_t> near_next_;  // band entry (near index * bands + band) -> older entry + 1
  std::vector<uint32_t> near_kept_;  // near index -> kept index
  // near index * signature_size -> the low 8 bits of each signature value (b-bit MinHash, b = 8): half the
  // memory of 16 bits, so the same budget holds more bands. Two different values agree by chance with
  // probability 2^-8, so agreement p estimates J + (1 - J) / 256; the threshold and the similarity are
  // corrected for it (min_agreement_, similarity_of).
  using StoredValue = uint8_t;
  std::vector<StoredValue> signatures_;

  std::vector<uint32_t> band_keys_;   // scratch
  std::vector<uint32_t> candidates_;  // scratch: near indexes
};

}  // namespace corpusflow
