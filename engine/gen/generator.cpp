#include "engine/gen/generator.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <xxhash.h>

#include "engine/gen/html_page.h"
#include "engine/gen/tar_writer.h"
#include "engine/gen/zstd_file_writer.h"

namespace corpusflow::gen {
namespace {

std::string hex16(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

std::string member_name(uint64_t record, std::string_view bytes) {
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%03llu_", static_cast<unsigned long long>(record));
  return prefix + hex16(XXH3_64bits(bytes.data(), bytes.size())) + ".txt";
}

uint64_t mtime_of(const std::string& date, uint64_t seed) {
  const int year = std::stoi(date.substr(0, 4));
  const unsigned month = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
  const unsigned day = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  return static_cast<uint64_t>(day_number(year, month, day)) * 86400 + seed % 86400;
}

void corrupt_utf8(std::string& text, Rng& rng) {
  static constexpr std::array<std::string_view, 5> kInvalid = {"\xFF", "\xC0\x80", "\xED\xA0\x80", "\xE2\x82", "\x80"};
  const int count = static_cast<int>(rng.between(1, 3));
  for (int i = 0; i < count; ++i) {
    // The sequence first, then where: one draw a statement, as the order in which a call's arguments are
    // evaluated is the compiler's (GCC's, right to left, made these corpora).
    const std::string_view sequence = kInvalid[rng.below(kInvalid.size())];
    text.insert(rng.below(text.size() + 1), sequence);
  }
}

std::string format_double(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

}  // namespace

const char* to_string(ShardFormat format) {
  switch (format) {
    case ShardFormat::tar: return "tar";
    case ShardFormat::jsonl: return "jsonl";
    case ShardFormat::warc: return "warc";
  }
  return "unknown";
}

std::string shard_file_name(ShardFormat format, uint32_t shard) {
  char name[32];
  std::snprintf(name, sizeof name, "gen-%05u", shard);
  return std::string(name) + (format == ShardFormat::tar     ? ".tar.zst"
                              : format == ShardFormat::jsonl ? ".jsonl.zst"
                                                             : ".warc.gz");
}

double truncation_probability(const GenOptions& options) { return std::min(1.0, 10.0 * options.bad_rate); }

const char* to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::original: return "original";
    case RecordKind::exact: return "exact";
    case RecordKind::near: return "near";
    case RecordKind::bad: return "bad";
  }
  return "unknown";
}

const char* to_string(BadKind kind) {
  switch (kind) {
    case BadKind::none: return "none";
    case BadKind::invalid_utf8: return "invalid_utf8";
    case BadKind::empty: return "empty";
    case BadKind::missing_header: return "missing_header";
    case BadKind::missing_text: return "missing_text";
    case BadKind::truncated: return "truncated";
    case BadKind::bad_encoding: return "bad_encoding";
  }
  return "unknown";
}

std::string Truth::json() const {
  std::string out;
  const auto append_string = [&out](const char* key, std::string_view value) {
    out += ",\"";
    out += key;
    out += "\":\"";
    append_json_escaped(value, out);
    out += '"';
  };
  out = "{\"id\":\"" + id.str() + '"';
  append_string("doc_id", doc_id);
  append_string("kind", to_string(kind));
  if (low_quality != LowQuality::none) append_string("low_quality", to_string(low_quality));
  if (kind == RecordKind::exact || kind == RecordKind::near) {
    append_string("of", of.str());
    append_string("of_doc_id", of_doc_id);
    out += ",\"same_url\":";
    out += same_url ? "true" : "false";
    if (same_url) append_string("url_variant", to_string(url_variant));
  }
  if (url_near_miss != UrlNearMiss::none) {
    append_string("url_near_miss", to_string(url_near_miss));
    append_string("url_near_miss_of", url_near_miss_of);
  }
  if (kind == RecordKind::near) {
    out += ",\"mutations\":[";
    for (size_t i = 0; i < mutations.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      out += to_string(mutations[i]);
      out += '"';
    }
    out += "],\"word_jaccard\":" + format_double(word_jaccard);
  }
  if (kind == RecordKind::bad) out += ",\"bad\":\"" + std::string(to_string(bad)) + "\"";
  out += ",\"bytes\":" + std::to_string(bytes);
  if (!url.empty()) {
    out += ",\"url\":\"";
    append_json_escaped(url, out);
    out += '"';
  }
  if (!boilerplate.empty()) {
    out += ",\"boilerplate\":[";
    for (size_t i = 0; i < boilerplate.size(); ++i) {
      out += i > 0 ? ",\"" : "\"";
      append_json_escaped(boilerplate[i], out);
      out += '"';
    }
    out += ']';
  }
  out += '}';
  return out;
}

CorpusGenerator::CorpusGenerator(const TextPool& pool, GenOptions options)
    : pool_(pool), options_(options), sites_(pool, std::max<uint32_t>(1, options_.sites), options_.seed) {
  if (pool_.empty()) throw std::invalid_argument("generator: the text pool is empty");
  const uint64_t automatic = std::max<uint64_t>(1, (options_.documents + 999) / 1000);
  const uint64_t wanted = options_.shards > 0 ? options_.shards : automatic;
  shard_count_ = static_cast<uint32_t>(
      std::max<uint64_t>(1, std::min<uint64_t>(wanted, std::max<uint64_t>(1, options_.documents))));
  reservoir_.reserve(std::min<size_t>(options_.reservoir, 1u << 16));
}

uint64_t CorpusGenerator::shard_documents(uint32_t shard) const {
  const uint64_t base = options_.documents / shard_count_;
  return base + (shard < options_.documents % shard_count_ ? 1 : 0);
}

void CorpusGenerator::next(GenRecord& record) {
  const DocumentId id{shard_, record_};
  const bool last_of_shard = record_ + 1 == shard_documents(shard_);
  last_slot_ = SIZE_MAX;
  if (options_.low_quality_rate <= 0) {
    next_of_stream(record, id);  // the stream's position is the record's: the corpus as it was without them
  } else {
    // Low-quality originals, and the truncated member that may end a shard, are drawn per position from a
    // stream of their own; every other position takes the main stream's next record. The stream's records
    // keep their content, kinds and copies (only their positions move), because what they draw depends on
    // their place in the stream alone: a shard end of the stream (where it draws the truncation) need not be
    // one of the corpus, so a record it would truncate is left out; it was never copied, and nothing after
    // it changes.
    Rng layer(derive_seed(options_.seed ^ 0x6c6f772d7175616cULL, produced_ + 1));
    const uint64_t seed = layer.next();
    const bool truncate = last_of_shard && options_.bad_rate > 0 && layer.chance(truncation_probability(options_));
    if (truncate || layer.chance(options_.low_quality_rate)) {
      record = GenRecord{};
      record.truth.id = id;
      if (truncate) {
        make_bad(record, BadKind::truncated, seed);
      } else {
        make_low_quality(record, seed);
      }
      record.truth.doc_id = doc_id_of(record.truth);
    } else {
      do {
        next_of_stream(record, id);
      } while (record.truncated);
    }
  }

  ++produced_;
  if (last_of_shard) {
    ++shard_;
    record_ = 0;
  } else {
    ++record_;
  }
}

void CorpusGenerator::next_of_stream(GenRecord& record, DocumentId id) {
  record = GenRecord{};
  record.truth.id = id;
  Rng rng(derive_seed(options_.seed, stream_ + 1));
  // Where the record would be in the corpus without low-quality pages: past its end, no shard ends.
  const bool last_of_shard = stream_shard_ < shard_count_ && stream_record_ + 1 == shard_documents(stream_shard_);
  const uint64_t content_seed = rng.next();

  if (last_of_shard && options_.bad_rate > 0 && rng.chance(truncation_probability(options_))) {
    make_bad(record, BadKind::truncated, content_seed);
  } else {
    const double roll = rng.unit();
    const bool can_copy = !reservoir_.empty();
    if (roll < options_.bad_rate) {
      const uint64_t pick = rng.below(3);
      const BadKind third = options_.format == ShardFormat::tar     ? BadKind::missing_header
                            : options_.format == ShardFormat::jsonl ? BadKind::missing_text
                                                                    : BadKind::bad_encoding;
      make_bad(record, pick == 0 ? BadKind::invalid_utf8 : pick == 1 ? BadKind::empty : third, content_seed);
    } else if (can_copy && roll < options_.bad_rate + options_.dup_rate) {
      make_copy(record, false, content_seed);
    } else if (can_copy && roll < options_.bad_rate + options_.dup_rate + options_.near_rate) {
      make_copy(record, true, content_seed);
    } else if (can_copy && options_.url_near_miss_rate > 0 && rng.chance(options_.url_near_miss_rate)) {
      make_near_miss(record, content_seed);
    } else {
      make_original(record, content_seed);
    }
  }
  record.truth.doc_id = doc_id_of(record.truth);
  if (record.truth.kind == RecordKind::original) {
    remember(Source{record.truth.id, content_seed, record.truth.doc_id,
                    record.truth.url_near_miss != UrlNearMiss::none ? record.url : std::string()});
  }

  ++stream_;
  if (last_of_shard) {
    ++stream_shard_;
    stream_record_ = 0;
  } else {
    ++stream_record_;
  }
}

void CorpusGenerator::finish(GenRecord& record, const Page& page, bool with_header, bool with_text) {
  record.bytes.clear();
  if (options_.format == ShardFormat::tar) {
    render_scraped(page, with_header, record.bytes);
  } else if (options_.format == ShardFormat::warc) {
    render_html(page, record.bytes);
  } else {
    render_json(page, json_id(record.truth.id), with_text, record.bytes);
  }
  record.name = member_name(record.truth.id.record, record.bytes);
  record.mtime = mtime_of(page.date, page.article_number);
  record.truth.bytes = record.bytes.size();
  record.truth.url = page.url;
  record.url = page.url;
  record.truth.boilerplate.clear();
  if (record.truth.kind != RecordKind::bad) {
    for (const auto* lines : {&page.top, &page.bottom}) {
      for (const std::string& line : *lines) {
        if (std::find(record.truth.boilerplate.begin(), record.truth.boilerplate.end(), line) ==
            record.truth.boilerplate.end())
          record.truth.boilerplate.push_back(line);
      }
    }
  }
}

// Unique within a corpus: derive_seed is a bijection of its stream for a fixed seed.
std::string CorpusGenerator::json_id(DocumentId id) const {
  return hex16(derive_seed(options_.seed ^ 0x6a736f6e6964ULL, (static_cast<uint64_t>(id.shard) << 40) | id.record));
}

std::string CorpusGenerator::doc_id_of(const Truth& truth) const {
  std::string derived = shard_file_name(options_.format, truth.id.shard) + ":" + std::to_string(truth.id.record);
  switch (options_.format) {
    case ShardFormat::tar: return derived;
    case ShardFormat::jsonl:
      // An empty line has no id, and a truncated one is no JSON object to read it from.
      return truth.bad == BadKind::empty || truth.bad == BadKind::truncated ? derived : json_id(truth.id);
    case ShardFormat::warc: return {};  // the writer's WARC-Record-ID: name_last
  }
  return derived;
}

void CorpusGenerator::name_last(const std::string& doc_id) {
  if (last_slot_ < reservoir_.size()) reservoir_[last_slot_].doc_id = doc_id;
}

void CorpusGenerator::remember(Source source) {
  ++originals_seen_;
  if (options_.reservoir == 0) return;
  if (reservoir_.size() < options_.reservoir) {
    last_slot_ = reservoir_.size();
    reservoir_.push_back(std::move(source));
    return;
  }
  Rng rng(source.seed ^ 0x726573657276ULL);
  const uint64_t slot = rng.below(originals_seen_);
  if (slot < reservoir_.size()) {
    last_slot_ = slot;
    reservoir_[slot] = std::move(source);
  }
}

Page CorpusGenerator::source_page(const Source& source) const {
  Page page = build_page(pool_, sites_, options_.shape, source.seed);
  if (!source.url.empty()) page.url = source.url;
  return page;
}

void CorpusGenerator::make_low_quality(GenRecord& record, uint64_t seed) {
  Rng rng(seed);
  const LowQuality kind = pick_low_quality(rng);
  const Page page = build_low_quality_page(pool_, sites_, kind, rng.next());
  record.truth.kind = RecordKind::original;
  record.truth.low_quality = kind;
  finish(record, page, true, true);
}

void CorpusGenerator::make_original(GenRecord& record, uint64_t seed) {
  const Page page = build_page(pool_, sites_, options_.shape, seed);
  record.truth.kind = RecordKind::original;
  finish(record, page, true, true);
}

void CorpusGenerator::make_near_miss(GenRecord& record, uint64_t seed) {
  Rng rng(seed ^ 0x6e6561726d697373ULL);
  Source& source = reservoir_[rng.below(reservoir_.size())];
  // A second near miss of one original could make the first one's change again (the same URL: a url
  // duplicate, not a near miss); that original gets none.
  if (source.near_missed) return make_original(record, seed);
  source.near_missed = true;
  Page page = build_page(pool_, sites_, options_.shape, seed);
  const Page earlier = source_page(source);
  record.truth.url_near_miss = pick_url_near_miss(rng);
  record.truth.url_near_miss_of = source.doc_id;
  page.url = apply_url_near_miss(earlier.url, record.truth.url_near_miss, rng);
  record.truth.kind = RecordKind::original;
  finish(record, page, true, true);
}

void CorpusGenerator::make_copy(GenRecord& record, bool near, uint64_t seed) {
  Rng rng(seed);
  const Source source = reservoir_[rng.below(reservoir_.size())];
  Page page = source_page(source);
  record.truth.kind = near ? RecordKind::near : RecordKind::exact;
  record.truth.of = source.id;
  record.truth.of_doc_id = source.doc_id;
  record.truth.same_url = rng.chance(near ? 0.3 : 0.5);
  if (record.truth.same_url) {
    // A stream of its own: the copy's other draws (its mutations) are what they were without variants.
    Rng variant_rng(seed ^ 0x76617269616e74ULL);
    if (options_.url_variant_rate > 0 && variant_rng.chance(options_.url_variant_rate)) {
      record.truth.url_variant = pick_url_variant(page.url, variant_rng);
      page.url = apply_url_variant(page.url, record.truth.url_variant, variant_rng);
    }
  } else {
    page.article_number = 1000000 + rng.below(9000000000ULL);
    page.url = make_url(sites_.site(page.site), page.date, page.title, page.article_number);
  }
  if (near) {
    scratch_.clear();
    render_scraped(page, false, scratch_);
    record.truth.mutations = mutate_page(page, pool_, sites_, rng);
    std::string mutated;
    render_scraped(page, false, mutated);
    if (mutated == scratch_) {  // every edit happened to be a no-op: add lines, which always changes the page
      mutate_with(Mutation::boilerplate_added, page, pool_, sites_, rng);
      record.truth.mutations.push_back(Mutation::boilerplate_added);
      std::sort(record.truth.mutations.begin(), record.truth.mutations.end());
      record.truth.mutations.erase(std::unique(record.truth.mutations.begin(), record.truth.mutations.end()),
                                   record.truth.mutations.end());
      mutated.clear();
      render_scraped(page, false, mutated);
    }
    record.truth.word_jaccard = word_shingle_jaccard(scratch_, mutated);
  }
  finish(record, page, true, true);
}

void CorpusGenerator::make_bad(GenRecord& record, BadKind kind, uint64_t seed) {
  Page page = build_page(pool_, sites_, options_.shape, seed);
  record.truth.kind = RecordKind::bad;
  record.truth.bad = kind;
  switch (kind) {
    case BadKind::invalid_utf8: {
      Rng rng(seed ^ 0x757466ULL);
      corrupt_utf8(page.paragraphs[rng.below(page.paragraphs.size())], rng);
      finish(record, page, true, true);
      break;
    }
    case BadKind::empty:
      finish(record, page, true, true);
      record.bytes.clear();
      record.name = member_name(record.truth.id.record, record.bytes);
      record.truth.bytes = 0;
      if (options_.format != ShardFormat::warc) record.truth.url.clear();  // a WARC record keeps its URI
      break;
    case BadKind::missing_header:
      finish(record, page, false, true);
      record.truth.url.clear();
      break;
    case BadKind::missing_text: finish(record, page, true, false); break;
    case BadKind::bad_encoding: finish(record, page, true, true); break;
    case BadKind::truncated:
      finish(record, page, true, true);
      record.truncated = true;
      record.kept_bytes = record.bytes.size() / 2;
      break;
    case BadKind::none: break;
  }
}

GenSummary write_corpus(const TextPool& pool, const GenOptions& options, const std::string& dir) {
  const auto start = std::chrono::steady_clock::now();
  std::filesystem::create_directories(dir + "/shards");
  CorpusGenerator generator(pool, options);
  GenSummary summary;
  summary.shards = generator.shard_count();

  ZstdFileWriter truth(dir + "/truth.jsonl.zst", options.level, options.workers);
  std::string truth_buffer;
  std::string buffer;
  GenRecord record;
  constexpr size_t kFlushBytes = 1 << 20;

  for (uint32_t shard = 0; shard < generator.shard_count(); ++shard) {
    const std::string path = dir + "/shards/" + shard_file_name(options.format, shard);
    const bool warc = options.format == ShardFormat::warc;
    std::optional<ZstdFileWriter> writer;
    std::optional<WarcShardWriter> warc_writer;
    if (warc) {
      warc_writer.emplace(path, options.seed, shard, options.level);
    } else {
      writer.emplace(path, options.level, options.workers);
    }
    bool cut = false;
    for (uint64_t i = 0; i < generator.shard_documents(shard); ++i) {
      generator.next(record);
      if (warc) {
        const WarcDamage damage = record.truncated                            ? WarcDamage::truncated
                                  : record.truth.bad == BadKind::bad_encoding ? WarcDamage::bad_gzip_body
                                                                              : WarcDamage::none;
        record.truth.doc_id = warc_writer->add_page(record.url, record.mtime, record.bytes, damage);
        generator.name_last(record.truth.doc_id);
      } else if (options.format == ShardFormat::tar) {
        if (record.truncated) {
          append_truncated_tar_member(buffer, record.name, record.bytes, record.kept_bytes, record.mtime);
          cut = true;
        } else {
          append_tar_member(buffer, record.name, record.bytes, record.mtime);
        }
      } else {
        buffer.append(record.bytes, 0, record.truncated ? record.kept_bytes : record.bytes.size());
        if (!record.truncated) buffer += '\n';
      }
      truth_buffer += record.truth.json();
      truth_buffer += '\n';

      ++summary.documents;
      if (record.truth.same_url) ++summary.url_variants[static_cast<int>(record.truth.url_variant)];
      summary.url_near_misses += record.truth.url_near_miss != UrlNearMiss::none;
      if (record.truth.low_quality != LowQuality::none) {
        ++summary.low_quality;
        ++summary.low_quality_by_kind[static_cast<int>(record.truth.low_quality)];
      }
      switch (record.truth.kind) {
        case RecordKind::original: ++summary.originals; break;
        case RecordKind::exact: ++summary.exact; break;
        case RecordKind::near: ++summary.near; break;
        case RecordKind::bad:
          ++summary.bad;
          ++summary.bad_by_kind[static_cast<int>(record.truth.bad)];
          break;
      }
      if (buffer.size() >= kFlushBytes) {
        writer->write(buffer);
        buffer.clear();
      }
      if (truth_buffer.size() >= kFlushBytes) {
        truth.write(truth_buffer);
        truth_buffer.clear();
      }
    }
    if (warc) {
      warc_writer->finish();
      summary.uncompressed_bytes += warc_writer->bytes_in();
      summary.compressed_bytes += warc_writer->bytes_out();
      summary.warc += warc_writer->counts();
    } else {
      if (options.format == ShardFormat::tar && !cut) append_tar_end(buffer);
      writer->write(buffer);
      buffer.clear();
      writer->finish();
      summary.uncompressed_bytes += writer->bytes_in();
      summary.compressed_bytes += writer->bytes_out();
    }
    summary.shard_paths.push_back(path);
  }
  truth.write(truth_buffer);
  truth.finish();

  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

void write_summary_json(const std::string& dir, const GenOptions& options, const GenSummary& summary,
                        const std::vector<std::string>& pool_inputs) {
  std::string json = "{\n  \"generator\": \"corpusflow gen\",\n";
  json += "  \"options\": {\"documents\": " + std::to_string(options.documents) +
          ", \"shards\": " + std::to_string(summary.shards) + ", \"format\": \"" + to_string(options.format) +
          "\", \"seed\": " + std::to_string(options.seed) + ", \"dup_rate\": " + format_double(options.dup_rate) +
          ", \"near_rate\": " + format_double(options.near_rate) +
          ", \"bad_rate\": " + format_double(options.bad_rate) +
          ", \"url_variant_rate\": " + format_double(options.url_variant_rate) +
          ", \"url_near_miss_rate\": " + format_double(options.url_near_miss_rate) +
          ", \"low_quality_rate\": " + format_double(options.low_quality_rate) +
          ", \"sites\": " + std::to_string(options.sites) + ", \"level\": " + std::to_string(options.level) +
          ", \"pool\": [";
  for (size_t i = 0; i < pool_inputs.size(); ++i) {
    json += i > 0 ? ", \"" : "\"";
    append_json_escaped(pool_inputs[i], json);
    json += '"';
  }
  json += "]},\n  \"documents\": {\"total\": " + std::to_string(summary.documents) +
          ", \"original\": " + std::to_string(summary.originals) + ", \"exact\": " + std::to_string(summary.exact) +
          ", \"near\": " + std::to_string(summary.near) + ", \"bad\": " + std::to_string(summary.bad) +
          "},\n  \"url_variants\": {";
  for (int variant = 0; variant < kUrlVariants; ++variant) {
    json += variant > 0 ? ", \"" : "\"";
    json += std::string(to_string(static_cast<UrlVariant>(variant))) +
            "\": " + std::to_string(summary.url_variants[variant]);
  }
  json += "}, \"url_near_misses\": " + std::to_string(summary.url_near_misses) +
          ",\n  \"low_quality\": {\"total\": " + std::to_string(summary.low_quality);
  for (int kind = 1; kind < kLowQualityKinds; ++kind) {
    json += ", \"" + std::string(to_string(static_cast<LowQuality>(kind))) +
            "\": " + std::to_string(summary.low_quality_by_kind[kind]);
  }
  json += "},\n  \"bad\": {";
  bool first = true;
  for (int kind = 1; kind < kBadKinds; ++kind) {
    json += first ? "\"" : ", \"";
    first = false;
    json += std::string(to_string(static_cast<BadKind>(kind))) + "\": " + std::to_string(summary.bad_by_kind[kind]);
  }
  json += "},\n  \"uncompressed_bytes\": " + std::to_string(summary.uncompressed_bytes) +
          ",\n  \"compressed_bytes\": " + std::to_string(summary.compressed_bytes) +
          (options.format != ShardFormat::warc
               ? std::string()
               : ",\n  \"warc_records\": {\"warcinfo\": " + std::to_string(summary.warc.warcinfo) + ", \"request\": " +
                     std::to_string(summary.warc.requests) + ", \"page\": " + std::to_string(summary.warc.pages) +
                     ", \"not_found\": " + std::to_string(summary.warc.not_found) + ", \"image\": " +
                     std::to_string(summary.warc.images) + ", \"chunked\": " + std::to_string(summary.warc.chunked) +
                     ", \"gzip\": " + std::to_string(summary.warc.gzip) + "}") +
          ",\n  \"seconds\": " + format_double(summary.seconds) + "\n}\n";
  const std::string path = dir + "/gen.json";
  {
    std::ofstream out(path + ".tmp", std::ios::binary);
    out << json;
    if (!out.flush()) throw std::runtime_error(path + ".tmp: write failed");
  }
  std::filesystem::rename(path + ".tmp", path);
}

}  // namespace corpusflow::gen
