#include "engine/gen/site_table.h"

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
constexpr std::array<const char*, 8> kFooters = {
    "© {year} {host}. All rights reserved.", "Follow {host} on social media",
    "Subscribe to the {host} newsletter",    "{host} | Privacy policy | Terms of use",
    "جميع الحقوق محفوظة © {host} {year}",    "تابعونا على {host}",
    "Все права защищены © {host}",           "Copyright {year} {host}"};

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

    const std::string year = format_day(site.last_day).substr(0, 4);
    const int menu_lines = static_cast<int>(rng.between(1, 3));
    for (int line = 0; line < menu_lines && !pool.empty(); ++line) {
      std::string menu;
      const int items = static_cast<int>(rng.between(3, 6));
      for (int item = 0; item < items; ++item) {
        if (item > 0) menu += " | ";
        std::string_view title = pool.random_title(site.family, rng);
        menu += utf8_prefix(title, 40);
      }
      site.boilerplate.push_back(std::move(menu));
    }
    const int footer_lines = static_cast<int>(rng.between(1, 3));
    for (int line = 0; line < footer_lines; ++line) {
      std::string footer = kFooters[rng.below(kFooters.size())];
      site.boilerplate.push_back(replace_all(replace_all(footer, "{host}", site.host), "{year}", year));
    }
    sites_.push_back(std::move(site));
  }
  popularity_ = WeightedChoice::zipf(sites_.size(), 1.0);
}

}  // namespace corpusflow::gen
