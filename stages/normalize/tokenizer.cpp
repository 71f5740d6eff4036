#include "stages/normalize/tokenizer.h"

#include <bit>
#include <bitset>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace corpusflow {
namespace {

constexpr UScriptCode kCharacterScripts[] = {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_THAI,
                                             USCRIPT_LAO, USCRIPT_KHMER,    USCRIPT_MYANMAR};

bool compute_is_character_token(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &error);
  if (U_FAILURE(error)) return false;
  const bool shared = script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
  for (UScriptCode candidate : kCharacterScripts) {
    if (script == candidate) return true;
    if (shared && uscript_hasScript(c, candidate)) return true;
  }
  return false;
}

// The BMP answer as a bit set: scripts written without spaces live at U+0E00 and above.
class CharacterTokenTable {
 public:
  CharacterTokenTable() {
    for (UChar32 c = 0; c < 0x10000; ++c) bits_[static_cast<size_t>(c)] = compute_is_character_token(c);
  }
  bool operator[](UChar32 c) const { return bits_[static_cast<size_t>(c)]; }

 private:
  std::bitset<0x10000> bits_;
};

const CharacterTokenTable& table() {
  static const std::unique_ptr<CharacterTokenTable> instance = std::make_unique<CharacterTokenTable>();
  return *instance;
}

bool lookup(UChar32 c) {
  if (c < 0x0E00) return false;
  if (c < 0x10000) return table()[c];
  return compute_is_character_token(c);
}

// Calls emit(begin, end) for each token of `text`, one character at a time: the reference.
template <typename Emit>
void for_each_token_reference(std::string_view text, Emit&& emit) {
  const char* data = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t word_start = -1;
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte == ' ') {
      if (word_start >= 0) emit(word_start, start);
      word_start = -1;
      ++i;
      continue;
    }
    if (byte < 0xE0) {  // ASCII or a two-byte sequence: never a character-token script
      i += byte < 0x80 ? 1 : 2;
      if (i > n) i = n;
      if (word_start < 0) word_start = start;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c >= 0 && lookup(c)) {
      if (word_start >= 0) emit(word_start, start);
      word_start = -1;
      emit(start, i);
      continue;
    }
    if (word_start < 0) word_start = start;
  }
  if (word_start >= 0) emit(word_start, n);
}

bool has_three_byte_lead(const char* data, size_t size) {
  unsigned char high = 0;
  for (size_t i = 0; i < size; ++i) high |= static_cast<unsigned char>(static_cast<unsigned char>(data[i]) >= 0xE0);
  return high != 0;
}

// Text without a character of three or more bytes (the only ones that can be character tokens): the tokens
// are the runs between spaces, found 16 bytes at a time (SSE2).
template <typename Emit>
void for_each_word(std::string_view text, Emit&& emit) {
  const char* data = text.data();
  const size_t n = text.size();
  size_t begin = 0;
  size_t at = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (; at + 16 <= n; at += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    for (auto spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, space))); spaces != 0;
         spaces &= spaces - 1) {
      const size_t end = at + static_cast<size_t>(std::countr_zero(spaces));
      if (end > begin) emit(static_cast<int32_t>(begin), static_cast<int32_t>(end));
      begin = end + 1;
    }
  }
#endif
  for (; at < n; ++at) {
    if (data[at] != ' ') continue;
    if (at > begin) emit(static_cast<int32_t>(begin), static_cast<int32_t>(at));
    begin = at + 1;
  }
  if (n > begin) emit(static_cast<int32_t>(begin), static_cast<int32_t>(n));
}

// The same tokens for any text: words as above, and a run between spaces that holds a character of three or
// more bytes read character by character.
template <typename Emit>
void for_each_token(std::string_view text, Emit&& emit) {
  if (!has_three_byte_lead(text.data(), text.size())) {
    for_each_word(text, emit);
    return;
  }
  const char* data = text.data();
  const size_t n = text.size();
  size_t begin = 0;
  while (begin < n) {
    const auto* space = static_cast<const char*>(std::memchr(data + begin, ' ', n - begin));
    const size_t end = space == nullptr ? n : static_cast<size_t>(space - data);
    if (end > begin) {
      if (!has_three_byte_lead(data + begin, end - begin)) {
        emit(static_cast<int32_t>(begin), static_cast<int32_t>(end));
      } else {
        for_each_token_reference(text.substr(begin, end - begin), [&](int32_t token_begin, int32_t token_end) {
          emit(static_cast<int32_t>(begin) + token_begin, static_cast<int32_t>(begin) + token_end);
        });
      }
    }
    begin = end + 1;
  }
}

}  // namespace

bool is_character_token(char32_t c) { return lookup(static_cast<UChar32>(c)); }

void tokenize(std::string_view fingerprint_text, std::vector<std::string_view>& tokens) {
  tokens.clear();
  for_each_token(fingerprint_text, [&](int32_t begin, int32_t end) {
    tokens.emplace_back(fingerprint_text.data() + begin, static_cast<size_t>(end - begin));
  });
}

void tokenize_reference(std::string_view fingerprint_text, std::vector<std::string_view>& tokens) {
  tokens.clear();
  for_each_token_reference(fingerprint_text, [&](int32_t begin, int32_t end) {
    tokens.emplace_back(fingerprint_text.data() + begin, static_cast<size_t>(end - begin));
  });
}

size_t count_tokens(std::string_view fingerprint_text) {
  // Without a byte of a three- or four-byte sequence no character can be a token of its own, so the tokens
  // are the maximal runs of non-spaces: count their first bytes in one branch-free pass.
  const auto* bytes = reinterpret_cast<const unsigned char*>(fingerprint_text.data());
  const size_t n = fingerprint_text.size();
  if (n == 0) return 0;
  size_t starts = bytes[0] != ' ';
  unsigned char high = bytes[0] >= 0xE0;
  for (size_t i = 1; i < n; ++i) {
    starts += static_cast<size_t>((bytes[i] != ' ') & (bytes[i - 1] == ' '));
    high |= static_cast<unsigned char>(bytes[i] >= 0xE0);
  }
  if (high == 0) return starts;
  size_t count = 0;
  for_each_token(fingerprint_text, [&](int32_t, int32_t) { ++count; });
  return count;
}

}  // namespace corpusflow
