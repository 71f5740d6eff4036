#include "engine/graph/pipeline.h"

#include <sys/resource.h>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/flow_graph.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <memory>
#include <span>
#include <stdexcept>

#include "engine/graph/batch_source.h"
#include "engine/graph/progress.h"
#include "engine/graph/stage_clock.h"
#include "io/zstd_compressor.h"
#include "stages/dedup/decider.h"
#include "stages/dedup/fingerprinter.h"
#include "stages/encode/batch_encoder.h"
#include "stages/normalize/normalizer.h"
#include "stages/parse/parser.h"

namespace corpusflow {
namespace {

using BatchPtr = std::shared_ptr<Batch>;
namespace flow = tbb::flow;

RecordLayout layout_of(InputFormat format) {
  return format == InputFormat::jsonl ? RecordLayout::json : RecordLayout::page;
}

uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

// Per-thread stage state, made on first use by each worker and reused for every batch after.
template <typename T>
class PerThread {
 public:
  template <typename Make>
  explicit PerThread(Make make) : make_(std::move(make)) {}
  T& local() {
    std::unique_ptr<T>& slot = slots_.local();
    if (!slot) slot = make_();
    return *slot;
  }
  template <typename Visit>
  void for_each(Visit visit) {
    for (auto& slot : slots_) {
      if (slot) visit(*slot);
    }
  }

 private:
  std::function<std::unique_ptr<T>()> make_;
  tbb::enumerable_thread_specific<std::unique_ptr<T>> slots_;
};

void release(std::vector<RawRecord>& records) { std::vector<RawRecord>().swap(records); }

class Pipeline {
 public:
  Pipeline(const RunConfig& config, const std::vector<InputFile>& inputs)
      : config_(config),
        source_(inputs, BatchLimits{config.batch_bytes, config.batch_records, config.max_record_bytes}),
        parsers_([] { return std::make_unique<Parser>(); }),
        normalizers_([&] {
          NormalizeOptions options = config.normalize;
          options.keep_fingerprint_text = config.dedup.exact || config.dedup.url || config.dedup.near;
          return std::make_unique<Normalizer>(options);
        }),
        fingerprinters_([&] { return std::make_unique<Fingerprinter>(config.dedup); }),
        compressors_([&] { return std::make_unique<ZstdCompressor>(config.compression_level); }),
        accumulators_([&] { return std::make_unique<StatsAccumulator>(config.stats); }),
        decider_(config.dedup),
        data_writer_(config.output / "data", config.shard_size),
        duplicate_writer_(config.output / "duplicates", config.shard_size),
        reject_writer_(config.output / "rejects", config.shard_size),
        shards_(inputs.size()) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      shards_[i].path = inputs[i].path;
      shards_[i].compressed_bytes = inputs[i].size;
    }
  }

