#include "engine/gen/page.h"

namespace corpusflow::gen {
namespace {

// Blank lines follow some paragraphs; derived from the paragraph so that edits keep the rest in place.
bool blank_after(const std::string& paragraph) {
  if (paragraph.empty()) return false;
  const uint64_t mix = (paragraph.size() * 0x9e3779b97f4a7c15ULL) ^ static_cast<unsigned char>(paragraph[0]);
  return ((mix >> 17) & 3) == 0;
}

}  // namespace

std::string make_paragraph(const TextPool& pool, size_t family, Rng& rng) {
  std::string paragraph;
  const uint64_t roll = rng.below(100);
  const int sentences = roll < 35 ? 1 : roll < 60 ? 2 : roll < 78 ? 3 : roll < 90 ? 4 : roll < 96 ? 5 : 6;
  for (int i = 0; i < sentences; ++i) {
    if (i > 0) paragraph += ' ';
    paragraph += pool.random_sentence(family, rng);
  }
  return paragraph;
}

std::string make_url(const Site& site, const std::string& date, const std::string& title, uint64_t number) {
  std::string url = site.scheme + "://" + site.host + "/" + site.section + "/";
  url += date.substr(0, 4);
  url += date.substr(5, 2);
  url += date.substr(8, 2);
  url += '/';
  int words = 0;
  bool pending_dash = false;
  for (size_t i = 0; i < title.size() && words < 8; ++i) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    const bool keep = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!keep) {
      pending_dash = !url.empty() && url.back() != '/';
      if (c == ' ') ++words;
      continue;
    }
    if (pending_dash) url += '-';
    pending_dash = false;
    url += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (url.back() != '/') url += '-';
  url += std::to_string(number) + ".html";
  return url;
}

Page build_page(const TextPool& pool, const SiteTable& sites, const PageShape& shape, uint64_t seed) {
  Rng rng(seed);
  Page page;
  page.site = sites.pick(rng);
  const Site& site = sites.site(page.site);
  page.date = format_day(rng.between(site.first_day, site.last_day));
  page.title = std::string(pool.random_title(site.family, rng));
  page.article_number = 1000000 + rng.below(9000000000ULL);
  page.url = make_url(site, page.date, page.title, page.article_number);
  {
    // One page in ten is a later page of its article (`?page=N`), from a stream of its own so that the
    // page's other draws are what they were without it.
    Rng query(seed ^ 0x7175657279ULL);
    if (query.chance(0.1)) page.url += "?page=" + std::to_string(query.between(1, 9));
  }
  page.header_indent = rng.chance(0.9);
  page.repeated = rng.chance(shape.repeat_probability);

  const double target = rng.pareto(shape.min_body_bytes, shape.body_alpha, shape.max_body_bytes);
  size_t body_bytes = 0;
  while (page.paragraphs.empty() || static_cast<double>(body_bytes) < target) {
    page.paragraphs.push_back(make_paragraph(pool, site.family, rng));
    body_bytes += page.paragraphs.back().size() + 1;
  }
  if (!site.boilerplate.empty() && rng.chance(shape.boilerplate_probability)) {
    // Menus first, footers last; a page shows a prefix of the menus and a suffix of the footers.
    const size_t split = site.menus;
    const size_t menus = static_cast<size_t>(rng.between(0, static_cast<int64_t>(split)));
    const size_t footers = static_cast<size_t>(rng.between(1, static_cast<int64_t>(site.boilerplate.size() - split)));
    page.top.assign(site.boilerplate.begin(), site.boilerplate.begin() + static_cast<std::ptrdiff_t>(menus));
    page.bottom.assign(site.boilerplate.end() - static_cast<std::ptrdiff_t>(footers), site.boilerplate.end());
  }
  return page;
}

void render_body(const Page& page, std::string& out) {
  out += page.title;
  bool blank_pending = false;
  const auto line = [&](const std::string& text) {
    out += blank_pending ? "\n\n" : "\n";
    out += text;
  };
  for (const std::string& text : page.top) line(text);
  for (const std::string& paragraph : page.paragraphs) {
    line(paragraph);
    blank_pending = blank_after(paragraph);
  }
  for (const std::string& text : page.bottom) line(text);
  if (!page.repeated) return;
  blank_pending = false;
  line(page.title);
  for (const std::string& text : page.top) line(text);
  for (const std::string& paragraph : page.paragraphs) line(paragraph);
  for (const std::string& text : page.bottom) line(text);
}

void render_scraped(const Page& page, bool with_header, std::string& out) {
  if (with_header) {
    if (page.header_indent) out += ' ';
    out += "date ";
    out += page.date;
    out += ' ';
    out += page.url;
    out += '\n';
  }
  out += page.title;
  out += '\n';
  render_body(page, out);
}

void append_json_escaped(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(text.data() + run, text.size() - run);
}

void render_json(const Page& page, const std::string& id, bool with_text, std::string& out) {
  out += "{\"id\":\"";
  append_json_escaped(id, out);
  out += "\",\"url\":\"";
  append_json_escaped(page.url, out);
  out += "\",\"date\":\"";
  out += page.date;
  out += "\",\"title\":\"";
  append_json_escaped(page.title, out);
  out += '"';
  if (with_text) {
    std::string body;
    render_body(page, body);
    out += ",\"text\":\"";
    append_json_escaped(body, out);
    out += '"';
  }
  out += '}';
}

}  // namespace corpusflow::gen
