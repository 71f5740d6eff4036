// Low-quality pages: originals of a known kind, modelled on what real crawls hold and what published quality
// filters (Gopher's quality and repetition rules, C4, FineWeb) remove, so that a quality filter can be
// measured for precision and recall against the truth. Each is made of its site's family: the pool's words
// and sentences, in the family's script (except placeholder text and code, which are Latin and ASCII on the
// web too).
#pragma once

#include <cstdint>

#include "engine/gen/page.h"
#include "engine/gen/rng.h"
#include "engine/gen/site_table.h"
#include "engine/gen/text_pool.h"

namespace corpusflow::gen {

enum class LowQuality {
  none,
  too_short,        // fewer than 50 words of real text, title lines included, and under 360 characters
                    // (unspaced scripts: a title of at most 16 characters, 6-30 characters of text)
  keyword_list,     // a tag cloud: 30-120 lines of 1-2 words, some with a count "(17)", no terminal punctuation
  navigation,       // a link list: 30-90 lines of section names and 2-4-word link texts, no terminal punctuation
  bullet_list,      // 30-80 lines that start with the page's bullet (•, -, *, ▪): over 90% of the lines
  ellipsis_lines,   // a teaser listing: 20-50 sentence starts that end in "..." or "…" (a few headlines between)
  symbol_heavy,     // hashtag spam: 8-30 lines of 6-15 #tags of the family's words, a few words of text before some
  repeated_lines,   // a scraper loop: 2-4 sentences repeated to 30-120 lines (after up to 3 other sentences)
  repeated_ngrams,  // spam: one phrase of 2-4 words (unspaced: 4-8 characters) repeated 40-200 times
  lorem_ipsum,      // placeholder text: "Lorem ipsum dolor sit amet, ..." and random lorem sentences (on Arabic
                    // sites, most first say the Arabic generator's placeholder)
  code,             // a page of CSS rules and JavaScript (with comments and strings in the family's language)
};
inline constexpr int kLowQualityKinds = 11;  // none included

const char* to_string(LowQuality kind);

// One of the ten kinds, each as likely.
LowQuality pick_low_quality(Rng& rng);

// The page of a low-quality original of `kind` (not none): site, date, title and URL drawn as build_page
// draws them, a body in the kind's shape, no boilerplate and no repeated copy, so that what the kind claims
// holds for the page's whole text (title lines included).
Page build_low_quality_page(const TextPool& pool, const SiteTable& sites, LowQuality kind, uint64_t seed);

}  // namespace corpusflow::gen
