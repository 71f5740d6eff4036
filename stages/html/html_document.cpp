#include "stages/html/html_document.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>
#include <mutex>

#include "core/utf8.h"
#include "stages/html/html_hints.h"
#include "stages/html/raw_text_filter.h"

namespace corpusflow::html {
namespace {

constexpr int kParseOptions =
    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

// The bytes that the link-cluster test weighs: not spaces, and not ASCII punctuation, so that the brackets and
// separators around a row of links ("[edit | source]", "Share: A | B") do not count as text of their own.
bool counts_as_text(unsigned char byte) {
  return byte >= 0x80 || (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
}

// Turns libxml2's SAX events into HtmlDocument's elements and events.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(HtmlDocument& document) : document_(document) {
    document_.clear();
    document_.elements.push_back({Tag::other, 0, 0, 0});
    document_.events.push_back({EventKind::open, 0, 0, 0});
    open_.push_back(0);
    open_text_.push_back({});
  }

  void start(std::string_view name, const xmlChar** attributes) {
    if (skipped_depth_ > 0) {
      ++skipped_depth_;
      return;
    }
    const Tag tag = tag_from_name(name);
    ElementAttributes parsed;
    if (attributes != nullptr) read_attributes(tag, attributes, parsed);
    const uint8_t hints = hints_of(parsed);
    if (tag == Tag::skipped || (hints & kHintHidden) != 0) {
      skipped_depth_ = 1;
      return;
    }
    if (tag == Tag::title && !title_seen_) {
      title_seen_ = true;
      in_title_ = true;
    }
    const auto index = static_cast<uint32_t>(document_.elements.size());
    document_.elements.push_back({tag, hints, open_.back(), 0});
    document_.events.push_back({EventKind::open, index, 0, 0});
    open_.push_back(index);
    open_text_.push_back({});
    if (tag == Tag::a) ++link_depth_;
  }

  void end() {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      return;
    }
    if (open_.size() <= 1) return;
    close_innermost();
  }

  void characters(const char* text, size_t size) {
    if (skipped_depth_ > 0 || size == 0) return;
    if (in_title_) {
      document_.title.append(text, size);
      return;
    }
    uint32_t visible = 0;
    for (size_t i = 0; i < size; ++i) visible += counts_as_text(static_cast<unsigned char>(text[i])) ? 1 : 0;
    open_text_.back().bytes += visible;
    if (link_depth_ > 0) open_text_.back().link_bytes += visible;
    const auto offset = static_cast<uint32_t>(document_.text.size());
    document_.text.append(text, size);
    Event& last = document_.events.back();
    if (last.kind == EventKind::text && last.offset + last.size == offset) {
      last.size += static_cast<uint32_t>(size);
    } else {
      document_.events.push_back({EventKind::text, open_.back(), offset, static_cast<uint32_t>(size)});
    }
  }

  void finish() {
    while (open_.size() > 1) close_innermost();
    document_.elements[0].end = static_cast<uint32_t>(document_.elements.size());
    document_.events.push_back({EventKind::close, 0, 0, 0});
  }

 private:
  void close_innermost() {
    const uint32_t index = open_.back();
    open_.pop_back();
    Element& element = document_.elements[index];
    element.end = static_cast<uint32_t>(document_.elements.size());
    const TextCounts counts = open_text_.back();
    open_text_.pop_back();
    TextCounts& parent = open_text_.back();
    parent.bytes += counts.bytes;
    parent.link_bytes += counts.link_bytes;
    parent.links += counts.links;
    if (element.tag == Tag::a) {
      ++parent.links;
      if (link_depth_ > 0) --link_depth_;
    } else if (break_of(element.tag) == Break::none && counts.links >= 2 && counts.bytes > 0 &&
               counts.link_bytes * 10 >= counts.bytes * 9) {
      element.hints |= kHintLinkCluster;
    }
    if (element.tag == Tag::title) in_title_ = false;
    document_.events.push_back({EventKind::close, index, 0, 0});
  }

