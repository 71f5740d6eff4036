#include "engine/graph/batch_source.h"

namespace corpusflow {

BatchSource::BatchSource(std::vector<InputFile> inputs, BatchLimits limits)
    : inputs_(std::move(inputs)), limits_(limits), counts_(inputs_.size()) {}

bool BatchSource::open_next_shard() {
  while (shard_ < inputs_.size()) {
    ReaderLimits reader_limits;
    reader_limits.max_record_bytes = limits_.max_record_bytes;
    reader_ = open_record_reader(inputs_[shard_].path, inputs_[shard_].format, reader_limits);
    next_record_ = 0;
    has_pending_ = reader_->next(pending_);
    if (has_pending_) {
      shard_open_ = true;
      return true;
    }
    counts_[shard_] = reader_->counts();  // an empty shard: no batch, but its counts still matter
    bytes_of_finished_shards_ += counts_[shard_].compressed_bytes_read;
    compressed_bytes_read_.store(bytes_of_finished_shards_, std::memory_order_relaxed);
    reader_.reset();
    ++shard_;
  }
  return false;
}

namespace {

RecordLayout layout_of(InputFormat format) {
  switch (format) {
    case InputFormat::jsonl: return RecordLayout::json;
    case InputFormat::warc:
    case InputFormat::arc: return RecordLayout::web;
    case InputFormat::auto_detect:
    case InputFormat::tar:
    case InputFormat::text: break;
  }
  return RecordLayout::page;
}

}  // namespace

std::shared_ptr<Batch> BatchSource::next() {
  if (!shard_open_ && !open_next_shard()) {
    if (end_sent_) return nullptr;
    end_sent_ = true;
    auto end = std::make_shared<Batch>();
    end->sequence = next_sequence_++;
    end->end_of_run = true;
    end->compressed_done = bytes_of_finished_shards_;
    return end;
  }

  auto batch = std::make_shared<Batch>();
  batch->sequence = next_sequence_++;
  batch->shard = static_cast<uint32_t>(shard_);
  batch->shard_path = inputs_[shard_].path;
  batch->shard_name = inputs_[shard_].name;
  batch->shard_mtime = inputs_[shard_].mtime;
  batch->first_record = next_record_;
  batch->layout = layout_of(inputs_[shard_].format);
  while (has_pending_) {
    batch->input_bytes += pending_.size;
    batch->records.push_back(std::move(pending_));
    pending_ = RawRecord();
    ++next_record_;
    has_pending_ = reader_->next(pending_);
    if (batch->input_bytes >= limits_.bytes || batch->records.size() >= limits_.records) break;
  }
  batch->record_count = batch->records.size();
  counts_[shard_] = reader_->counts();
  batch->compressed_done = bytes_of_finished_shards_ + counts_[shard_].compressed_bytes_read;
  compressed_bytes_read_.store(batch->compressed_done, std::memory_order_relaxed);
  if (!has_pending_) {
    batch->last_of_shard = true;
    bytes_of_finished_shards_ += counts_[shard_].compressed_bytes_read;
    reader_.reset();
    shard_open_ = false;
    ++shard_;
  }
  return batch;
}

}  // namespace corpusflow
