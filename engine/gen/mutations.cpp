#include "engine/gen/mutations.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include <xxhash.h>

namespace corpusflow::gen {
namespace {

constexpr std::array<Mutation, 6> kAll = {Mutation::boilerplate_added, Mutation::paragraph_dropped,
                                          Mutation::paragraph_added,   Mutation::numbers_changed,
                                          Mutation::words_substituted, Mutation::diacritics_noise};

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool applicable(Mutation mutation, const Page& page) {
  switch (mutation) {
    case Mutation::paragraph_dropped:
    case Mutation::paragraph_added: return page.paragraphs.size() >= 4;
    case Mutation::numbers_changed:
      return has_digit(page.title) || std::any_of(page.paragraphs.begin(), page.paragraphs.end(), has_digit);
    default: return true;
  }
}

void add_boilerplate(Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng) {
  const Site& site = sites.site(page.site);
  const int lines = static_cast<int>(rng.between(1, 3));
  for (int i = 0; i < lines; ++i) {
    std::string line;
    if (!site.boilerplate.empty() && rng.chance(0.5)) {
      line = site.boilerplate[rng.below(site.boilerplate.size())];
    } else {
      // A link to another article of the site, in the site's language ("Read more: ", "اقرأ أيضا: ").
      const SiteVocabulary* words = vocabulary(site.script);
      line = words != nullptr ? std::string(words->read_more) : std::string("» ");
      line += pool.random_title(site.family, rng);
    }
    if (rng.chance(0.5)) {
      page.top.push_back(std::move(line));
    } else {
      page.bottom.push_back(std::move(line));
    }
  }
}

void change_numbers(Page& page, Rng& rng) {
  std::vector<std::string*> texts;
  if (has_digit(page.title)) texts.push_back(&page.title);
  for (std::string& paragraph : page.paragraphs) {
    if (has_digit(paragraph)) texts.push_back(&paragraph);
  }
  if (texts.empty()) return;  // an earlier mutation dropped the only paragraph with digits
  for (int changes = 0; changes < 3; ++changes) {
    std::string& text = *texts[rng.below(texts.size())];
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] >= '0' && text[i] <= '9' && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9')) starts.push_back(i);
    }
    if (starts.empty()) continue;
    for (size_t i = starts[rng.below(starts.size())]; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      text[i] = static_cast<char>('0' + (text[i] - '0' + 1 + static_cast<int>(rng.below(9))) % 10);
    }
  }
}

// Word boundaries (start, length) of a text, split on spaces.
std::vector<std::pair<size_t, size_t>> words_of(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    size_t end = start;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > start) words.emplace_back(start, end - start);
    start = end;
  }
  return words;
}

void substitute_words(Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng) {
  size_t total_words = 0;
  for (const std::string& paragraph : page.paragraphs) total_words += words_of(paragraph).size();
  const size_t substitutions = std::max<size_t>(1, total_words / 60);
  const size_t family = sites.site(page.site).family;
  for (size_t n = 0; n < substitutions; ++n) {
    std::string& paragraph = page.paragraphs[rng.below(page.paragraphs.size())];
    const auto words = words_of(paragraph);
    if (words.empty()) continue;
    const auto [at, length] = words[rng.below(words.size())];
    const std::string donor(pool.random_sentence(family, rng));
    const auto donor_words = words_of(donor);
    const auto [donor_at, donor_length] = donor_words[rng.below(donor_words.size())];
    paragraph.replace(at, length, donor, donor_at, donor_length);
  }
}

bool is_arabic_letter_lead(unsigned char c) { return c == 0xD8 || c == 0xD9; }

