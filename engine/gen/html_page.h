// A generated Page as the HTML a web server sends: boilerplate top lines in a <nav> list of links, the title
// as <title> and <h1>, each paragraph as <p>, bottom lines in a <footer>. The scraper's repeat artifact of
// the text layout is not part of a real page and is not rendered.
#pragma once

#include <string>
#include <string_view>

#include "engine/gen/page.h"

namespace corpusflow::gen {

// Appends the HTML document of `page` (UTF-8, declared in <meta charset>).
void render_html(const Page& page, std::string& out);

// Appends `text` with & < > " escaped as character references.
void append_html_escaped(std::string_view text, std::string& out);

}  // namespace corpusflow::gen