  void read_attributes(Tag tag, const xmlChar** attributes, ElementAttributes& parsed) {
    std::string_view meta_property;
    std::string_view meta_content;
    for (size_t i = 0; attributes[i] != nullptr; i += 2) {
      const std::string_view name = view(attributes[i]);
      const std::string_view value = view(attributes[i + 1]);
      if (name == "class") {
        parsed.class_names = value;
      } else if (name == "id") {
        parsed.id = value;
      } else if (name == "role") {
        parsed.role = value;
      } else if (name == "itemprop") {
        parsed.itemprop = value;
      } else if (name == "style") {
        parsed.style = value;
      } else if (name == "hidden") {
        parsed.hidden = true;
      } else if (name == "aria-hidden") {
        parsed.aria_hidden = value == "true";
      } else if (tag == Tag::html && (name == "lang" || name == "xml:lang")) {
        if (document_.language.empty()) document_.language = value;
      } else if (tag == Tag::meta && (name == "property" || name == "name" || name == "http-equiv")) {
        meta_property = value;
      } else if (tag == Tag::meta && name == "content") {
        meta_content = value;
      }
    }
    if (tag != Tag::meta) return;
    if (meta_property == "og:title" && document_.og_title.empty()) document_.og_title = meta_content;
    if (document_.language.empty() && (meta_property == "content-language" || meta_property == "Content-Language")) {
      document_.language = meta_content;
    }
  }

  // Text bytes (counts_as_text), those of them inside links, and links, in an open element so far.
  struct TextCounts {
    uint32_t bytes = 0;
    uint32_t link_bytes = 0;
    uint32_t links = 0;
  };

  HtmlDocument& document_;
  std::vector<uint32_t> open_;
  std::vector<TextCounts> open_text_;
  uint32_t link_depth_ = 0;
  uint32_t skipped_depth_ = 0;
  bool title_seen_ = false;
  bool in_title_ = false;
};

DocumentBuilder& builder_of(void* context) {
  return *static_cast<DocumentBuilder*>(static_cast<htmlParserCtxtPtr>(context)->_private);
}

void on_start(void* context, const xmlChar* name, const xmlChar** attributes) {
  builder_of(context).start(view(name), attributes);
}
void on_end(void* context, const xmlChar*) { builder_of(context).end(); }
void on_characters(void* context, const xmlChar* text, int size) {
  if (size > 0) builder_of(context).characters(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}
void on_script_content(void*, const xmlChar*, int) {}
void on_message(void*, const char*, ...) {}

htmlSAXHandler make_handler() {
  htmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.startElement = on_start;
  handler.endElement = on_end;
  handler.characters = on_characters;
  handler.ignorableWhitespace = on_characters;
  handler.cdataBlock = on_script_content;  // the content of <script> and <style>
  handler.warning = on_message;
  handler.error = on_message;
  handler.fatalError = on_message;
  return handler;
}

// libxml2 wants UTF-8 without NUL bytes: a NUL makes it guess UCS-4 from the first bytes, and an invalid
// sequence makes it switch to Latin-1 for the rest of the page.
std::string_view prepared(std::string_view html, std::string& filtered, std::string& repaired) {
  if (html.size() >= INT_MAX) html = html.substr(0, INT_MAX - 1);
  const std::string_view text = drop_raw_text(html, filtered);
  if (text.find('\0') == std::string_view::npos && is_valid_utf8(text)) return text;
  repaired.clear();
  append_repaired_utf8(text, repaired);
  std::erase(repaired, '\0');
  return repaired;
}

}  // namespace

void HtmlDocument::clear() {
  elements.clear();
  events.clear();
  text.clear();
  title.clear();
  og_title.clear();
  language.clear();
}

void parse_html(std::string_view html, HtmlDocument& document) {
  static std::once_flag initialized;
  std::call_once(initialized, [] { xmlInitParser(); });
  static const htmlSAXHandler handler = make_handler();

  DocumentBuilder builder(document);
  thread_local std::string filtered;
  thread_local std::string repaired;
  const std::string_view input = prepared(html, filtered, repaired);
  if (!input.empty()) {
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
    if (context != nullptr) {
      *context->sax = handler;
      context->_private = &builder;
      context->userData = context;
      htmlCtxtUseOptions(context, kParseOptions);
      xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
      htmlParseDocument(context);
      htmlFreeParserCtxt(context);
    }
  }
  builder.finish();
}

}  // namespace corpusflow::html