void add_diacritics(Page& page, Rng& rng) {
  static constexpr std::array<const char*, 6> kHarakat = {"\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B"};
  const int marks = static_cast<int>(rng.between(2, 8));
  for (int n = 0; n < marks; ++n) {
    std::string& paragraph = page.paragraphs[rng.below(page.paragraphs.size())];
    if (paragraph.empty()) continue;
    // A mark goes after a letter: find the first letter at or after a random byte.
    for (size_t i = rng.below(paragraph.size()); i < paragraph.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(paragraph[i]);
      if (is_arabic_letter_lead(c) && i + 1 < paragraph.size()) {
        paragraph.insert(i + 2, kHarakat[rng.below(kHarakat.size())]);
        break;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        paragraph.insert(i + 1, rng.chance(0.5) ? "\u0301" : "\u0308");
        break;
      }
      if (c >= 0xC2 && c < 0xF5) {  // another script: a combining acute after the character
        const size_t length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        paragraph.insert(std::min(i + length, paragraph.size()), "\u0301");
        break;
      }
    }
  }
}

void apply(Mutation mutation, Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng) {
  switch (mutation) {
    case Mutation::boilerplate_added: add_boilerplate(page, pool, sites, rng); break;
    case Mutation::paragraph_dropped:
      page.paragraphs.erase(page.paragraphs.begin() + static_cast<std::ptrdiff_t>(rng.below(page.paragraphs.size())));
      break;
    case Mutation::paragraph_added: {
      const auto at = static_cast<std::ptrdiff_t>(rng.below(page.paragraphs.size() + 1));
      page.paragraphs.insert(page.paragraphs.begin() + at, make_paragraph(pool, sites.site(page.site).family, rng));
      break;
    }
    case Mutation::numbers_changed: change_numbers(page, rng); break;
    case Mutation::words_substituted: substitute_words(page, pool, sites, rng); break;
    case Mutation::diacritics_noise: add_diacritics(page, rng); break;
  }
}

void add_shingles(std::string_view text, std::unordered_set<uint64_t>& shingles) {
  std::vector<std::string_view> words;
  size_t start = 0;
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (start < text.size()) {
    while (start < text.size() && space(text[start])) ++start;
    size_t end = start;
    while (end < text.size() && !space(text[end])) ++end;
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    // Hash the words, not the gaps, so whitespace changes do not matter.
    uint64_t hash = 0;
    for (size_t k = 0; k < 5; ++k) hash = XXH3_64bits_withSeed(words[i + k].data(), words[i + k].size(), hash);
    shingles.insert(hash);
  }
}

}  // namespace

const char* to_string(Mutation mutation) {
  switch (mutation) {
    case Mutation::boilerplate_added: return "boilerplate_added";
    case Mutation::paragraph_dropped: return "paragraph_dropped";
    case Mutation::paragraph_added: return "paragraph_added";
    case Mutation::numbers_changed: return "numbers_changed";
    case Mutation::words_substituted: return "words_substituted";
    case Mutation::diacritics_noise: return "diacritics_noise";
  }
  return "unknown";
}

std::vector<Mutation> mutate_page(Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng) {
  std::vector<Mutation> candidates;
  for (Mutation mutation : kAll) {
    if (applicable(mutation, page)) candidates.push_back(mutation);
  }
  const size_t wanted = std::min<size_t>(candidates.size(), static_cast<size_t>(rng.between(1, 3)));
  std::vector<Mutation> chosen;
  while (chosen.size() < wanted) {
    const size_t pick = rng.below(candidates.size());
    chosen.push_back(candidates[pick]);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  std::sort(chosen.begin(), chosen.end());
  std::vector<Mutation> applied;
  for (Mutation mutation : chosen) {
    if (!applicable(mutation, page)) continue;  // an earlier edit removed what it needed
    apply(mutation, page, pool, sites, rng);
    applied.push_back(mutation);
  }
  return applied;
}

void mutate_with(Mutation mutation, Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng) {
  if (applicable(mutation, page)) apply(mutation, page, pool, sites, rng);
}

double word_shingle_jaccard(std::string_view a, std::string_view b) {
  std::unordered_set<uint64_t> left;
  std::unordered_set<uint64_t> right;
  add_shingles(a, left);
  add_shingles(b, right);
  if (left.empty() && right.empty()) return 1.0;
  size_t common = 0;
  for (uint64_t hash : left) common += right.count(hash);
  return static_cast<double>(common) / static_cast<double>(left.size() + right.size() - common);
}

}  // namespace corpusflow::gen
