#include "engine/gen/text_pool.h"

#include <xxhash.h>

namespace corpusflow::gen {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Length of the sentence terminator starting at `i`, or 0.
size_t terminator_length(std::string_view line, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(line[k]); };
  const char c = line[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (i + 1 < line.size() && byte(i) == 0xD8 && byte(i + 1) == 0x9F) return 2;                         // ؟
  if (i + 2 < line.size() && byte(i) == 0xE0 && byte(i + 1) == 0xA5 && byte(i + 2) == 0xA4) return 3;  // ।
  if (i + 2 < line.size() && byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x82) return 3;  // 。
  return 0;
}

}  // namespace

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::vector<std::string_view> split_sentences(std::string_view line, size_t min_bytes) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const size_t length = terminator_length(line, i);
    if (length == 0) continue;
    size_t end = i + length;
    const bool ideographic = length == 3 && static_cast<unsigned char>(line[i]) == 0xE3;
    if (!ideographic && end < line.size() && line[end] != ' ') continue;
    if (end - start >= min_bytes) {
      const std::string_view sentence = trim(line.substr(start, end - start));
      if (!sentence.empty()) sentences.push_back(sentence);
      start = end;
    }
    i = end - 1;
  }
  const std::string_view rest = trim(line.substr(start));
  if (!rest.empty()) {
    if (rest.size() < min_bytes && !sentences.empty()) {
      const std::string_view last = sentences.back();
      sentences.back() = std::string_view(last.data(), static_cast<size_t>(rest.data() + rest.size() - last.data()));
    } else {
      sentences.push_back(rest);
    }
  }
  return sentences;
}

size_t TextPool::family_index(std::string_view name) {
  for (size_t i = 0; i < families_.size(); ++i) {
    if (families_[i].name == name) return i;
  }
  families_.push_back(Family{std::string(name), {}, {}, 0});
  return families_.size() - 1;
}

bool TextPool::add_span(std::string_view text, std::vector<Span>& to) {
  if (text.empty() || text.size() > UINT32_MAX) return false;
  if (!seen_.insert(XXH3_64bits(text.data(), text.size())).second) return false;
  to.push_back(Span{arena_.size(), static_cast<uint32_t>(text.size())});
  arena_.append(text);
  return true;
}

void TextPool::add_document(std::string_view family_name, std::string_view title, std::string_view body) {
  const size_t index = family_index(family_name);
  const std::string_view clean_title = trim(title);
  if (clean_title.size() >= 8 && clean_title.size() <= 200) {
    add_span(clean_title, families_[index].titles);
  }
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = trim(body.substr(start, end - start));
    if (!line.empty() && line != clean_title) {
      for (const std::string_view sentence : split_sentences(line)) {
        if (add_span(sentence, families_[index].sentences)) families_[index].bytes += sentence.size();
      }
    }
    start = end + 1;
  }
  if (families_[index].sentences.empty() && families_[index].titles.empty())
    families_.erase(families_.begin() + static_cast<std::ptrdiff_t>(index));
}

void TextPool::finish_loading() {
  std::unordered_set<uint64_t>().swap(seen_);
  for (size_t i = families_.size(); i-- > 0;) {
    if (families_[i].sentences.empty()) families_.erase(families_.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

uint64_t TextPool::total_sentences() const {
  uint64_t total = 0;
  for (const Family& family : families_) total += family.sentences.size();
  return total;
}

std::string_view TextPool::random_sentence(size_t family, Rng& rng) const {
  const auto& sentences = families_[family].sentences;
  return view(sentences[rng.below(sentences.size())]);
}

std::string_view TextPool::random_title(size_t family, Rng& rng) const {
  const Family& f = families_[family];
  if (!f.titles.empty()) return view(f.titles[rng.below(f.titles.size())]);
  std::string_view sentence = view(f.sentences[rng.below(f.sentences.size())]);
  size_t cut = 0;
  int words = 0;
  while (cut < sentence.size() && words < 8) {
    const size_t space = sentence.find(' ', cut);
    if (space == std::string_view::npos) return utf8_prefix(sentence, 120);
    cut = space + 1;
    ++words;
  }
  return trim(sentence.substr(0, cut));
}

}  // namespace corpusflow::gen
