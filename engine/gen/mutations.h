// Near-copy mutations: the edits that turn a page into a near duplicate of itself, as re-crawls,
// syndication and templates do on the web.
#pragma once

#include <string>
#include <vector>

#include "engine/gen/page.h"

namespace corpusflow::gen {

enum class Mutation {
  boilerplate_added,  // 1-3 lines of other boilerplate (site menus, "read more" lines) added
  paragraph_dropped,  // one paragraph removed (pages of 4+ paragraphs)
  paragraph_added,    // one new paragraph inserted (pages of 4+ paragraphs)
  numbers_changed,    // up to 3 digit runs replaced by other digits
  words_substituted,  // about one word in 60 replaced by a word from another sentence
  diacritics_noise,   // combining marks (Arabic harakat, Latin accents) added to a few words
};

const char* to_string(Mutation mutation);

// Applies 1-3 distinct mutations to `page` and returns the ones applied, in a fixed order. The caller
// checks that the page changed (a substitution can pick the same word): see CorpusGenerator.
std::vector<Mutation> mutate_page(Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng);

// Applies one mutation (when it does not apply to the page, e.g. a drop from a short page, nothing).
void mutate_with(Mutation mutation, Page& page, const TextPool& pool, const SiteTable& sites, Rng& rng);

// Jaccard similarity of the sets of 5-word shingles of two texts (words split on ASCII whitespace);
// 1 when both have no shingle.
double word_shingle_jaccard(std::string_view a, std::string_view b);

}  // namespace corpusflow::gen
