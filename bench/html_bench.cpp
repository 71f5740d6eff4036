// HTML to text on the html-articles pages (88 real news and blog pages): MB/s of HTML per thread, for the main
// content (extract), all visible text (text), and the parse alone. The folder is CORPUSFLOW_HTML_ARTICLES or
// ../shared/data/html-articles relative to the working directory.
#include <cstdlib>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/html_pages.h"
#include "stages/html/html_blocks.h"
#include "stages/html/html_document.h"
#include "stages/html/html_text.h"

namespace corpusflow {
namespace {

const std::vector<bench::HtmlPage>& pages() {
  static const std::vector<bench::HtmlPage> loaded = [] {
    const char* folder = std::getenv("CORPUSFLOW_HTML_ARTICLES");
    return bench::load_html_pages(folder != nullptr ? folder : "../shared/data/html-articles");
  }();
  return loaded;
}

template <typename Body>
void over_pages(benchmark::State& state, Body&& body) {
  const auto& all = pages();
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const bench::HtmlPage& page : all) {
      body(page.html);
      bytes += page.html.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * all.size()));
}

void BM_HtmlExtract(benchmark::State& state) {
  HtmlExtractor extractor;
  HtmlText out;
  over_pages(state, [&](const std::string& html) {
    extractor.extract(html, HtmlMode::extract, out);
    benchmark::DoNotOptimize(out.text.data());
  });
}
BENCHMARK(BM_HtmlExtract);

void BM_HtmlText(benchmark::State& state) {
  HtmlExtractor extractor;
  HtmlText out;
  over_pages(state, [&](const std::string& html) {
    extractor.extract(html, HtmlMode::text, out);
    benchmark::DoNotOptimize(out.text.data());
  });
}
BENCHMARK(BM_HtmlText);

void BM_HtmlParseOnly(benchmark::State& state) {
  html::HtmlDocument document;
  over_pages(state, [&](const std::string& html) {
    html::parse_html(html, document);
    benchmark::DoNotOptimize(document.events.data());
  });
}
BENCHMARK(BM_HtmlParseOnly);

void BM_HtmlParseAndRender(benchmark::State& state) {
  html::HtmlDocument document;
  html::RenderedText rendered;
  over_pages(state, [&](const std::string& html) {
    html::parse_html(html, document);
    html::render_blocks(document, rendered);
    benchmark::DoNotOptimize(rendered.text.data());
  });
}
BENCHMARK(BM_HtmlParseAndRender);

}  // namespace
}  // namespace corpusflow

BENCHMARK_MAIN();
