// Fuzz target: the whole per-document path of a run, as engine/graph/pipeline.cpp calls it: raw records -> Parser ->
// Normalizer -> Fingerprinter -> IdRegistry -> Decider -> encode_batch. First byte: bit 0 json layout (else page),
// bit 1 remove_tatweel, bit 2 repair_repetition, bit 3 keep_duplicate_text, bit 4 detect_language, bits 5-6
// ngram, bit 7 dedup off; the input's size modulo 3 picks the output schema; the rest is up to 64 records
// separated by 0x1E. Rejects carry a documented reason; kept documents have clean text and title; normalize's
// fingerprint text is fingerprint_text(text); signatures have the configured size; ids are unique; every
// document is encoded once, and every encoded line parses as a JSON object holding what the document held.
#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/batch.h"
#include "core/document.h"
#include "core/raw_record.h"
#include "core/utf8.h"
#include "stages/dedup/decider.h"
#include "stages/dedup/dedup_config.h"
#include "stages/dedup/fingerprinter.h"
#include "stages/encode/batch_encoder.h"
#include "stages/ids/id_registry.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/normalizer.h"
#include "stages/normalize/tokenizer.h"
#include "stages/parse/page_layout.h"
#include "stages/parse/parser.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/text_checks.h"

namespace corpusflow::fuzz_document_path {

constexpr char kRecordSeparator = '\x1E';
constexpr size_t kMaxRecords = 64;

std::string repaired(std::string_view text) {
  std::string out;
  append_repaired_utf8(text, out);
  return out;
}

// Each line of `json` parsed; checks that there are `records` lines, all JSON objects.
std::vector<nlohmann::json> parse_lines(const EncodedStream& stream) {
  std::vector<nlohmann::json> lines;
  std::string_view rest = stream.json;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    FUZZ_CHECK(end != std::string_view::npos, "an encoded line without its newline");
    const std::string_view line = rest.substr(0, end);
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    FUZZ_CHECK(!parsed.is_discarded(), std::string(line).c_str());
    FUZZ_CHECK(parsed.is_object(), "an encoded line is not a JSON object");
    lines.push_back(std::move(parsed));
    rest.remove_prefix(end + 1);
  }
  FUZZ_CHECK(lines.size() == stream.records, "encoded lines != records counted");
  return lines;
}

bool string_field_is(const nlohmann::json& line, const char* key, std::string_view value) {
  const auto it = line.find(key);
  return it != line.end() && it->is_string() && it->get<std::string>() == repaired(value);
}

