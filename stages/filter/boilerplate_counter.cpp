#include "stages/filter/boilerplate_counter.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>

namespace corpusflow {
namespace {

// Open addressing on a non-zero key in a power-of-two table.
template <typename Entry>
Entry& slot_of(std::vector<Entry>& table, uint64_t key) {
  const size_t mask = table.size() - 1;
  for (size_t i = (key ^ (key >> 32)) & mask;; i = (i + 1) & mask) {
    if (table[i].key == key || table[i].key == 0) return table[i];
  }
}

template <typename Entry>
void grow_table(std::vector<Entry>& table) {
  std::vector<Entry> old(table.empty() ? 1024 : table.size() * 2);
  old.swap(table);
  for (const Entry& entry : old) {
    if (entry.key != 0) slot_of(table, entry.key) = entry;
  }
}

uint64_t nonzero(uint64_t key) { return key == 0 ? 1 : key; }

}  // namespace

uint64_t host_key(std::string_view host) { return nonzero(XXH3_64bits(host.data(), host.size())); }

void BoilerplateCounter::add(const Document& doc) {
  if (doc.rejected() || doc.host.empty() || doc.line_keys.empty()) return;
  ++counts_.documents_counted;
  const uint64_t host = host_key(doc.host);
  const uint64_t text = nonzero(host ^ XXH3_64bits(doc.line_keys.data(), doc.line_keys.size() * sizeof(uint64_t)));
  if (2 * (texts_used_ + 1) > texts_.size()) grow_table(texts_);
  Entry& seen = slot_of(texts_, text);
  if (seen.key != 0) {
    ++counts_.copies_skipped;
    return;
  }
  seen.key = text;
  ++texts_used_;
  if (2 * (hosts_used_ + 1) > hosts_.size()) grow_table(hosts_);
  Entry& host_entry = slot_of(hosts_, host);
  if (host_entry.key == 0) {
    host_entry.key = host;
    ++hosts_used_;
  }
  ++host_entry.documents;
  lines_.assign(doc.line_keys.begin(), doc.line_keys.end());
  std::sort(lines_.begin(), lines_.end());
  lines_.erase(std::unique(lines_.begin(), lines_.end()), lines_.end());
  for (uint64_t line : lines_) {
    if (line == 0) continue;
    const uint64_t key = nonzero(boilerplate_key(host, line));
    if (2 * (used_ + 1) > entries_.size()) grow_table(entries_);
    Entry& entry = slot_of(entries_, key);
    if (entry.key == 0) {
      entry = {key, host, 0};
      ++used_;
    }
    ++entry.documents;
  }
}

std::shared_ptr<const BoilerplateLines> BoilerplateCounter::finish_block() {
  auto lines = std::make_shared<BoilerplateLines>();
  const uint64_t table_bytes = (entries_.size() + hosts_.size() + texts_.size()) * sizeof(Entry);
  counts_.peak_table_bytes = std::max(counts_.peak_table_bytes, table_bytes);
  for (const Entry& entry : entries_) {
    if (entry.key == 0 || entry.documents < config_.min_documents) continue;
    const Entry& host = slot_of(hosts_, entry.host);
    if (static_cast<double>(entry.documents) < config_.min_share * static_cast<double>(host.documents)) continue;
    lines->keys.push_back(entry.key);
  }
  std::sort(lines->keys.begin(), lines->keys.end());
  counts_.boilerplate_lines += lines->keys.size();
  ++counts_.blocks;
  // Tables a large block grew are given back; a normal one is reused.
  auto clear = [](std::vector<Entry>& table, size_t& used) {
    if (table.size() > (1u << 22)) {
      std::vector<Entry>().swap(table);
    } else {
      std::fill(table.begin(), table.end(), Entry{});
    }
    used = 0;
  };
  clear(entries_, used_);
  clear(hosts_, hosts_used_);
  clear(texts_, texts_used_);
  return lines;
}

}  // namespace corpusflow
