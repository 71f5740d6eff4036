#include "stages/ids/id_registry.h"

#include <xxhash.h>

namespace corpusflow {

void IdStats::merge(const IdStats& other) {
  from_input += other.from_input;
  derived += other.derived;
  repeated += other.repeated;
  table_bytes += other.table_bytes;
  for (const std::string& example : other.repeated_examples) {
    if (repeated_examples.size() < IdRegistry::kExamples) repeated_examples.push_back(example);
  }
}

bool IdRegistry::insert(std::string_view id_text, bool is_number) {
  // A number and the string of its digits are different ids: the type seeds the hash.
  const uint64_t hash = XXH3_64bits_withSeed(id_text.data(), id_text.size(), is_number ? 1 : 0);
  if (seen_.find(hash) != 0) return false;
  if (seen_.will_grow() && seen_.bytes_after_growth() > memory_bytes_) {
    throw IdTableMemoryExceeded("the id table needs more than --index-memory=" + std::to_string(memory_bytes_) +
                                " bytes after " + std::to_string(seen_.size()) +
                                " documents; raise --index-memory (see docs/formats.md, \"Ids\")");
  }
  seen_.exchange(hash, 1);
  return true;
}

void IdRegistry::assign(Document& doc, std::string_view shard_name) {
  ++(doc.id_origin == IdOrigin::input ? stats_.from_input : stats_.derived);
  if (insert(doc.id_text, doc.id_is_number)) return;
  ++stats_.repeated;
  if (stats_.repeated_examples.size() < kExamples) stats_.repeated_examples.push_back(doc.id_text + " in " + doc.source);
  // The suffix names the record, which no other record of the run does; should an input id have exactly that
  // form, a counter follows until the id is new. The renamed id is a string.
  std::string base = doc.id_text;
  base.append(1, '@').append(shard_name).append(1, ':').append(std::to_string(doc.id.record));
  std::string renamed = base;
  for (uint64_t attempt = 1; !insert(renamed, false); ++attempt) renamed = base + "#" + std::to_string(attempt);
  doc.id_text = std::move(renamed);
  doc.id_is_number = false;
}

IdStats IdRegistry::stats() const {
  IdStats stats = stats_;
  stats.table_bytes = seen_.bytes();
  return stats;
}

}  // namespace corpusflow
