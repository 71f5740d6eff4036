// Corpus generator: a deterministic stream of synthetic scraped pages with known exact copies, near
// copies and bad records, and the writer that lays them out as tar.zst, jsonl.zst or warc.gz shards plus
// truth.jsonl.zst. Memory is bounded by the text pool and a fixed reservoir of earlier originals:
// 10 million documents need no more than 1,000.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "engine/gen/low_quality.h"
#include "engine/gen/mutations.h"
#include "engine/gen/page.h"
#include "engine/gen/rng.h"
#include "engine/gen/site_table.h"
#include "engine/gen/text_pool.h"
#include "engine/gen/url_variants.h"
#include "engine/gen/warc_writer.h"

namespace corpusflow::gen {

enum class ShardFormat { tar, jsonl, warc };

const char* to_string(ShardFormat format);

struct GenOptions {
  uint64_t documents = 1000;  // records in all, bad ones included
  uint32_t shards = 0;        // 0: one shard per 1,000 documents (at least 1)
  ShardFormat format = ShardFormat::tar;
  uint64_t seed = 1;
  double dup_rate = 0.05;     // share of records that are exact copies of an earlier original
  double near_rate = 0.05;    // share that are near copies (mutated) of an earlier original
  double bad_rate = 0.01;     // share that are bad records; also makes shards end truncated (below)
  uint32_t sites = 1000;      // distinct hosts, Zipf-distributed
  uint32_t reservoir = 4096;  // earlier originals remembered as copy sources (uniform sample)
  // Share of the copies that keep their original's URL (same_url) whose URL is an equivalent spelling of it
  // (UrlVariant), not its bytes.
  double url_variant_rate = 0.5;
  // Share of the originals whose URL is an earlier original's with one change that makes it another page
  // (UrlNearMiss): the URL key must keep both.
  double url_near_miss_rate = 0.01;
  // Share of the records that are low-quality originals (LowQuality, each kind as likely), never copied.
  // They are drawn per position from a stream of their own and put between the records of the corpus without
  // them, which keep their content and order (CorpusGenerator::next); 0 gives that corpus byte for byte.
  double low_quality_rate = 0.02;
  PageShape shape;
  int level = 3;    // zstd level of the shards
  int workers = 1;  // zstd worker threads per output file
};

// A shard's last record is a truncated member with this probability: min(1, 10 * bad_rate).
double truncation_probability(const GenOptions& options);

enum class RecordKind { original, exact, near, bad };
// The third kind of bad record depends on the format: tar missing_header, jsonl missing_text, warc
// bad_encoding (a body declared gzip that does not decode). truncated: the shard's last record is cut off
// (for warc, in the middle of its gzip member).
enum class BadKind { none, invalid_utf8, empty, missing_header, missing_text, truncated, bad_encoding };
inline constexpr int kBadKinds = 7;

const char* to_string(RecordKind kind);
const char* to_string(BadKind kind);

// The file name of shard `shard`: gen-NNNNN.{tar.zst,jsonl.zst,warc.gz}.
std::string shard_file_name(ShardFormat format, uint32_t shard);

// What the generator knows about one record: the line of truth.jsonl.
struct Truth {
  DocumentId id;  // positional: shard index and record index within the shard
  // The id `corpusflow run DIR/shards` gives the record (docs/formats.md, "Ids"): jsonl the line's `id`
  // (derived for an empty or truncated line, which has none), warc the response's WARC-Record-ID, tar
  // `<shard file name>:<record index>`. Warc records are named by write_corpus (CorpusGenerator::name_last).
  std::string doc_id;
  RecordKind kind = RecordKind::original;
  DocumentId of;          // exact and near: the original copied
  std::string of_doc_id;  // exact and near: the original's doc_id
  bool same_url = false;  // exact and near: the copy keeps the original's URL (url_variant spells it)
  UrlVariant url_variant = UrlVariant::exact;     // same_url: exact (the bytes) or an equivalent spelling
  LowQuality low_quality = LowQuality::none;      // original: a low-quality page of this kind
  UrlNearMiss url_near_miss = UrlNearMiss::none;  // original: its URL is an earlier original's, changed so
  std::string url_near_miss_of;                   // the earlier original's doc_id
  std::vector<Mutation> mutations;                // near
  double word_jaccard = 1.0;                      // near: 5-word shingle Jaccard of the pages without header
  BadKind bad = BadKind::none;                    // bad
  uint64_t bytes = 0;                             // size of the record's bytes (full size for a truncated member)
  std::string url;                                // empty for bad records without a header (tar, jsonl)
  // Good records (original, exact, near): the site boilerplate lines the page shows, menus (top) then footers
  // (bottom), a near copy's added lines included, each once, in order of first appearance: whole lines of the
  // text as written (tar, jsonl; the scraper's repeat shows them twice), or the text of the HTML's <nav>
  // items and <footer> paragraphs (warc, HTML-escaped there).
  std::vector<std::string> boilerplate;

