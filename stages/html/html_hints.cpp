#include "stages/html/html_hints.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace corpusflow::html {
namespace {

// Matched anywhere inside a lower-cased name, so that `relatedPosts`, `post-comments` and `sidebar2` match too.
constexpr auto kBoilerplateStems = std::to_array<std::string_view>({
    "advert",    "breadcrumb", "comment",    "consent",    "cookie",       "disqus",     "footer",   "gdpr",
    "masthead",  "navbar",     "navigation", "newsletter", "outbrain",     "pagination", "popup",    "promo",
    "recommend", "related",    "share",      "sharing",    "sidebar",      "signup",     "sponsor",  "subscri",
    "taboola",   "trending",   "most-read",  "mostread",   "most-popular", "skip-link",  "skiplink",
});
// Matched as a whole part of a name (parts are split at any character that is not a letter or digit), because
// as stems they would hit unrelated names (`nav` in `canvas`, `ad` in `header`).
constexpr auto kBoilerplateParts = std::to_array<std::string_view>({
    "ad",
    "ads",
    "adslot",
    "banner",
    "login",
    "menu",
    "modal",
    "nav",
    "overlay",
    "rss",
    "tools",
    "toolbar",
});
constexpr auto kMaybeBoilerplateParts = std::to_array<std::string_view>({
    "author",
    "bio",
    "byline",
    "caption",
    "credit",
    "date",
    "header",
    "info",
    "meta",
    "tag",
    "tags",
    "widget",
});
// `social` names both share and follow widgets (link lists, which link density removes anyway) and embedded
// posts (`social-media-embed`), which articles quote as part of their text.
constexpr auto kMaybeBoilerplateStems = std::to_array<std::string_view>({"social"});
constexpr auto kContentStems = std::to_array<std::string_view>({"article", "content", "story"});
constexpr auto kContentParts =
    std::to_array<std::string_view>({"body", "embed", "entry", "main", "post", "text", "prose"});
// Whole class names of text that only screen readers get.
constexpr auto kHiddenNames = std::to_array<std::string_view>({
    "element-invisible",
    "screen-reader-only",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
});
constexpr auto kBoilerplateRoles = std::to_array<std::string_view>({
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
});

constexpr size_t kMaxName = 64;

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

template <size_t N>
bool has_stem(const std::array<std::string_view, N>& stems, std::string_view name) {
  return std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) { return name.find(stem) != name.npos; });
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

uint8_t hints_of_name(std::string_view raw) {
  std::array<char, kMaxName> buffer;
  const size_t size = std::min(raw.size(), kMaxName);
  std::transform(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(size), buffer.begin(), ascii_lower);
  const std::string_view name(buffer.data(), size);
  if (contains(kHiddenNames, name)) return kHintHidden;
  uint8_t hints = kHintNone;
  if (has_stem(kBoilerplateStems, name)) hints |= kHintBoilerplate;
  if (has_stem(kMaybeBoilerplateStems, name)) hints |= kHintMaybeBoilerplate;
  if (has_stem(kContentStems, name)) hints |= kHintContent;
  size_t start = 0;
  while (start < name.size()) {
    while (start < name.size() && !is_ascii_alnum(name[start])) ++start;
    size_t end = start;
    while (end < name.size() && is_ascii_alnum(name[end])) ++end;
    const std::string_view part = name.substr(start, end - start);
    if (!part.empty()) {
      if (contains(kBoilerplateParts, part)) hints |= kHintBoilerplate;
      if (contains(kMaybeBoilerplateParts, part)) hints |= kHintMaybeBoilerplate;
      if (contains(kContentParts, part)) hints |= kHintContent;
    }
    start = end;
  }
  return hints;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// `display:none` or `visibility:hidden` anywhere in a style attribute, spaces and case ignored.
bool style_hides(std::string_view style) {
  std::array<char, 24> window{};
  size_t filled = 0;
  for (const char raw : style) {
    if (is_space(raw)) continue;
    if (filled == window.size()) {
      std::copy(window.begin() + 1, window.end(), window.begin());
      --filled;
    }
    window[filled++] = ascii_lower(raw);
    const std::string_view tail(window.data(), filled);
    if (tail.ends_with("display:none") || tail.ends_with("visibility:hidden")) return true;
  }
  return false;
}

}  // namespace

uint8_t hints_of_names(std::string_view names) {
  uint8_t hints = kHintNone;
  size_t start = 0;
  while (start < names.size()) {
    while (start < names.size() && is_space(names[start])) ++start;
    size_t end = start;
    while (end < names.size() && !is_space(names[end])) ++end;
    if (end > start) hints |= hints_of_name(names.substr(start, end - start));
    start = end;
  }
  return hints;
}

uint8_t hints_of(const ElementAttributes& attributes) {
  uint8_t hints = hints_of_names(attributes.class_names) | hints_of_names(attributes.id);
  if (attributes.hidden || attributes.aria_hidden || (!attributes.style.empty() && style_hides(attributes.style))) {
    hints |= kHintHidden;
  }
  const std::string_view role = trimmed(attributes.role);
  if (!role.empty()) {
    for (const std::string_view boilerplate : kBoilerplateRoles) {
      if (equals_ignoring_case(role, boilerplate)) hints |= kHintBoilerplate;
    }
    if (equals_ignoring_case(role, "main") || equals_ignoring_case(role, "article")) hints |= kHintContent;
  }
  const std::string_view itemprop = trimmed(attributes.itemprop);
  if (equals_ignoring_case(itemprop, "articleBody") || equals_ignoring_case(itemprop, "text")) hints |= kHintContent;
  return hints;
}

}  // namespace corpusflow::html
