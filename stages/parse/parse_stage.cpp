#include "stages/parse/parse_stage.h"

namespace corpusflow {

void ParseStage::process(Batch& batch) {
  const size_t count = batch.records.size();
  batch.documents.resize(count);
  for (size_t i = 0; i < count; ++i) {
    Document& doc = batch.documents[i];
    RawRecord& record = batch.records[i];
    doc.id = DocumentId{batch.shard, batch.first_record + i};
    doc.source.reserve(batch.shard_path.size() + 1 + record.name.size());
    doc.source.append(batch.shard_path).append(1, ':').append(record.name);
    parser_.parse(record, batch.layout, doc);
    if (doc.id_origin == IdOrigin::derived) {
      doc.id_text.reserve(batch.shard_name.size() + 12);
      doc.id_text.assign(batch.shard_name).append(1, ':').append(std::to_string(doc.id.record));
    }
  }
  std::vector<RawRecord>().swap(batch.records);
}

}  // namespace corpusflow