// An id as the output writes it: a number for a JSONL id that was one, else a string.
bool id_is(const nlohmann::json& line, const char* key, const std::string& text, bool is_number) {
  if (!is_number) return string_field_is(line, key, text);
  const auto it = line.find(key);
  return it != line.end() && it->is_number();
}

}  // namespace corpusflow::fuzz_document_path

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corpusflow;
  namespace path = fuzz_document_path;
  if (size == 0) return 0;
  static const std::set<std::string> kReasons = {"io", "too_large", "unsupported", "empty", "bad_json", "not_utf8"};
  static constexpr std::array<int, 4> kNgrams = {5, 1, 2, 3};
  const uint8_t control = data[0];
  const RecordLayout layout = (control & 1) ? RecordLayout::json : RecordLayout::page;
  NormalizeOptions normalize_options;
  normalize_options.remove_tatweel = (control & 2) != 0;
  normalize_options.repair_repetition = (control & 4) != 0;
  normalize_options.detect_language = (control & 16) != 0;
  constexpr OutputSchema kSchemas[] = {OutputSchema::corpusflow, OutputSchema::fineweb, OutputSchema::dolma};
  const EncodeOptions encode_options{.keep_duplicate_text = (control & 8) != 0, .schema = kSchemas[size % 3]};
  DedupConfig dedup;
  dedup.ngram = kNgrams[(control >> 5) & 3];
  const bool dedup_enabled = (control & 0x80) == 0;
  if (!dedup_enabled) dedup.exact = dedup.url = dedup.near = false;
  normalize_options.keep_fingerprint_text = dedup_enabled;

  Batch batch;
  batch.shard_path = "fuzz";
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  while (batch.records.size() < path::kMaxRecords) {
    const size_t end = rest.find(path::kRecordSeparator);
    RawRecord& record = batch.records.emplace_back();
    record.name = "record " + std::to_string(batch.records.size());
    record.bytes = rest.substr(0, end);
    record.size = record.bytes.size();
    batch.input_bytes += record.size;
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }

  // Parse, normalize, fingerprint: Pipeline::prepare_batch.
  static Parser parser;
  Normalizer normalizer(normalize_options);
  const size_t count = batch.records.size();
  batch.documents.resize(count);
  std::vector<std::string> raw(count);
  for (size_t i = 0; i < count; ++i) {
    Document& doc = batch.documents[i];
    raw[i] = batch.records[i].bytes;
    doc.id = DocumentId{0, i};
    doc.source = batch.shard_path + ":" + batch.records[i].name;
    parser.parse(batch.records[i], layout, doc);
    if (doc.id_origin == IdOrigin::derived) doc.id_text = "fuzz:" + std::to_string(i);  // as ParseStage does
    FUZZ_CHECK(doc.raw_bytes == raw[i].size(), "raw_bytes differs from the record size");
  }
  for (Document& doc : batch.documents) {
    const bool parse_rejected = doc.rejected();
    normalizer.normalize(doc);
    if (doc.rejected()) {
      FUZZ_CHECK(kReasons.count(std::string(to_string(doc.reject_reason))) == 1,
                 std::string(to_string(doc.reject_reason)).c_str());
      FUZZ_CHECK(
          parse_rejected || doc.reject_reason == RejectReason::empty || doc.reject_reason == RejectReason::not_utf8,
          "normalize rejected with a reason of another stage");
      FUZZ_CHECK(!doc.reject_detail.empty(), "a reject without detail");
      continue;
    }
    fuzz::check_cleaned(doc.text, CleanOptions{.remove_tatweel = normalize_options.remove_tatweel});
    fuzz::check_cleaned(doc.title,
                        CleanOptions{.remove_tatweel = normalize_options.remove_tatweel, .single_line = true});
    FUZZ_CHECK(layout != RecordLayout::page || doc.date.empty() || is_iso_day(doc.date), doc.date.c_str());
    FUZZ_CHECK(doc.host == host_of(doc.url), "host is not host_of(url)");
    const std::string fingerprint = fingerprint_text(doc.text);
    FUZZ_CHECK(doc.fingerprint_text_ready == dedup_enabled, "fingerprint_text_ready differs from dedup on");
    if (doc.fingerprint_text_ready) {
      FUZZ_CHECK(doc.fingerprint_text == fingerprint, "normalize's fingerprint text != fingerprint_text(text)");
    }
    FUZZ_CHECK(doc.words == count_tokens(fingerprint), "words != tokens of the fingerprint text");
  }
  // The ids stage, before decide: every id is unique afterwards.
  IdRegistry ids(1 << 20);
  std::set<std::pair<bool, std::string>> unique_ids;
  for (Document& doc : batch.documents) {
    ids.assign(doc, "fuzz");
    FUZZ_CHECK(unique_ids.emplace(doc.id_is_number, doc.id_text).second, "two documents share an id");
    FUZZ_CHECK(is_valid_utf8(doc.id_text), "an id is not valid UTF-8");
  }
  if (dedup_enabled) {
    Fingerprinter fingerprinter(dedup);
    for (Document& doc : batch.documents) {
      fingerprinter.fingerprint(doc);
      if (doc.rejected()) continue;
      std::vector<std::string_view> tokens, title_tokens;
      const std::string fingerprint = fingerprint_text(doc.text);
      const std::string title_fingerprint = fingerprint_text(doc.title);
      tokenize(fingerprint, tokens);
      tokenize(title_fingerprint, title_tokens);
      const bool signed_doc =
          !fingerprint.empty() && tokens.size() + title_tokens.size() >= static_cast<size_t>(dedup.ngram);
      FUZZ_CHECK(doc.fingerprint.signature.size() == (signed_doc ? static_cast<size_t>(dedup.signature_size()) : 0),
                 "signature size");
    }
    Decider decider(dedup);
    decider.decide(std::span<Document>(batch.documents));
  }
  for (size_t i = 0; i < count; ++i) {
    const Document& doc = batch.documents[i];
    if (doc.outcome != Outcome::duplicate) continue;
    FUZZ_CHECK(doc.duplicate_of < doc.id, "a duplicate of a later document");
    const Document& leader = batch.documents[doc.duplicate_of.record];
    FUZZ_CHECK(leader.outcome == Outcome::kept, "a duplicate of a document that was not kept");
    FUZZ_CHECK(doc.duplicate_kind != DuplicateKind::none, "a duplicate without a kind");
    if (doc.duplicate_kind == DuplicateKind::exact) {
      FUZZ_CHECK(fingerprint_text(doc.text) == fingerprint_text(leader.text), "exact duplicates differ");
    }
  }

  // Encode: Pipeline::encode_batch_outputs.
  encode_batch(batch, encode_options);
  FUZZ_CHECK(batch.kept.records + batch.duplicates.records + batch.rejects.records == count,
             "documents encoded != documents");
  const auto kept = path::parse_lines(batch.kept);
  const auto duplicates = path::parse_lines(batch.duplicates);
  const auto rejects = path::parse_lines(batch.rejects);
  size_t next_kept = 0, next_duplicate = 0, next_reject = 0;
  for (const Document& doc : batch.documents) {
    switch (doc.outcome) {
      case Outcome::filtered: FUZZ_CHECK(false, "filtered without a filter stage in this path"); break;
      case Outcome::kept: {
        const nlohmann::json& line = kept[next_kept++];
        FUZZ_CHECK(path::id_is(line, "id", doc.id_text, doc.id_is_number), "kept: id");
        FUZZ_CHECK(path::string_field_is(line, "text", doc.text), "kept: text");
        const nlohmann::json& ours =
            encode_options.schema == OutputSchema::dolma && line.contains("metadata") ? line["metadata"] : line;
        FUZZ_CHECK(doc.title.empty() || path::string_field_is(ours, "title", doc.title), "kept: title");
        FUZZ_CHECK(doc.url.empty() || path::string_field_is(ours, "url", doc.url), "kept: url");
        FUZZ_CHECK(path::string_field_is(ours, "host", doc.host), "kept: host");
        FUZZ_CHECK(path::string_field_is(ours, "language", doc.language), "kept: language");
        FUZZ_CHECK(ours.contains("words") && ours["words"].is_number_unsigned() && ours["words"] == doc.words,
                   "kept: words");
        const auto fields = nlohmann::json::parse(input_fields_json(doc.fields), nullptr, false);
        FUZZ_CHECK(!fields.is_discarded() && fields.is_object(), "kept fields are not a JSON object");
        break;
      }
      case Outcome::duplicate: {
        const nlohmann::json& line = duplicates[next_duplicate++];
        FUZZ_CHECK(path::id_is(line, "id", doc.id_text, doc.id_is_number), "duplicate: id");
        FUZZ_CHECK(path::id_is(line, "duplicate_of", doc.duplicate_of_id, doc.duplicate_of_is_number), "duplicate: of");
        FUZZ_CHECK(path::string_field_is(line, "kind", to_string(doc.duplicate_kind)), "duplicate: kind");
        if (encode_options.keep_duplicate_text) {
          FUZZ_CHECK(path::string_field_is(line, "text", doc.text), "duplicate: text");
        }
        break;
      }
      case Outcome::rejected: {
        const nlohmann::json& line = rejects[next_reject++];
        FUZZ_CHECK(path::id_is(line, "id", doc.id_text, doc.id_is_number), "reject: id");
        FUZZ_CHECK(path::string_field_is(line, "reason", std::string(to_string(doc.reject_reason))), "reject: reason");
        FUZZ_CHECK(line.contains("bytes") && line["bytes"] == doc.raw_bytes, "reject: bytes");
        break;
      }
    }
  }
  return 0;
}
