// encode: a decided batch -> four streams of JSON lines (kept documents, duplicates, rejects, filtered).
#pragma once

#include <string>

#include "core/batch.h"
#include "stages/encode/output_schema.h"

namespace corpusflow {

struct EncodeOptions {
  bool keep_duplicate_text = false;  // --keep-duplicates: duplicates also carry url, title and text, for audits
  bool keep_filtered_text = false;   // --keep-filtered: filtered records also carry title and text
  OutputSchema schema = OutputSchema::corpusflow;  // --schema: the layout of kept documents
};

// Fills batch.kept, batch.duplicates, batch.rejects and batch.filtered (json and records); frames are left to io.
void encode_batch(Batch& batch, const EncodeOptions& options);

// One JSON line each, '\n' included (exposed for tests and `cat`-side tools); a kept document in corpusflow's
// schema (kept_writer.h writes every schema).
void encode_kept_document(const Document& doc, std::string& out);
void encode_duplicate(const Document& doc, bool with_text, std::string& out);
void encode_reject(const Document& doc, std::string& out);
void encode_filtered(const Document& doc, bool with_text, std::string& out);

}  // namespace corpusflow
