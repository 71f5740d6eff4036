#include "engine/gen/html_page.h"

namespace corpusflow::gen {
namespace {

// A navigation link's path, from its text: the same line links to the same place on every page.
void append_nav_href(std::string_view text, std::string& out) {
  out += '/';
  bool dash = false;
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || u >= 0x80) {
      if (dash && out.back() != '/') out += '-';
      dash = false;
      out += c;
    } else if (u >= 'A' && u <= 'Z') {
      if (dash && out.back() != '/') out += '-';
      dash = false;
      out += static_cast<char>(u + 32);
    } else {
      dash = true;
    }
  }
}

}  // namespace

void append_html_escaped(std::string_view text, std::string& out) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      default: continue;
    }
    out.append(text.data() + run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

void render_html(const Page& page, std::string& out) {
  out += "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>";
  append_html_escaped(page.title, out);
  out += "</title>\n</head>\n<body>\n";
  if (!page.top.empty()) {
    out += "<nav>\n<ul>\n";
    for (const std::string& line : page.top) {
      out += "<li><a href=\"";
      append_nav_href(line, out);
      out += "\">";
      append_html_escaped(line, out);
      out += "</a></li>\n";
    }
    out += "</ul>\n</nav>\n";
  }
  out += "<main>\n<article>\n<h1>";
  append_html_escaped(page.title, out);
  out += "</h1>\n";
  for (const std::string& paragraph : page.paragraphs) {
    out += "<p>";
    append_html_escaped(paragraph, out);
    out += "</p>\n";
  }
  out += "</article>\n</main>\n";
  if (!page.bottom.empty()) {
    out += "<footer>\n";
    for (const std::string& line : page.bottom) {
      out += "<p>";
      append_html_escaped(line, out);
      out += "</p>\n";
    }
    out += "</footer>\n";
  }
  out += "</body>\n</html>\n";
}

}  // namespace corpusflow::gen
