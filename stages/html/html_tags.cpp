#include "stages/html/html_tags.h"

#include <algorithm>
#include <array>
#include <utility>

namespace corpusflow::html {
namespace {

using Entry = std::pair<std::string_view, Tag>;

// Sorted by name for binary search.
constexpr auto kTags = std::to_array<Entry>({
    {"a", Tag::a},
    {"address", Tag::address},
    {"applet", Tag::skipped},
    {"area", Tag::skipped},
    {"article", Tag::article},
    {"aside", Tag::aside},
    {"audio", Tag::skipped},
    {"blockquote", Tag::blockquote},
    {"body", Tag::body},
    {"br", Tag::br},
    {"button", Tag::skipped},
    {"canvas", Tag::skipped},
    {"caption", Tag::caption},
    {"center", Tag::block},
    {"datalist", Tag::skipped},
    {"dd", Tag::dd},
    {"details", Tag::details},
    {"dialog", Tag::dialog},
    {"dir", Tag::ul},
    {"div", Tag::div},
    {"dl", Tag::dl},
    {"dt", Tag::dt},
    {"embed", Tag::skipped},
    {"fieldset", Tag::block},
    {"figcaption", Tag::figcaption},
    {"figure", Tag::figure},
    {"footer", Tag::footer},
    {"form", Tag::form},
    {"frameset", Tag::skipped},
    {"h1", Tag::h1},
    {"h2", Tag::h2},
    {"h3", Tag::h3},
    {"h4", Tag::h4},
    {"h5", Tag::h5},
    {"h6", Tag::h6},
    {"head", Tag::head},
    {"header", Tag::header},
    {"hgroup", Tag::block},
    {"hr", Tag::hr},
    {"html", Tag::html},
    {"iframe", Tag::skipped},
    {"img", Tag::skipped},
    {"input", Tag::skipped},
    {"legend", Tag::block},
    {"li", Tag::li},
    {"link", Tag::skipped},
    {"listing", Tag::pre},
    {"main", Tag::main},
    {"map", Tag::skipped},
    {"math", Tag::skipped},
    {"menu", Tag::menu},
    {"meta", Tag::meta},
    {"nav", Tag::nav},
    {"noembed", Tag::skipped},
    {"noframes", Tag::skipped},
    {"noscript", Tag::skipped},
    {"object", Tag::skipped},
    {"ol", Tag::ol},
    {"optgroup", Tag::skipped},
    {"option", Tag::skipped},
    {"p", Tag::p},
    {"param", Tag::skipped},
    {"picture", Tag::skipped},
    {"plaintext", Tag::pre},
    {"pre", Tag::pre},
    {"script", Tag::skipped},
    {"section", Tag::section},
    {"select", Tag::skipped},
    {"source", Tag::skipped},
    {"style", Tag::skipped},
    {"summary", Tag::summary},
    {"svg", Tag::skipped},
    {"table", Tag::table},
    {"tbody", Tag::block},
    {"td", Tag::td},
    {"template", Tag::skipped},
    {"textarea", Tag::skipped},
    {"tfoot", Tag::block},
    {"th", Tag::th},
    {"thead", Tag::block},
    {"title", Tag::title},
    {"tr", Tag::tr},
    {"track", Tag::skipped},
    {"ul", Tag::ul},
    {"video", Tag::skipped},
    {"xmp", Tag::pre},
});

static_assert(std::is_sorted(kTags.begin(), kTags.end(),
                             [](const Entry& a, const Entry& b) { return a.first < b.first; }));

}  // namespace

Tag tag_from_name(std::string_view lower_case_name) {
  const auto found = std::lower_bound(kTags.begin(), kTags.end(), lower_case_name,
                                      [](const Entry& entry, std::string_view name) { return entry.first < name; });
  return found != kTags.end() && found->first == lower_case_name ? found->second : Tag::other;
}

Break break_of(Tag tag) {
  switch (tag) {
    case Tag::other:
    case Tag::a:
    case Tag::skipped:
    case Tag::meta:
    case Tag::title:
    case Tag::head: return Break::none;
    case Tag::td:
    case Tag::th: return Break::cell;
    case Tag::br:
    case Tag::li:
    case Tag::dt:
    case Tag::dd:
    case Tag::tr:
    case Tag::summary: return Break::line;
    default: return Break::paragraph;
  }
}

}  // namespace corpusflow::html
