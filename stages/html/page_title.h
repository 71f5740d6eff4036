// The page's title and declared language, from what the parser collected: og:title, else <title>, else the
// first <h1>; the language of <html lang> checked to look like a language tag.
#pragma once

#include <string>
#include <string_view>

#include "stages/html/html_blocks.h"
#include "stages/html/html_document.h"

namespace corpusflow::html {

// Longer titles are cut (at a character boundary): an unclosed <title> can swallow a page.
inline constexpr size_t kMaxTitleBytes = 1024;

std::string page_title(const HtmlDocument& document, const RenderedText& rendered);

// The declared language, trimmed, when it looks like a BCP 47 tag (letters, digits, '-' and '_', at most 35
// bytes, starting with a letter); empty otherwise.
std::string page_language(const HtmlDocument& document);

// `text` with runs of whitespace (ASCII and no-break space) as one space and no space at either end.
std::string collapse_whitespace(std::string_view text);

}  // namespace corpusflow::html
