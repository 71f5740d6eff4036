// Realistic documents for the stats tests: Arabic news hosts and titles (one IDN host), text in the
// document's language, several languages and scripts, dates over nine months, every outcome
// (exact/url/near duplicates pointing at earlier kept documents, rejects of several reasons) and
// normalize counts. Deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "engine/report/stats_json.h"

namespace corpusflow::testing {

inline std::vector<Document> make_documents(size_t count, uint64_t seed = 42) {
  static const char* const kHosts[] = {"www.skynewsarabia.com", "www.alarabiya.net", "www.france24.com",
                                       "www.bbc.com",           "arabic.cnn.com",    "أخبار.مصر",
                                       "<b>evil</b>.example"};
  static const char* const kTitles[] = {
      "ارتفاع أسعار النفط في الأسواق العالمية",    "الأمم المتحدة تدعو إلى وقف إطلاق النار في اليمن",
      "Élections : les résultats du premier tour", "Markets rally as oil prices rise",
      "<script>alert('x')</script> & \"quoted\"",  "مباراة الأهلي والزمالك: 3-1 في الدقيقة 90",
  };
  static constexpr RejectReason kReasons[] = {RejectReason::empty, RejectReason::not_utf8, RejectReason::too_large,
                                              RejectReason::io};
  // A line of text per language, repeated up to the document's `chars` bytes.
  auto text_of = [](const std::string& language, uint32_t bytes) {
    const char* line = language == "ar" ? "ارتفعت أسعار النفط اليوم في الأسواق العالمية بعد قرار أوبك.\n"
                       : language == "en" ? "Oil prices rose on world markets today after the OPEC decision.\n"
                       : language == "fr" ? "Les prix du pétrole ont augmenté aujourd'hui après la décision.\n"
                                          : "2018 · 12,345 · 67.8% · +0.5 · #1\n";
    std::string text;
    while (text.size() + std::char_traits<char>::length(line) <= bytes) text += line;
    return text;
  };
  uint64_t state = seed;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  std::vector<Document> documents;
  std::vector<DocumentId> kept;
  documents.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    Document doc;
    doc.id = {static_cast<uint32_t>(i / 500), i % 500};
    doc.source = "ant-0000" + std::to_string(i / 500) + ".tar.zst:" + std::to_string(i % 500) + ".txt";
    uint64_t pick = next();
    doc.host = (pick % 29 == 0) ? "" : kHosts[pick % 7];
    doc.header_missing = doc.host.empty();
    if (!doc.header_missing) {
      int month = 2 + static_cast<int>(next() % 9);
      doc.date =
          "2018-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-" + std::to_string(10 + next() % 18);
      doc.url = "https://" + doc.host + "/" + std::to_string(i);
    }
    doc.title = kTitles[next() % 6];
    uint64_t language = next() % 10;
    doc.language = language < 7 ? "ar" : language == 7 ? "en" : language == 8 ? "fr" : "und";
    doc.script = language < 7 ? "Arab" : language == 9 ? "Zyyy" : "Latn";
    doc.words = static_cast<uint32_t>(20 + next() % 900 + (next() % 7 == 0 ? next() % 5000 : 0));
    doc.chars = doc.words * 6 + static_cast<uint32_t>(next() % 50);
    doc.lines = 1 + doc.words / 35;
    doc.text = text_of(doc.language, doc.chars);
    doc.raw_bytes = doc.text.size() * 2 + 120;
    doc.normalize.utf8_repairs = next() % 40 == 0 ? 2 : 0;
    doc.normalize.controls_removed = static_cast<uint32_t>(next() % 3);
    doc.normalize.tatweel_removed = doc.script == "Arab" ? static_cast<uint32_t>(next() % 4) : 0;
    doc.normalize.lines_removed = next() % 4 == 0 ? static_cast<uint32_t>(doc.lines) : 0;
    doc.normalize.bytes_removed = doc.normalize.lines_removed * 80ull;

    uint64_t outcome = next() % 100;
    if (outcome < 6) {
      doc.text.clear();
      doc.words = doc.chars = doc.lines = 0;
      doc.language = "und";
      doc.script = "Zyyy";
      doc.reject(kReasons[next() % 4], "byte offset " + std::to_string(i * 4096));
    } else if (outcome < 30 && !kept.empty()) {
      doc.outcome = Outcome::duplicate;
      doc.duplicate_of = kept[next() % std::min<size_t>(kept.size(), 25)];
      uint64_t kind = next() % 3;
      doc.duplicate_kind = kind == 0 ? DuplicateKind::exact : kind == 1 ? DuplicateKind::url : DuplicateKind::near;
      doc.similarity = kind == 2 ? 0.75f + static_cast<float>(next() % 26) / 100.0f : 1.0f;
    } else {
      kept.push_back(doc.id);
    }
    documents.push_back(std::move(doc));
  }
  return documents;
}

// A whole stats.json: the documents above through one accumulator plus the run metrics of a
// three-shard run on two threads.
inline nlohmann::json sample_stats_json(size_t count = 3000) {
  StatsAccumulator stats;
  for (const auto& doc : make_documents(count)) stats.add(doc);
  RunMetrics run;
  run.wall_seconds = 4.2;
  run.threads = 2;
  run.peak_rss_bytes = 187'654'321;
  const char* names[] = {"read", "parse", "normalize", "fingerprint", "decide", "stats", "encode", "compress", "write"};
  double busy[] = {0.31, 0.52, 2.9, 1.1, 0.21, 0.02, 0.4, 1.7, 0.05};
  for (int s = 0; s < 9; ++s) run.stages.push_back({names[s], busy[s], count, count * 5200});
  for (int shard = 0; shard < 3; ++shard) {
    run.shards.push_back({"data/ant/ant-0000" + std::to_string(shard) + ".tar.zst", 620'000, 5'100'000, count / 3,
                          count / 4, count / 15, count / 60, 0});
  }
  run.outputs = {{"data", 1, count * 7 / 10, 9'800'000, 2'300'000},
                 {"duplicates", 1, count / 4, 60'000, 9'000},
                 {"rejects", 1, count / 20, 12'000, 2'000}};
  run.dedup.kept_in_index = count * 7 / 10;
  run.dedup.index_bytes = 1'200'000;
  return make_stats_json(stats, run);
}

}  // namespace corpusflow::testing
