// IdRegistry: makes the ids users see unique within a run (docs/formats.md, "Ids"). Documents arrive in
// input order; an id met before gets the suffix `@<shard name>:<record index>`, so the first holder keeps it
// and the result depends only on the order. Ids are compared by a 64-bit hash of their type and text: a hash
// collision (about n^2 / 2^65 for n ids) is taken for a repeat too, which renames an id but never merges two.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "stages/dedup/flat_table.h"

namespace corpusflow {

// The id table would need more than its budget; the run must stop.
struct IdTableMemoryExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct IdStats {
  uint64_t from_input = 0;  // ids the input gave (JSONL id, WARC-Record-ID)
  uint64_t derived = 0;     // `<shard name>:<record index>`
  uint64_t repeated = 0;    // ids met before, renamed with a suffix
  uint64_t table_bytes = 0;
  std::vector<std::string> repeated_examples;  // the first few repeated ids, with their source

  void merge(const IdStats& other);
};

class IdRegistry {
 public:
  static constexpr size_t kExamples = 5;

  explicit IdRegistry(uint64_t memory_bytes) : memory_bytes_(memory_bytes) {}

  // Registers doc.id_text, renaming it when it was met before; shard_name builds the suffix.
  void assign(Document& doc, std::string_view shard_name);
  IdStats stats() const;

 private:
  bool insert(std::string_view id_text, bool is_number);

  uint64_t memory_bytes_;
  IdStats stats_;
  FlatTable<uint64_t> seen_;  // hash of the id's JSON text -> 1
};

}  // namespace corpusflow
