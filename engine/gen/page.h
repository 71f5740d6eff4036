// Page: one synthetic scraped page, built from a seed alone (so a copy can rebuild its original without
// keeping it in memory), and rendered in the seed's scraped layout or as a JSON line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/gen/site_table.h"
#include "engine/gen/text_pool.h"

namespace corpusflow::gen {

// Shape of generated pages.
struct PageShape {
  double min_body_bytes = 800;           // Pareto scale of the body length (before the repeated copy)
  double body_alpha = 1.3;               // Pareto shape: smaller is heavier-tailed
  double max_body_bytes = 600000;        // cap: the few giant pages
  double repeat_probability = 0.75;      // the scraper's artifact: title and whole body once more
  double boilerplate_probability = 0.8;  // a page carries its site's menu and footer lines
};

struct Page {
  std::string url;
  std::string date;  // YYYY-MM-DD
  std::string title;
  std::vector<std::string> top;  // boilerplate lines before the body
  std::vector<std::string> paragraphs;
  std::vector<std::string> bottom;  // boilerplate lines after the body
  bool header_indent = true;        // the header line starts with a space, as in the seed
  bool repeated = false;            // title and body repeated once, without blank lines
  size_t site = 0;
  uint64_t article_number = 0;  // the number at the end of the URL
};

// Builds the page of `seed`: same seed, same page. One page in ten has `?page=N` (1-9) after its URL.
Page build_page(const TextPool& pool, const SiteTable& sites, const PageShape& shape, uint64_t seed);

// A paragraph of 1-6 sentences of `family`.
std::string make_paragraph(const TextPool& pool, size_t family, Rng& rng);

// URL of an article: scheme://host/section/YYYY/MM/DD/<slug of title>-<number>.html (raw non-ASCII).
std::string make_url(const Site& site, const std::string& date, const std::string& title, uint64_t number);

// The seed's layout: ` date YYYY-MM-DD URL\nTITLE\nTITLE\nPARA\n...`, no final newline.
// Without header: the same lines without the first one.
void render_scraped(const Page& page, bool with_header, std::string& out);

// The body as the scraped layout has it after the first title line (second title, paragraphs, repeat).
void render_body(const Page& page, std::string& out);

// One JSON object (no newline): {"id","url","date","title","text"}; `with_text` false drops "text".
void render_json(const Page& page, const std::string& id, bool with_text, std::string& out);

// Appends `text` as a JSON string body (no quotes); bytes >= 0x80 are copied as they are.
void append_json_escaped(std::string_view text, std::string& out);

}  // namespace corpusflow::gen
