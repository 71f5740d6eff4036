// SiteTable: the synthetic web sites pages come from. Each site writes in one text family, has its own
// boilerplate lines (menus, footers) shared by many of its pages, a URL style and an active date range.
// Sites are drawn with Zipf weights, so a few big sites hold most pages, as on the real web.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/gen/rng.h"
#include "engine/gen/site_words.h"
#include "engine/gen/text_pool.h"

namespace corpusflow::gen {

struct Site {
  std::string host;               // e.g. www.kavolina-7.net, or raw UTF-8 (www.bücher-11.de)
  std::string scheme;             // http or https
  std::string section;            // first path segment, e.g. "news"
  size_t family = 0;              // TextPool family its pages are written in
  Script script = Script::latin;  // the family's script: the language of its menus and footers
  // Navigation and footer lines shared by its pages: the first `menus` are menus (the main navigation, as
  // one line of items or one line per item; an account or social line), the others footers.
  std::vector<std::string> boilerplate;
  size_t menus = 0;
  int64_t first_day = 0;  // active date range, days since 1970-01-01
  int64_t last_day = 0;
};

class SiteTable {
 public:
  // `count` sites; families drawn in proportion to their text in the pool.
  SiteTable(const TextPool& pool, size_t count, uint64_t seed);

  size_t size() const { return sites_.size(); }
  const Site& site(size_t index) const { return sites_[index]; }
  size_t pick(Rng& rng) const { return popularity_(rng); }
  // The script of a family of the pool (detect_script), as its sites have it.
  Script family_script(size_t family) const { return family < scripts_.size() ? scripts_[family] : Script::latin; }

 private:
  std::vector<Site> sites_;
  std::vector<Script> scripts_;
  WeightedChoice popularity_;
};

// Whether site `index` has an internationalized host (raw UTF-8: German umlauts or Arabic): one site in ten,
// the second most popular among them.
bool is_idn_site(size_t index);

// "YYYY-MM-DD" of a day number (days since 1970-01-01).
std::string format_day(int64_t days);
// Day number of a civil date.
int64_t day_number(int year, unsigned month, unsigned day);

}  // namespace corpusflow::gen
