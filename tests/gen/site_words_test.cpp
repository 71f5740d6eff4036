#include "engine/gen/site_words.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/gen/site_table.h"
#include "gen_test_support.h"

namespace corpusflow::gen {
namespace {

size_t family_named(const TextPool& pool, const std::string& name) {
  for (size_t f = 0; f < pool.family_count(); ++f) {
    if (pool.family_name(f) == name) return f;
  }
  ADD_FAILURE() << "no family " << name;
  return 0;
}

TEST(SiteWords, DetectsTheScriptOfEachFamily) {
  const TextPool& pool = testing::sample_pool();
  const std::map<std::string, Script> expected = {
      {"ant", Script::arabic},      {"ar", Script::arabic},        {"en", Script::latin},
      {"ru", Script::cyrillic},     {"el-monoton", Script::greek}, {"he", Script::hebrew},
      {"hi", Script::devanagari},   {"zh", Script::han},           {"zh-Hant", Script::han},
      {"ja", Script::japanese},     {"ko", Script::hangul},        {"th", Script::thai},
      {"ka", Script::other_spaced}, {"km", Script::other_unspaced}};
  for (const auto& [name, script] : expected) {
    EXPECT_EQ(to_string(detect_script(pool, family_named(pool, name))), std::string(to_string(script))) << name;
  }
}

TEST(SiteWords, TellsTheScriptOfAText) {
  EXPECT_EQ(text_script("Home | News | Sport"), Script::latin);
  EXPECT_EQ(text_script("الرئيسية | أخبار"), Script::arabic);
  EXPECT_EQ(text_script("世界人权宣言"), Script::han);
  EXPECT_EQ(text_script("すべての人間は、生まれながらにして自由"), Script::japanese);
  EXPECT_EQ(text_script("ꦥꦿꦚꦠꦤ꧀ꦲꦸꦩꦸꦩ꧀ꦔꦼꦤꦤꦶ"), Script::other_unspaced);  // Javanese: its vowel signs are marks
  EXPECT_FALSE(is_punctuation(0xA9B4));                             // ꦴ, a Javanese vowel sign
  EXPECT_TRUE(is_combining_mark(0xA9B4));
  EXPECT_TRUE(is_punctuation(0xA9D1));  // ꧑, a Javanese digit
  EXPECT_FALSE(is_punctuation(0x200D));
  EXPECT_TRUE(is_combining_mark(0x200D));  // the zero-width joiner is part of a word
}

TEST(SiteWords, CutsTextAtCharacterBoundaries) {
  EXPECT_EQ(strip_trailing_punctuation("Breaking news..."), "Breaking news");
  EXPECT_EQ(strip_trailing_punctuation("ماذا حدث؟ "), "ماذا حدث");
  EXPECT_EQ(strip_trailing_punctuation("人人生而自由。"), "人人生而自由");
  EXPECT_EQ(sentence_start("One two three four five.", Script::latin, 3), "One two three");
  EXPECT_EQ(sentence_start("One two.", Script::latin, 3), "One two");
  EXPECT_EQ(sentence_start("人人生而自由，在尊严和权利上一律平等。", Script::han, 3), "人人生而自由");
  // ที่ : the cut after two characters keeps the marks of the second one.
  EXPECT_EQ(sentence_start("ที่สุด", Script::thai, 1), "ที่");
  EXPECT_EQ(code_point_count("ñandú"), 5u);
}

TEST(SiteWords, FamilyWordsAreRealWordsWithoutPunctuation) {
  const TextPool& pool = testing::sample_pool();
  for (const char* name : {"ant", "en", "ru", "zh", "ja", "th", "ka", "km", "am"}) {
    const size_t family = family_named(pool, name);
    const Script script = detect_script(pool, family);
    Rng rng(derive_seed(3, family));
    for (int i = 0; i < 50; ++i) {
      const std::string word = family_word(pool, family, script, rng);
      ASSERT_FALSE(word.empty()) << name;
      EXPECT_GE(code_point_count(word), 2u) << name << ": " << word;
      size_t at = 0;
      while (at < word.size()) EXPECT_FALSE(is_punctuation(decode_code_point(word, at))) << name << ": " << word;
      bool found = false;
      for (size_t s = 0; s < pool.sentence_count(family) && !found; ++s) {
        found = pool.sentence(family, s).find(word) != std::string_view::npos;
      }
      EXPECT_TRUE(found) << name << ": " << word << " is in no sentence of the family";
    }
  }
}

std::vector<std::string> menu_items(const std::string& line) {
  std::vector<std::string> items;
  size_t start = 0;
  while (true) {
    size_t best = std::string::npos;
    size_t length = 0;
    for (const char* separator : {" | ", " · ", " / ", " • ", " - "}) {
      const size_t at = line.find(separator, start);
      if (at < best) {
        best = at;
        length = std::string_view(separator).size();
      }
    }
    items.push_back(line.substr(start, best == std::string::npos ? std::string::npos : best - start));
    if (best == std::string::npos) return items;
    start = best + length;
  }
}

// Menus and footers are what sites show: short navigation items and footer lines in the site's language, not
// article titles cut short.
TEST(SiteTable, MenusAndFootersLookLikeSiteFurniture) {
  const TextPool& pool = testing::sample_pool();
  const SiteTable sites(pool, 1000, 1);
  std::set<std::string_view> titles;
  Rng rng(5);
  for (size_t f = 0; f < pool.family_count(); ++f) {
    for (size_t i = 0; i < 20; ++i) titles.insert(pool.random_title(f, rng));
  }
  std::set<Script> scripts;
  size_t one_item_a_line = 0;
  for (size_t i = 0; i < sites.size(); ++i) {
    const Site& site = sites.site(i);
    scripts.insert(site.script);
    EXPECT_EQ(site.script, sites.family_script(site.family));
    ASSERT_GE(site.menus, 1u) << site.host;
    ASSERT_LT(site.menus, site.boilerplate.size()) << site.host << ": a site has 1-3 footers";
    EXPECT_LE(site.boilerplate.size() - site.menus, 3u) << site.host;
    const SiteVocabulary* words = vocabulary(site.script);
    if (words != nullptr) {
      EXPECT_TRUE(site.boilerplate[0].starts_with(words->home)) << site.host;
    }
    one_item_a_line += site.menus >= 5;
    for (size_t line = 0; line < site.boilerplate.size(); ++line) {
      const std::string& text = site.boilerplate[line];
      EXPECT_FALSE(titles.contains(text)) << site.host << ": " << text;
      if (line < site.menus) {
        const auto items = menu_items(text);
        EXPECT_LE(items.size(), 9u) << site.host << ": " << text;
        for (const std::string& item : items) {
          EXPECT_FALSE(item.empty()) << site.host << ": " << text;
          EXPECT_LE(code_point_count(item), 30u) << site.host << ": " << text;
        }
      } else {
        EXPECT_LE(code_point_count(text), 100u) << site.host << ": " << text;
        const bool copyright = text.find("©") != std::string::npos;
        const bool host = text.find(site.host) != std::string::npos;
        EXPECT_TRUE(!copyright || host) << "a copyright line names the site: " << site.host << ": " << text;
      }
    }
  }
  EXPECT_GE(scripts.size(), 10u) << "the sample's scripts each have sites";
  EXPECT_GT(one_item_a_line, 100u) << "some sites' menus are one item a line";
}

}  // namespace
}  // namespace corpusflow::gen