  RunOutput run(int threads) {
    uint64_t total_input_bytes = 0;
    for (const InputFile& input : source_.inputs()) total_input_bytes += input.size;
    const auto start = std::chrono::steady_clock::now();
    {
      ProgressReporter progress(config_.progress, total_input_bytes, [this] {
        return ProgressSnapshot{documents_written_.load(std::memory_order_relaxed),
                                kept_written_.load(std::memory_order_relaxed),
                                duplicates_written_.load(std::memory_order_relaxed),
                                rejected_written_.load(std::memory_order_relaxed),
                                bytes_written_.load(std::memory_order_relaxed),
                                compressed_done_.load(std::memory_order_relaxed)};
      });
      tbb::task_arena arena(threads);
      arena.execute([&] { run_graph(static_cast<size_t>(threads)); });
      progress.finish();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return finish(wall, threads);
  }

 private:
  void run_graph(size_t threads) {
    flow::graph graph;
    const size_t in_flight = threads * static_cast<size_t>(std::max(1, config_.batches_per_thread)) + 2;

    flow::input_node<BatchPtr> read(graph, [this](tbb::flow_control& control) -> BatchPtr {
      BatchPtr batch;
      clock_.measure(Stage::read, 0, 0, [&] { batch = source_.next(); });
      if (!batch) control.stop();
      return batch;
    });
    flow::limiter_node<BatchPtr> limit(graph, in_flight);
    flow::function_node<BatchPtr, BatchPtr> prepare(graph, flow::unlimited, [this](BatchPtr batch) {
      prepare_batch(*batch);
      return batch;
    });
    flow::sequencer_node<BatchPtr> order_for_decide(graph, [](const BatchPtr& b) { return b->sequence; });
    flow::function_node<BatchPtr, BatchPtr> decide(graph, flow::serial, [this](BatchPtr batch) {
      decide_batch(*batch);
      return batch;
    });
    flow::function_node<BatchPtr, BatchPtr> encode(graph, flow::unlimited, [this](BatchPtr batch) {
      encode_batch_outputs(*batch);
      return batch;
    });
    flow::sequencer_node<BatchPtr> order_for_write(graph, [](const BatchPtr& b) { return b->sequence; });
    flow::function_node<BatchPtr, flow::continue_msg> write(graph, flow::serial, [this](BatchPtr batch) {
      write_batch(*batch);
      return flow::continue_msg();
    });

    flow::make_edge(read, limit);
    flow::make_edge(limit, prepare);
    flow::make_edge(prepare, order_for_decide);
    flow::make_edge(order_for_decide, decide);
    flow::make_edge(decide, encode);
    flow::make_edge(encode, order_for_write);
    flow::make_edge(order_for_write, write);
    flow::make_edge(write, limit.decrementer());
    read.activate();
    graph.wait_for_all();
  }

  bool dedup_enabled() const { return config_.dedup.exact || config_.dedup.url || config_.dedup.near; }

  void prepare_batch(Batch& batch) {
    const size_t count = batch.records.size();
    batch.documents.resize(count);
    const RecordLayout layout = layout_of(source_.inputs()[batch.shard].format);
    clock_.measure(Stage::parse, count, batch.input_bytes, [&] {
      Parser& parser = parsers_.local();
      for (size_t i = 0; i < count; ++i) {
        Document& doc = batch.documents[i];
        RawRecord& record = batch.records[i];
        doc.id = DocumentId{batch.shard, batch.first_record + i};
        doc.source = batch.shard_path + ":" + record.name;
        parser.parse(record, layout, doc);
      }
      release(batch.records);
    });
    clock_.measure(Stage::normalize, count, batch.input_bytes, [&] {
      Normalizer& normalizer = normalizers_.local();
      for (Document& doc : batch.documents) normalizer.normalize(doc);
    });
    if (!dedup_enabled()) return;
    clock_.measure(Stage::fingerprint, count, batch.input_bytes, [&] {
      Fingerprinter& fingerprinter = fingerprinters_.local();
      for (Document& doc : batch.documents) fingerprinter.fingerprint(doc);
    });
  }

  void decide_batch(Batch& batch) {
    clock_.measure(Stage::decide, batch.documents.size(), batch.input_bytes, [&] {
      if (config_.fail_on_io_error) {
        for (const Document& doc : batch.documents) {
          if (doc.rejected() && doc.reject_reason == "io") {
            throw std::runtime_error(doc.source + " (record " + doc.id.str() + "): " + doc.reject_detail +
                                     " [--on-error=fail]");
          }
        }
      }
      if (dedup_enabled()) decider_.decide(std::span<Document>(batch.documents));
    });
  }

  void encode_batch_outputs(Batch& batch) {
    clock_.measure(Stage::stats, batch.documents.size(), batch.input_bytes, [&] {
      StatsAccumulator& stats = accumulators_.local();
      for (const Document& doc : batch.documents) stats.add(doc);
    });
    clock_.measure(Stage::encode, batch.documents.size(), batch.input_bytes,
                   [&] { encode_batch(batch, config_.encode); });
    std::vector<Document>().swap(batch.documents);
    clock_.measure(Stage::compress, 0, batch.input_bytes, [&] {
      ZstdCompressor& compressor = compressors_.local();
      for (EncodedStream* stream : {&batch.kept, &batch.duplicates, &batch.rejects}) {
        if (stream->records == 0) continue;
        stream->frame.clear();
        compressor.compress_frame(stream->json, stream->frame);
        stream->json_bytes = stream->json.size();
        std::string().swap(stream->json);
      }
    });
  }

  void write_batch(Batch& batch) {
    const uint64_t documents = batch.kept.records + batch.duplicates.records + batch.rejects.records;
    clock_.measure(Stage::write, documents, batch.input_bytes, [&] {
      append(data_writer_, batch.kept);
      append(duplicate_writer_, batch.duplicates);
      append(reject_writer_, batch.rejects);
    });
    ShardAccount& shard = shards_[batch.shard];
    shard.kept += batch.kept.records;
    shard.duplicates += batch.duplicates.records;
    shard.rejected += batch.rejects.records;
    documents_written_.fetch_add(documents, std::memory_order_relaxed);
    bytes_written_.fetch_add(batch.input_bytes, std::memory_order_relaxed);
    kept_written_.fetch_add(batch.kept.records, std::memory_order_relaxed);
    duplicates_written_.fetch_add(batch.duplicates.records, std::memory_order_relaxed);
    rejected_written_.fetch_add(batch.rejects.records, std::memory_order_relaxed);
    if (batch.last_of_shard) compressed_done_.fetch_add(shard.compressed_bytes, std::memory_order_relaxed);
  }

  static void append(ShardWriter& writer, const EncodedStream& stream) {
    if (stream.records > 0) writer.append(stream.frame, stream.json_bytes, stream.records);
  }

  RunOutput finish(double wall_seconds, int threads) {
    RunOutput output{StatsAccumulator(config_.stats), {}, {}, {}, {}, {}, {}, {}};
    output.data_files = data_writer_.finish();
    output.duplicate_files = duplicate_writer_.finish();
    output.reject_files = reject_writer_.finish();
    accumulators_.for_each([&](const StatsAccumulator& part) { output.stats.merge(part); });
    output.input_counts = source_.shard_counts();
    for (size_t i = 0; i < shards_.size(); ++i) {
      ShardAccount& shard = shards_[i];
      const ReaderCounts& counts = output.input_counts[i];
      shard.records = counts.records;
      shard.uncompressed_bytes = counts.uncompressed_bytes;
      shard.skipped_members = counts.skipped_members;
      shard.concatenated_archives = counts.concatenated_archives;
      shard.end_of_archive_missing = counts.end_of_archive_missing;
      if (shard.records != shard.kept + shard.duplicates + shard.rejected) {
        output.accounting_errors.push_back(
            shard.path + ": read " + std::to_string(shard.records) + " records but kept " +
            std::to_string(shard.kept) + " + duplicates " + std::to_string(shard.duplicates) + " + rejected " +
            std::to_string(shard.rejected));
      }
    }
    RunMetrics& metrics = output.metrics;
    metrics.wall_seconds = wall_seconds;
    metrics.threads = threads;
    metrics.peak_rss_bytes = peak_rss_bytes();
    metrics.stages = clock_.timings();
    metrics.shards = shards_;
    metrics.outputs = {account("data", output.data_files), account("duplicates", output.duplicate_files),
                       account("rejects", output.reject_files)};
    output.dedup = decider_.stats();
    return output;
  }

  static OutputAccount account(const char* stream, const std::vector<ShardFile>& files) {
    OutputAccount result;
    result.stream = stream;
    result.files = files.size();
    for (const ShardFile& file : files) {
      result.records += file.records;
      result.uncompressed_bytes += file.uncompressed_bytes;
      result.compressed_bytes += file.compressed_bytes;
    }
    return result;
  }

  const RunConfig& config_;
  BatchSource source_;
  PerThread<Parser> parsers_;
  PerThread<Normalizer> normalizers_;
  PerThread<Fingerprinter> fingerprinters_;
  PerThread<ZstdCompressor> compressors_;
  PerThread<StatsAccumulator> accumulators_;
  Decider decider_;
  ShardWriter data_writer_;
  ShardWriter duplicate_writer_;
  ShardWriter reject_writer_;
  std::vector<ShardAccount> shards_;
  StageClock clock_;
  std::atomic<uint64_t> documents_written_{0};
  std::atomic<uint64_t> bytes_written_{0};
  std::atomic<uint64_t> kept_written_{0};
  std::atomic<uint64_t> duplicates_written_{0};
  std::atomic<uint64_t> rejected_written_{0};
  std::atomic<uint64_t> compressed_done_{0};  // whole shards only: a shard counts once its last batch is written
};

}  // namespace

RunOutput run_pipeline(const RunConfig& config, const std::vector<InputFile>& inputs) {
  const int threads = config.threads > 0 ? config.threads : static_cast<int>(tbb::this_task_arena::max_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  Pipeline pipeline(config, inputs);
  return pipeline.run(threads);
}

}  // namespace corpusflow
