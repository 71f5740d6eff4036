// Dedup benchmarks: fingerprint (fingerprint text + tokens + shingles + signature) and MinHash alone for
// both permutation families over real ANT pages, and the serial decide step (lookups/s, bytes per kept
// document in the index). Results: bench/results/dedup-<date>.txt, discussed in docs/dedup.md.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "stages/dedup/decider.h"
#include "stages/dedup/fingerprinter.h"
#include "stages/dedup/minhash.h"
#include "stages/dedup/shingles.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/tokenizer.h"
#include "tests/support/ant_pages.h"

namespace corpusflow {
namespace {

const std::vector<std::string>& ant_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> result;
    // Normalize removes the scraper's repeated title and page copy before dedup: keep each line once.
    for (const auto& page : testing::ant_pages(0)) {
      std::string text;
      std::unordered_set<std::string_view> seen;
      size_t begin = 0;
      while (begin < page.text.size()) {
        size_t end = page.text.find('\n', begin);
        if (end == std::string::npos) end = page.text.size();
        const std::string_view line = std::string_view(page.text).substr(begin, end - begin);
        if (!line.empty() && seen.insert(line).second) text.append(line).append("\n");
        begin = end + 1;
      }
      result.push_back(std::move(text));
    }
    return result;
  }();
  return texts;
}

const std::vector<std::vector<uint64_t>>& ant_shingles() {
  static const std::vector<std::vector<uint64_t>> shingles = [] {
    std::vector<std::vector<uint64_t>> result;
    std::vector<std::string_view> tokens;
    for (const auto& text : ant_texts()) {
      const std::string folded = fingerprint_text(text);
      tokenize(folded, tokens);
      result.emplace_back();
      shingle_hashes(tokens, 5, result.back());
    }
    return result;
  }();
  return shingles;
}

// Whole fingerprint of a page, as the parallel fingerprint node runs it (one Fingerprinter per thread).
void BM_Fingerprint(benchmark::State& state, MinHashFamily family) {
  DedupConfig config;
  config.family = family;
  Fingerprinter fingerprinter(config);
  std::vector<Document> docs(ant_texts().size());
  uint64_t bytes = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].text = ant_texts()[i];
    docs[i].url = "http://www.example.com/news/" + std::to_string(i);
    bytes += docs[i].text.size();
  }
  for (auto _ : state) {
    for (auto& doc : docs) fingerprinter.fingerprint(doc);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK_CAPTURE(BM_Fingerprint, one_permutation, MinHashFamily::one_permutation)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Fingerprint, mod_prime, MinHashFamily::mod_prime)->Unit(benchmark::kMillisecond);

// The signature alone, from the shingle hashes of a page.
void BM_Signature(benchmark::State& state, MinHashFamily family) {
  const MinHasher hasher(family, 112, DedupConfig{}.seed);
  std::vector<uint32_t> signature;
  uint64_t shingles = 0;
  for (const auto& s : ant_shingles()) shingles += s.size();
  for (auto _ : state) {
    for (const auto& s : ant_shingles()) {
      hasher.signature(s, signature);
      benchmark::DoNotOptimize(signature.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ant_shingles().size()));
  state.counters["shingles_per_doc"] = double(shingles) / double(ant_shingles().size());
}
BENCHMARK_CAPTURE(BM_Signature, one_permutation, MinHashFamily::one_permutation)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Signature, mod_prime, MinHashFamily::mod_prime)->Unit(benchmark::kMicrosecond);

std::vector<Document> random_documents(size_t count, uint64_t seed, uint64_t first_record) {
  std::mt19937_64 rng(seed);
  std::vector<Document> docs(count);
  for (size_t i = 0; i < count; ++i) {
    Document& doc = docs[i];
    doc.id = {0, first_record + i};
    doc.fingerprint.has_text = true;
    doc.fingerprint.exact_hash_low = rng();
    doc.fingerprint.exact_hash_high = rng();
    doc.fingerprint.has_url = true;
    doc.fingerprint.url_hash = rng();
    doc.fingerprint.signature.resize(112);
    for (auto& v : doc.fingerprint.signature) v = static_cast<uint32_t>(rng());
  }
  return docs;
}

// decide over distinct documents: every one is looked up (exact, url, 14 bands) and inserted. The index is
// filled to state.range(0) kept documents first; reports bytes per kept document at that size.
void BM_DecideNew(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  constexpr size_t kBatch = 100000;
  Decider decider(DedupConfig{});
  std::vector<Document> fill = random_documents(size, 1, 0);
  for (auto& doc : fill) decider.decide(doc);
  fill = {};
  const DeciderStats filled = decider.stats();
  state.counters["bytes_per_kept"] = double(filled.index_bytes) / double(filled.kept_in_index);
  state.counters["index_MiB"] = double(filled.index_bytes) / double(1 << 20);
  uint64_t next = size, seed = 2;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = random_documents(kBatch, seed++, next);
    next += kBatch;
    state.ResumeTiming();
    if (state.range(1) == 0) {
      for (auto& doc : docs) decider.decide(doc);
    } else {
      decider.decide(std::span<Document>(docs));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kBatch));
}
// Second argument: 0 = one document at a time, 1 = a batch with prefetching ahead.
BENCHMARK(BM_DecideNew)
    ->ArgsProduct({{100000, 1000000}, {0, 1}})
    ->ArgNames({"kept", "batch"})
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

// The same between two growths of the tables: fill to state.range(0), then decide range/12 more, which
// stays under the 70% fill that doubles the tables. The per-document cost of a lookup + insert alone.
void BM_DecideSteady(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  const size_t batch = size / 12;
  Decider decider(DedupConfig{});
  std::vector<Document> fill = random_documents(size, 1, 0);
  decider.decide(std::span<Document>(fill));
  fill = {};
  uint64_t next = size, seed = 2;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = random_documents(batch, seed++, next);
    next += batch;
    state.ResumeTiming();
    decider.decide(std::span<Document>(docs));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch));
}
BENCHMARK(BM_DecideSteady)->Arg(100000)->Arg(1000000)->Iterations(2)->Unit(benchmark::kMillisecond);

// decide over near-copies of kept documents (10 of 112 slots changed): lookups plus verification.
void BM_DecideNearDuplicates(benchmark::State& state) {
  constexpr size_t kKept = 200000;
  Decider decider(DedupConfig{});
  std::vector<Document> kept = random_documents(kKept, 1, 0);
  for (auto& doc : kept) decider.decide(doc);
  std::vector<Document> copies = random_documents(kKept, 3, kKept);
  for (size_t i = 0; i < kKept; ++i) {
    auto signature = kept[i].fingerprint.signature;
    for (size_t j = 0; j < 10; ++j) signature[(i + j * 11) % 112] ^= 0x5bd1e995u;
    copies[i].fingerprint.signature = signature;
  }
  uint64_t duplicates = 0;
  for (auto _ : state) {
    decider.decide(std::span<Document>(copies));
    for (const auto& doc : copies) duplicates += doc.outcome == Outcome::duplicate;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kKept));
  state.counters["duplicate_share"] = double(duplicates) / double(state.iterations() * kKept);
}
BENCHMARK(BM_DecideNearDuplicates)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corpusflow

BENCHMARK_MAIN();
