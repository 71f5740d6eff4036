#include "stages/html/extract_stage.h"

namespace corpusflow {

void ExtractStage::process(Batch& batch) {
  for (Document& doc : batch.documents) {
    if (doc.rejected() || doc.markup != Markup::html) continue;
    if (config_.mode != HtmlMode::raw) {
      extractor_.extract(doc.text, config_.mode, result_);
      doc.text.swap(result_.text);
      if (doc.title.empty()) doc.title.swap(result_.title);
      if (!result_.language_hint.empty()) doc.language_hint.swap(result_.language_hint);
    }
    doc.markup = Markup::none;
  }
}

}  // namespace corpusflow
