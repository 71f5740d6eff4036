#include "engine/graph/pipeline.h"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/flow_graph.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <memory>
#include <span>
#include <stdexcept>

#include "engine/graph/batch_source.h"
#include "engine/graph/peak_memory.h"
#include "engine/graph/progress.h"
#include "engine/graph/stage_clock.h"
#include "engine/graph/stage_list.h"
#include "io/output_layout.h"

namespace corpusflow {
namespace {

using BatchPtr = std::shared_ptr<Batch>;
namespace flow = tbb::flow;

// One state per thread, made on first use by each worker and reused for every batch after.
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
  void for_each(Visit visit) const {
    for (const auto& slot : slots_) {
      if (slot) visit(*slot);
    }
  }

 private:
  std::function<std::unique_ptr<T>()> make_;
  tbb::enumerable_thread_specific<std::unique_ptr<T>> slots_;
};

using Workers = std::vector<std::unique_ptr<StageWorker>>;

// Consecutive stages of one mode run as one graph node: a parallel step per thread, a serial one in order.
struct Step {
  StageMode mode = StageMode::parallel;
  size_t first_clock = 0;  // clock index of the step's first stage
  std::vector<const StageEntry*> stages;
  std::unique_ptr<PerThread<Workers>> per_thread;  // parallel: one set per worker thread
  std::unique_ptr<Workers> single;                 // serial: one set, whatever thread runs the node
  std::vector<BatchPtr> held;                      // gather: the batches its stage holds, in order

  Workers& local() { return single ? *single : per_thread->local(); }
  template <typename Visit>
  void for_each(Visit visit) const {
    if (single) {
      visit(*single);
    } else {
      per_thread->for_each(visit);
    }
  }

