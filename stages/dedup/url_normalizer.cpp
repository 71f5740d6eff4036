#include "stages/dedup/url_normalizer.h"

#include <idn2.h>

#include <cstdint>
#include <cstdlib>

namespace corpusflow {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

std::string_view default_port(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return "80";
  if (scheme == "https" || scheme == "wss") return "443";
  if (scheme == "ftp") return "21";
  return {};
}

// Path and query: decode escapes that need none, upper-case the rest, escape spaces.
// Returns false on a control character.
bool append_escaped(std::string_view part, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < part.size(); ++i) {
    const auto c = static_cast<unsigned char>(part[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ' ') {
      out += "%20";
    } else if (c == '%' && i + 2 < part.size() && hex_value(part[i + 1]) >= 0 && hex_value(part[i + 2]) >= 0) {
      const auto byte = static_cast<unsigned char>(hex_value(part[i + 1]) * 16 + hex_value(part[i + 2]));
      if (byte >= 0x80 || is_unreserved(byte)) {
        out += static_cast<char>(byte);
      } else {
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
      }
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return true;
}

// The host as url dedup compares it: percent escapes decoded, lower-cased; a host with non-ASCII bytes in its
// IDNA A-label form when libidn2 accepts it (else as written, lower-cased).
std::string normalize_host(std::string_view host) {
  std::string decoded;
  decoded.reserve(host.size());
  bool non_ascii = false;
  for (size_t i = 0; i < host.size(); ++i) {
    char c = host[i];
    if (c == '%' && i + 2 < host.size() && hex_value(host[i + 1]) >= 0 && hex_value(host[i + 2]) >= 0) {
      c = static_cast<char>(hex_value(host[i + 1]) * 16 + hex_value(host[i + 2]));
      i += 2;
    }
    non_ascii |= static_cast<unsigned char>(c) >= 0x80;
    decoded += lower(c);
  }
  if (!non_ascii) return decoded;
  char* ascii = nullptr;
  int status = idn2_to_ascii_8z(decoded.c_str(), &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  if (status != IDN2_OK) {
    std::free(ascii);
    ascii = nullptr;
    status = idn2_to_ascii_8z(decoded.c_str(), &ascii, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
  }
  if (status == IDN2_OK && ascii != nullptr) {
    std::string label(ascii);
    std::free(ascii);
    for (char& c : label) c = lower(c);
    return label;
  }
  std::free(ascii);
  return decoded;
}

}  // namespace

std::string remove_dot_segments(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  while (!path.empty()) {
    if (path.starts_with("../")) {
      path.remove_prefix(3);
    } else if (path.starts_with("./") || path.starts_with("/./")) {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.starts_with("/../") || path == "/..") {
      path = path == "/.." ? std::string_view("/") : path.substr(3);
      const size_t last = out.rfind('/');
      out.resize(last == std::string::npos ? 0 : last);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const size_t next = path.find('/', 1);
      const size_t take = next == std::string_view::npos ? path.size() : next;
      out.append(path.substr(0, take));
      path.remove_prefix(take);
    }
  }
  return out;
}

std::string normalize_url(std::string_view url, const UrlKeyOptions& options) {
  while (!url.empty() && is_space(url.front())) url.remove_prefix(1);
  while (!url.empty() && is_space(url.back())) url.remove_suffix(1);

  size_t colon = 0;
  while (colon < url.size() && url[colon] != ':') {
    const char c = url[colon];
    if (!(is_alpha(c) || (colon > 0 && (is_digit(c) || c == '+' || c == '-' || c == '.')))) return {};
    ++colon;
  }
  if (colon == 0 || colon == url.size()) return {};
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += lower(c);
  std::string_view rest = url.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return {};
  rest.remove_prefix(2);

  const size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);

  std::string_view userinfo;
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = authority.substr(0, at + 1);
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  // An IPv6 literal holds colons of its own: the port colon comes after its closing bracket.
  const size_t bracket = authority.rfind(']');
  const size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos && (bracket == std::string_view::npos || port_colon > bracket)) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  for (char c : port) {
    if (!is_digit(c)) return {};
  }
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty()) return {};

  const bool default_port_given = !port.empty() && port == default_port(scheme);
  if (options.merge_http_https && scheme == "https") {
    scheme = "http";
    if (port == "443") port = {};
  }
  std::string out;
  out.reserve(url.size() + 8);
  out += scheme;
  out += "://";
  for (char c : userinfo) {
    if (static_cast<unsigned char>(c) < 0x20 || is_space(c)) return {};
    out += c;
  }
  for (char c : host) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return {};
  }
  out += normalize_host(host);
  if (!port.empty() && !default_port_given && port != default_port(scheme)) {
    out += ':';
    out += port;
  }

  const size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const size_t query_start = rest.find('?');
  std::string_view path = rest.substr(0, query_start);
  std::string_view query = query_start == std::string_view::npos ? std::string_view{} : rest.substr(query_start + 1);
  std::string escaped_path;
  if (!append_escaped(path, escaped_path)) return {};
  // After decoding, so that %2E segments are dot segments too.
  std::string clean_path = remove_dot_segments(escaped_path);
  while (clean_path.size() > 1 && clean_path.back() == '/') clean_path.pop_back();
  if (clean_path.empty()) clean_path = "/";
  out += clean_path;
  if (!query.empty()) {
    out += '?';
    if (!append_escaped(query, out)) return {};
  }
  return out;
}

}  // namespace corpusflow
