#include "stages/html/html_text.h"

#include "stages/html/page_title.h"

namespace corpusflow {

const char* to_string(HtmlMode mode) {
  switch (mode) {
    case HtmlMode::extract: return "extract";
    case HtmlMode::text: return "text";
    case HtmlMode::raw: return "raw";
  }
  return "extract";
}

std::optional<HtmlMode> html_mode_from_name(std::string_view name) {
  for (const HtmlMode mode : {HtmlMode::extract, HtmlMode::text, HtmlMode::raw}) {
    if (name == to_string(mode)) return mode;
  }
  return std::nullopt;
}

void HtmlExtractor::extract(std::string_view utf8_html, HtmlMode mode, HtmlText& out) {
  out.title.clear();
  out.text.clear();
  out.language_hint.clear();
  if (mode == HtmlMode::raw) {
    out.text.assign(utf8_html);
    return;
  }
  html::parse_html(utf8_html, document_);
  html::render_blocks(document_, rendered_);
  out.title = html::page_title(document_, rendered_);
  out.language_hint = html::page_language(document_);
  if (mode == HtmlMode::text) {
    keep_.assign(rendered_.blocks.size(), 1);
  } else {
    selector_.select(document_, rendered_, out.title, keep_);
  }
  html::join_blocks(rendered_, keep_, out.text);
}

HtmlText extract_html(std::string_view utf8_html, HtmlMode mode) {
  HtmlText out;
  HtmlExtractor().extract(utf8_html, mode, out);
  return out;
}

}  // namespace corpusflow
