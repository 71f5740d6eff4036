#include "engine/gen/site_table.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace corpusflow::gen {
namespace {

constexpr std::array<const char*, 16> kConsonants = {"b", "d", "f", "g", "k", "l", "m",  "n",
                                                     "p", "r", "s", "t", "v", "z", "sh", "kh"};
constexpr std::array<const char*, 5> kVowels = {"a", "e", "i", "o", "u"};
constexpr std::array<const char*, 12> kTlds = {"com",   "net", "org", "ae", "eg",   "sa",
                                               "co.uk", "de",  "fr",  "ru", "info", "news"};
constexpr std::array<const char*, 10> kSections = {"news",    "ar",      "world", "politics", "sport",
                                                   "economy", "culture", "tech",  "opinion",  "local"};
// How a site separates the items of a menu line.
constexpr std::array<const char*, 7> kMenuSeparators = {" | ", " | ", " | ", " · ", " / ", " • ", " - "};

// Internationalized hosts (one site in ten): German words with umlauts and Arabic words, raw UTF-8 in NFC,
// valid IDNA labels once the site's number is appended (an Arabic label ends in digits: the bidi rule holds).
constexpr std::array<const char*, 8> kGermanWords = {"bücher", "grün",    "müller", "köln",
                                                     "schön",  "münchen", "zürich", "fähre"};
constexpr std::array<const char*, 5> kArabicWords = {"أخبار", "الوطن", "صحيفة", "اليوم", "الشرق"};

std::string replace_all(std::string text, const std::string& key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

std::string make_name(Rng& rng, size_t index) {
  std::string name;
  const int syllables = static_cast<int>(rng.between(2, 4));
  for (int i = 0; i < syllables; ++i) {
    name += kConsonants[rng.below(kConsonants.size())];
    name += kVowels[rng.below(kVowels.size())];
  }
  name.push_back('-');
  name.append(std::to_string(index));  // keeps hosts distinct
  return name;
}

std::string make_idn_name(Rng& rng, size_t index) {
  std::string name =
      rng.chance(0.5) ? kGermanWords[rng.below(kGermanWords.size())] : kArabicWords[rng.below(kArabicWords.size())];
  name.push_back('-');
  name.append(std::to_string(index));
  return name;
}

// `count` distinct items: from the vocabulary's list, or words of the family when there is none.
std::vector<std::string> pick_items(std::span<const std::string_view> list, const TextPool& pool, const Site& site,
                                    size_t count, Rng& rng) {
  std::vector<std::string> items;
  for (int attempt = 0; items.size() < count && attempt < static_cast<int>(4 * count); ++attempt) {
    std::string item =
        list.empty() ? family_word(pool, site.family, site.script, rng) : std::string(list[rng.below(list.size())]);
    if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
  }
  return items;
}

std::string join_items(const std::vector<std::string>& items, const char* separator) {
  std::string line;
  for (const std::string& item : items) {
    if (!line.empty()) line += separator;
    line += item;
  }
  return line;
}

// The site's menus and footers, in its family's script: a main navigation (home and 4-8 sections, joined
// by the site's separator or one item per line, as scrapers flatten a <ul>), sometimes an account line and
// a social line; then 1-3 footers (copyright, legal links, newsletter, social).
void add_furniture(Site& site, const TextPool& pool, Rng& rng) {
  const SiteVocabulary* words = vocabulary(site.script);
  const char* separator = kMenuSeparators[rng.below(kMenuSeparators.size())];
  std::vector<std::string> navigation;
  std::string home = words != nullptr ? std::string(words->home) : family_word(pool, site.family, site.script, rng);
  if (!home.empty()) navigation.push_back(std::move(home));
  const size_t sections = static_cast<size_t>(rng.between(4, 8));
  for (std::string& item : pick_items(words != nullptr ? words->sections : std::span<const std::string_view>(), pool,
                                      site, sections, rng)) {
    if (std::find(navigation.begin(), navigation.end(), item) == navigation.end())
      navigation.push_back(std::move(item));
  }
  if (rng.chance(0.25)) {
    site.boilerplate.insert(site.boilerplate.end(), navigation.begin(), navigation.end());
  } else if (navigation.size() >= 2) {
    site.boilerplate.push_back(join_items(navigation, separator));
  }
  if (words != nullptr && rng.chance(0.4)) {
    site.boilerplate.push_back(
        join_items(pick_items(words->account, pool, site, static_cast<size_t>(rng.between(2, 4)), rng), separator));
  }
  if (rng.chance(0.25)) {
    site.boilerplate.push_back(
        join_items(pick_items(social_networks(), pool, site, static_cast<size_t>(rng.between(3, 5)), rng), separator));
  }
  site.menus = site.boilerplate.size();

  std::vector<std::string_view> templates(universal_footers().begin(), universal_footers().end());
  if (words != nullptr) {
    // A site in a script with a vocabulary says most of its footers in its language.
    templates.insert(templates.end(), words->footers.begin(), words->footers.end());
    templates.insert(templates.end(), words->footers.begin(), words->footers.end());
  }
  const std::string since = format_day(site.first_day).substr(0, 4);
  const std::string year = format_day(site.last_day).substr(0, 4);
  const size_t footers = static_cast<size_t>(rng.between(1, 3));
  std::vector<std::string> lines;
  for (int attempt = 0; lines.size() < footers && attempt < 12; ++attempt) {
    std::string line = std::string(templates[rng.below(templates.size())]);
    line = replace_all(replace_all(replace_all(line, "{host}", site.host), "{year}", year), "{since}", since);
    if (since == year) line = replace_all(replace_all(line, year + "-" + year, year), year + "–" + year, year);
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
  }
  site.boilerplate.insert(site.boilerplate.end(), lines.begin(), lines.end());
}

}  // namespace

bool is_idn_site(size_t index) { return index % 10 == 1; }

int64_t day_number(int year, unsigned month, unsigned day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string format_day(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t year = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(year + (month <= 2)), month, day);
  return buffer;
}

SiteTable::SiteTable(const TextPool& pool, size_t count, uint64_t seed) {
  Rng rng(derive_seed(seed, 0x5173));
  std::vector<double> family_weights(pool.family_count());
  for (size_t f = 0; f < pool.family_count(); ++f) family_weights[f] = static_cast<double>(pool.family_bytes(f));
  const WeightedChoice families(family_weights);
  for (size_t f = 0; f < pool.family_count(); ++f) scripts_.push_back(detect_script(pool, f));

  const int64_t earliest = day_number(2005, 1, 1);
  const int64_t latest = day_number(2025, 10, 31);
  sites_.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    Site site;
    if (rng.chance(0.7)) site.host = "www.";
    std::string name = make_name(rng, i);
    if (is_idn_site(i)) {
      // From a stream of its own, so that every other draw of the table is what it was without IDN hosts.
      Rng idn(derive_seed(seed, 0x49444e0000ULL + i));
      name = make_idn_name(idn, i);
    }
    site.host.append(name);
    site.host.push_back('.');
    site.host.append(kTlds[rng.below(kTlds.size())]);
    site.scheme = rng.chance(0.6) ? "https" : "http";
    site.section = kSections[rng.below(kSections.size())];
    site.family = pool.empty() ? 0 : families(rng);
    // More sites started recently: the start day is skewed towards the end of the range.
    const double start = 1.0 - rng.unit() * rng.unit();
    site.first_day = earliest + static_cast<int64_t>(start * 0.9 * static_cast<double>(latest - earliest));
    site.last_day = site.first_day + static_cast<int64_t>(rng.between(90, 4000));
    if (site.last_day > latest) site.last_day = latest;

    site.script = pool.empty() ? Script::latin : scripts_[site.family];
    if (!pool.empty()) {
      // From a stream of its own, so that the menus and footers can change without moving the rest.
      Rng furniture(derive_seed(seed, 0x424f494c0000ULL + i));
      add_furniture(site, pool, furniture);
    }
    sites_.push_back(std::move(site));
  }
  popularity_ = WeightedChoice::zipf(sites_.size(), 1.0);
}

}  // namespace corpusflow::gen
