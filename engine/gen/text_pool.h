// TextPool: the real sentences and titles that generated pages are made of, grouped in families
// (one language or source each) so that a page reads as one language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/gen/rng.h"

namespace corpusflow::gen {

class TextPool {
 public:
  // Adds a source document: its body is split into lines, lines into sentences (after . ! ? ؟ । 。);
  // empty lines and sentences already in the pool are skipped. `title` may be empty.
  void add_document(std::string_view family, std::string_view title, std::string_view body);

  size_t family_count() const { return families_.size(); }
  const std::string& family_name(size_t family) const { return families_[family].name; }
  uint64_t family_bytes(size_t family) const { return families_[family].bytes; }
  size_t sentence_count(size_t family) const { return families_[family].sentences.size(); }
  size_t title_count(size_t family) const { return families_[family].titles.size(); }
  uint64_t total_bytes() const { return arena_.size(); }
  uint64_t total_sentences() const;
  bool empty() const { return families_.empty(); }

  std::string_view sentence(size_t family, size_t index) const { return view(families_[family].sentences[index]); }
  std::string_view random_sentence(size_t family, Rng& rng) const;
  // A title of the family; falls back to the first words of a sentence when it has none.
  std::string_view random_title(size_t family, Rng& rng) const;

  // Frees the set that detects repeated sentences while loading.
  void finish_loading();

 private:
  struct Span {
    uint64_t offset;
    uint32_t length;
  };
  struct Family {
    std::string name;
    std::vector<Span> sentences;
    std::vector<Span> titles;
    uint64_t bytes = 0;
  };

  size_t family_index(std::string_view name);
  bool add_span(std::string_view text, std::vector<Span>& to);
  std::string_view view(Span span) const { return std::string_view(arena_).substr(span.offset, span.length); }

  std::string arena_;
  std::vector<Family> families_;
  std::unordered_set<uint64_t> seen_;
};

// Splits a line into sentences; a fragment shorter than `min_bytes` joins the next one.
std::vector<std::string_view> split_sentences(std::string_view line, size_t min_bytes = 24);

// The longest prefix of at most `max_bytes` that does not cut a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace corpusflow::gen