  std::unique_ptr<Workers> make_workers() const {
    auto made = std::make_unique<Workers>();
    for (const StageEntry* entry : stages) made->push_back(entry->make());
    return made;
  }
};

std::vector<std::string> clock_names(const std::vector<StageEntry>& stages) {
  std::vector<std::string> names{"read"};
  for (const StageEntry& entry : stages) names.push_back(entry.name);
  names.emplace_back("write");
  return names;
}

class Pipeline {
 public:
  Pipeline(const RunConfig& config, const std::vector<InputFile>& inputs)
      : config_(config),
        source_(inputs, config.batch),
        stages_(stage_list(config)),
        clock_(clock_names(stages_)),
        write_clock_(stages_.size() + 1),
        data_writer_(config.output / kept_folder(config.encode.schema), config.shard_size),
        duplicate_writer_(output_layout::duplicates_folder(config.output), config.shard_size),
        reject_writer_(output_layout::rejects_folder(config.output), config.shard_size),
        filtered_writer_(output_layout::filtered_folder(config.output), config.shard_size),
        shards_(inputs.size()) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      shards_[i].path = inputs[i].path;
      shards_[i].compressed_bytes = inputs[i].size;
    }
    for (size_t i = 0; i < stages_.size(); ++i) {
      if (steps_.empty() || steps_.back().mode != stages_[i].mode || stages_[i].mode == StageMode::gather) {
        Step step;
        step.mode = stages_[i].mode;
        step.first_clock = i + 1;
        steps_.push_back(std::move(step));
      }
      steps_.back().stages.push_back(&stages_[i]);
    }
    for (Step& step : steps_) {
      if (step.mode != StageMode::parallel) {
        step.single = step.make_workers();
      } else {
        step.per_thread = std::make_unique<PerThread<Workers>>([&step] { return step.make_workers(); });
      }
    }
  }

  RunOutput run() {
    uint64_t total_input_bytes = 0;
    for (const InputFile& input : source_.inputs()) total_input_bytes += input.size;
    const auto start = std::chrono::steady_clock::now();
    {
      ProgressReporter progress(config_.progress, total_input_bytes, [this] { return progress_snapshot(); });
      tbb::task_arena arena(config_.threads);
      arena.execute([&] { run_graph(); });
      progress.finish();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return finish(wall);
  }

 private:
  void run_graph() {
    flow::graph graph;
    flow::input_node<BatchPtr> read(graph, [this](tbb::flow_control& control) -> BatchPtr {
      const auto start = std::chrono::steady_clock::now();
      BatchPtr batch = source_.next();
      clock_.add(0, std::chrono::steady_clock::now() - start, batch ? batch->record_count : 0,
                 batch ? batch->input_bytes : 0);
      if (!batch) control.stop();
      return batch;
    });
    flow::limiter_node<BatchPtr> limit(graph, batches_in_flight(config_));
    flow::make_edge(read, limit);

    std::vector<std::unique_ptr<flow::sequencer_node<BatchPtr>>> orders;
    std::vector<std::unique_ptr<flow::function_node<BatchPtr, BatchPtr>>> nodes;
    using GatherNode = flow::multifunction_node<BatchPtr, std::tuple<BatchPtr>>;
    std::vector<std::unique_ptr<GatherNode>> gathers;
    flow::sender<BatchPtr>* last = &limit;
    auto in_order = [&]() -> flow::sender<BatchPtr>* {
      orders.push_back(
          std::make_unique<flow::sequencer_node<BatchPtr>>(graph, [](const BatchPtr& b) { return b->sequence; }));
      flow::make_edge(*last, *orders.back());
      return orders.back().get();
    };
    for (Step& step : steps_) {
      if (step.mode == StageMode::gather) {
        last = in_order();
        gathers.push_back(std::make_unique<GatherNode>(
            graph, flow::serial, [this, &step](const BatchPtr& batch, GatherNode::output_ports_type& ports) {
              step.held.push_back(batch);
              if (!run_step(step, *batch)) return;
              for (const BatchPtr& held : step.held) std::get<0>(ports).try_put(held);
              step.held.clear();
            }));
        flow::make_edge(*last, *gathers.back());
        last = &flow::output_port<0>(*gathers.back());
        continue;
      }
      const bool serial = step.mode == StageMode::serial_in_order;
      if (serial) last = in_order();
      nodes.push_back(std::make_unique<flow::function_node<BatchPtr, BatchPtr>>(
          graph, serial ? flow::serial : flow::unlimited, [this, &step](BatchPtr batch) {
            run_step(step, *batch);
            return batch;
          }));
      flow::make_edge(*last, *nodes.back());
      last = nodes.back().get();
    }
    last = in_order();
    flow::function_node<BatchPtr, flow::continue_msg> write(graph, flow::serial, [this](const BatchPtr& batch) {
      write_batch(*batch);
      return flow::continue_msg();
    });
    flow::make_edge(*last, write);
    flow::make_edge(write, limit.decrementer());
    read.activate();
    graph.wait_for_all();
  }

  // False when a gathering stage holds the batch.
  bool run_step(Step& step, Batch& batch) {
    Workers& workers = step.local();
    bool go_on = true;
    for (size_t i = 0; i < workers.size(); ++i) {
      clock_.measure(step.first_clock + i, batch.record_count, batch.input_bytes,
                     [&] { go_on = workers[i]->process(batch) && go_on; });
    }
    return go_on;
  }

  void write_batch(Batch& batch) {
    if (batch.end_of_run) return;
    clock_.measure(write_clock_, batch.record_count, batch.input_bytes, [&] {
      append(data_writer_, batch.kept);
      append(duplicate_writer_, batch.duplicates);
      append(reject_writer_, batch.rejects);
      append(filtered_writer_, batch.filtered);
    });
    ShardAccount& shard = shards_[batch.shard];
    shard.kept += batch.kept.records;
    shard.duplicates += batch.duplicates.records;
    shard.rejected += batch.rejects.records;
    shard.filtered += batch.filtered.records;
    kept_written_.fetch_add(batch.kept.records, std::memory_order_relaxed);
    duplicates_written_.fetch_add(batch.duplicates.records, std::memory_order_relaxed);
    rejects_written_.fetch_add(batch.rejects.records, std::memory_order_relaxed);
    filtered_written_.fetch_add(batch.filtered.records, std::memory_order_relaxed);
    bytes_written_.fetch_add(batch.input_bytes, std::memory_order_relaxed);
    compressed_done_.store(batch.compressed_done, std::memory_order_relaxed);
  }

  ProgressSnapshot progress_snapshot() const {
    ProgressSnapshot now;
    now.kept = kept_written_.load(std::memory_order_relaxed);
    now.duplicates = duplicates_written_.load(std::memory_order_relaxed);
    now.rejected = rejects_written_.load(std::memory_order_relaxed);
    now.filtered = filtered_written_.load(std::memory_order_relaxed);
    now.documents = now.kept + now.duplicates + now.filtered + now.rejected;
    now.input_bytes = bytes_written_.load(std::memory_order_relaxed);
    now.compressed_done = compressed_done_.load(std::memory_order_relaxed);
    return now;
  }

  static void append(ShardWriter& writer, const EncodedStream& stream) {
    if (stream.records > 0) writer.append(stream.frame, stream.json_bytes, stream.records);
  }

  RunOutput finish(double wall_seconds) {
    RunOutput output{StatsAccumulator(config_.stats), {}, {}, {}, {}, {}, {}, {}, {}, {}};
    output.data_files = data_writer_.finish();
    output.duplicate_files = duplicate_writer_.finish();
    output.reject_files = reject_writer_.finish();
    output.filtered_files = filtered_writer_.finish();
    StageResults results{StatsAccumulator(config_.stats), {}, {}, {}, {}};
    for (const Step& step : steps_) {
      step.for_each([&](const Workers& workers) {
        for (const auto& worker : workers) worker->collect(results);
      });
    }
    output.stats = std::move(results.stats);
    output.filter = std::move(results.filter);
    output.boilerplate = results.boilerplate;
    output.input_counts = source_.shard_counts();
    for (size_t i = 0; i < shards_.size(); ++i) {
      ShardAccount& shard = shards_[i];
      const ReaderCounts& counts = output.input_counts[i];
      shard.records = counts.records;
      shard.uncompressed_bytes = counts.uncompressed_bytes;
      shard.skipped_members = counts.skipped_members;
      shard.skipped_by_kind = counts.skipped_by_kind;
      shard.concatenated_archives = counts.concatenated_archives;
      shard.end_of_archive_missing = counts.end_of_archive_missing;
      if (shard.records != shard.kept + shard.duplicates + shard.filtered + shard.rejected) {
        output.accounting_errors.push_back(
            shard.path + ": read " + std::to_string(shard.records) + " records but kept " + std::to_string(shard.kept) +
            " + duplicates " + std::to_string(shard.duplicates) + " + filtered " + std::to_string(shard.filtered) +
            " + rejected " + std::to_string(shard.rejected));
      }
    }
    RunMetrics& metrics = output.metrics;
    metrics.wall_seconds = wall_seconds;
    metrics.threads = config_.threads;
    metrics.peak_rss_bytes = peak_rss_bytes();
    metrics.stages = clock_.timings();
    metrics.dedup = {results.dedup.decided,      results.dedup.kept_in_index,      results.dedup.near_in_index,
                     results.dedup.band_lookups, results.dedup.candidates_checked, results.dedup.index_bytes};
    metrics.ids = {results.ids.from_input, results.ids.derived, results.ids.repeated, results.ids.table_bytes,
                   results.ids.repeated_examples};
    if (config_.filter.enabled || config_.filter.boilerplate.enabled) {
      nlohmann::json filters = output.filter.to_json(config_.filter);
      filters["enabled"] = config_.filter.enabled;
      const BoilerplateCounts& counts = output.boilerplate;
      filters["boilerplate"]["enabled"] = config_.filter.boilerplate.enabled;
      filters["boilerplate"]["blocks"] = counts.blocks;
      filters["boilerplate"]["documents_counted"] = counts.documents_counted;
      filters["boilerplate"]["copies_skipped"] = counts.copies_skipped;
      filters["boilerplate"]["host_lines"] = counts.boilerplate_lines;
      filters["boilerplate"]["peak_table_bytes"] = counts.peak_table_bytes;
      metrics.filters_json = filters.dump();
    }
    metrics.shards = shards_;
    metrics.outputs = {account(output_layout::kData, output.data_files),
                       account(output_layout::kDuplicates, output.duplicate_files),
                       account(output_layout::kRejects, output.reject_files),
                       account(output_layout::kFiltered, output.filtered_files)};
    return output;
  }

  static OutputAccount account(std::string_view stream, const std::vector<ShardFile>& files) {
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
  std::vector<StageEntry> stages_;
  std::vector<Step> steps_;
  StageClock clock_;
  size_t write_clock_;
  ShardWriter data_writer_;
  ShardWriter duplicate_writer_;
  ShardWriter reject_writer_;
  ShardWriter filtered_writer_;
  std::vector<ShardAccount> shards_;
  std::atomic<uint64_t> kept_written_{0};
  std::atomic<uint64_t> duplicates_written_{0};
  std::atomic<uint64_t> rejects_written_{0};
  std::atomic<uint64_t> filtered_written_{0};
  std::atomic<uint64_t> bytes_written_{0};
  std::atomic<uint64_t> compressed_done_{0};
};

}  // namespace

RunOutput run_pipeline(const RunConfig& config, const std::vector<InputFile>& inputs) {
  if (config.threads <= 0) throw std::invalid_argument("run_pipeline: the config is not resolved (threads 0)");
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(config.threads));
  Pipeline pipeline(config, inputs);
  return pipeline.run();
}

}  // namespace corpusflow
