// A fast pass before the HTML parser: drops what can never become text — comments and the content of <script>
// and <style> — with memchr-speed scanning, so that libxml2 (which reads those a character at a time) sees less
// than half of a typical page. Follows the HTML tokenizer's rules for where these end; keeps the tags.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow::html {

// Returns `html` itself when there is nothing to drop, else a view of `out`, which holds the filtered copy.
std::string_view drop_raw_text(std::string_view html, std::string& out);

}  // namespace corpusflow::html