  // One JSON object, no newline.
  std::string json() const;
};

struct GenRecord {
  std::string name;        // tar member name `NNN_<16 hex>.txt`
  std::string bytes;       // member content, the JSON line without its newline, or the HTML page (warc)
  std::string url;         // the page's URL (warc: WARC-Target-URI)
  uint64_t mtime = 0;      // seconds since 1970 (the page's date)
  bool truncated = false;  // only the first `kept_bytes` of `bytes` are written, and the shard ends
  size_t kept_bytes = 0;
  Truth truth;
};

// Streams the records of a corpus in id order.
class CorpusGenerator {
 public:
  CorpusGenerator(const TextPool& pool, GenOptions options);

  uint32_t shard_count() const { return shard_count_; }
  uint64_t shard_documents(uint32_t shard) const;
  bool done() const { return produced_ == options_.documents; }
  // Fills the next record; call only while !done().
  void next(GenRecord& record);
  // Originals currently remembered as copy sources (at most options.reservoir).
  size_t remembered() const { return reservoir_.size(); }
  // Gives the record next() filled last the doc_id its writer chose (warc: the WARC-Record-ID), so that
  // copies of it name it in of_doc_id. tar and jsonl need no call: next() names their records.
  void name_last(const std::string& doc_id);

 private:
  struct Source {
    DocumentId id;
    uint64_t seed = 0;
    std::string doc_id;
    std::string url;           // a near miss's URL, which its page's seed does not give; empty for other originals
    bool near_missed = false;  // a near miss was made of it (one only: two could be the same URL)
  };
  // The main stream's next record, at position `id`: the record of the corpus without low-quality pages.
  void next_of_stream(GenRecord& record, DocumentId id);
  void make_low_quality(GenRecord& record, uint64_t seed);
  void make_original(GenRecord& record, uint64_t seed);
  void make_near_miss(GenRecord& record, uint64_t seed);
  void make_copy(GenRecord& record, bool near, uint64_t seed);
  void make_bad(GenRecord& record, BadKind kind, uint64_t seed);
  void finish(GenRecord& record, const Page& page, bool with_header, bool with_text);
  void remember(Source source);
  // The page of a remembered original, its URL included.
  Page source_page(const Source& source) const;
  std::string json_id(DocumentId id) const;
  std::string doc_id_of(const Truth& truth) const;

  const TextPool& pool_;
  GenOptions options_;
  SiteTable sites_;
  uint32_t shard_count_ = 1;
  uint32_t shard_ = 0;
  uint64_t record_ = 0;
  uint64_t produced_ = 0;
  // The main stream's position: its records in the corpus without low-quality pages, where it would be.
  uint64_t stream_ = 0;
  uint32_t stream_shard_ = 0;
  uint64_t stream_record_ = 0;
  uint64_t originals_seen_ = 0;
  std::vector<Source> reservoir_;
  size_t last_slot_ = SIZE_MAX;  // the reservoir slot of the record next() filled last, SIZE_MAX if none
  std::string scratch_;
};

struct GenSummary {
  uint64_t documents = 0;
  uint64_t originals = 0, exact = 0, near = 0, bad = 0;
  uint64_t bad_by_kind[kBadKinds] = {};
  uint64_t url_variants[kUrlVariants] = {};  // same-URL copies by url_variant
  uint64_t url_near_misses = 0;              // originals with an earlier original's URL, changed
  uint64_t low_quality = 0;                  // low-quality originals (counted in originals too)
  uint64_t low_quality_by_kind[kLowQualityKinds] = {};
  uint64_t uncompressed_bytes = 0;  // shard bytes before compression (tar framing included)
  uint64_t compressed_bytes = 0;
  WarcCounts warc;  // warc: the records written, documents and not
  uint32_t shards = 0;
  double seconds = 0;
  std::vector<std::string> shard_paths;
};

// Writes `options.documents` records to DIR/shards/gen-NNNNN.{tar.zst,jsonl.zst,warc.gz} (the input for
// `corpusflow run DIR/shards`) and DIR/truth.jsonl.zst, whose ids refer to those shards. DIR is created
// when missing. Throws when a file cannot be written.
GenSummary write_corpus(const TextPool& pool, const GenOptions& options, const std::string& dir);

// DIR/gen.json: the options, the pool's inputs and the summary, so that a corpus says how it was made.
void write_summary_json(const std::string& dir, const GenOptions& options, const GenSummary& summary,
                        const std::vector<std::string>& pool_inputs);

}  // namespace corpusflow::gen
