#include "engine/gen/url_variants.h"

#include <array>
#include <cstdint>
#include <vector>

namespace corpusflow::gen {
namespace {

// The parts of a URL as make_url writes it: scheme://host/path[?query][#fragment].
struct UrlParts {
  size_t scheme_end = 0;  // the ':' of "://"
  size_t host_start = 0;
  size_t host_end = 0;  // the first '/', '?' or '#' after the host, or the size
  size_t path_end = 0;  // the first '?' or '#' after the host, or the size
};

UrlParts split(std::string_view url) {
  UrlParts parts;
  const size_t scheme = url.find("://");
  parts.scheme_end = scheme == std::string_view::npos ? 0 : scheme;
  parts.host_start = scheme == std::string_view::npos ? 0 : scheme + 3;
  parts.host_end = std::min(url.find_first_of("/?#", parts.host_start), url.size());
  parts.path_end = std::min(url.find_first_of("?#", parts.host_end), url.size());
  return parts;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void append_lower_escape(unsigned char c, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

bool hex_has_letter(unsigned char c) { return (c >> 4) >= 10 || (c & 15) >= 10; }

// Code points of UTF-8 text; false on invalid UTF-8.
bool decode_utf8(std::string_view text, std::vector<uint32_t>& out) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + static_cast<size_t>(length) > text.size()) return false;
    uint32_t code = length == 1 ? c : c & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    out.push_back(code);
    i += static_cast<size_t>(length);
  }
  return true;
}

uint32_t adapt(uint32_t delta, uint32_t points, bool first) {
  constexpr uint32_t kBase = 36, kTmin = 1, kTmax = 26, kSkew = 38, kDamp = 700;
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

char punycode_digit(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

}  // namespace

const char* to_string(UrlVariant variant) {
  switch (variant) {
    case UrlVariant::exact: return "exact";
    case UrlVariant::scheme: return "scheme";
    case UrlVariant::host_case: return "host_case";
    case UrlVariant::default_port: return "default_port";
    case UrlVariant::dot_segments: return "dot_segments";
    case UrlVariant::percent_case: return "percent_case";
    case UrlVariant::fragment: return "fragment";
    case UrlVariant::idna: return "idna";
  }
  return "unknown";
}

const char* to_string(UrlNearMiss near_miss) {
  switch (near_miss) {
    case UrlNearMiss::none: return "none";
    case UrlNearMiss::path_case: return "path_case";
    case UrlNearMiss::query: return "query";
    case UrlNearMiss::extra_segment: return "extra_segment";
  }
  return "unknown";
}

bool has_unicode_host(std::string_view url) {
  const UrlParts parts = split(url);
  for (size_t i = parts.host_start; i < parts.host_end; ++i) {
    if (static_cast<unsigned char>(url[i]) >= 0x80) return true;
  }
  return false;
}

std::string punycode_encode(std::string_view label) {
  constexpr uint32_t kBase = 36, kTmin = 1, kTmax = 26;
  std::vector<uint32_t> code_points;
  if (!decode_utf8(label, code_points)) return {};
  std::string out;
  for (uint32_t c : code_points) {
    if (c < 0x80) out += static_cast<char>(c);
  }
  const auto basic = static_cast<uint32_t>(out.size());
  uint32_t handled = basic;
  if (basic > 0) out += '-';
  uint32_t n = 0x80, delta = 0, bias = 72;
  while (handled < code_points.size()) {
    uint32_t next = UINT32_MAX;
    for (uint32_t c : code_points) {
      if (c >= n && c < next) next = c;
    }
    delta += (next - n) * (handled + 1);
    n = next;
    for (uint32_t c : code_points) {
      if (c < n) ++delta;
      if (c != n) continue;
      uint32_t q = delta;
      for (uint32_t k = kBase;; k += kBase) {
        const uint32_t t = k <= bias ? kTmin : k >= bias + kTmax ? kTmax : k - bias;
        if (q < t) break;
        out += punycode_digit(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      out += punycode_digit(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

std::string host_to_a_labels(std::string_view host) {
  std::string out;
  size_t start = 0;
  while (start <= host.size()) {
    const size_t dot = std::min(host.find('.', start), host.size());
    const std::string_view label = host.substr(start, dot - start);
    bool ascii = true;
    for (char c : label) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      out.append(label);
    } else {
      out += "xn--";
      out += punycode_encode(label);
    }
    if (dot == host.size()) break;
    out += '.';
    start = dot + 1;
  }
  return out;
}

UrlVariant pick_url_variant(std::string_view url, Rng& rng) {
  if (has_unicode_host(url) && rng.chance(0.5)) return UrlVariant::idna;
  static constexpr std::array<UrlVariant, 6> kOthers = {UrlVariant::scheme,       UrlVariant::host_case,
                                                        UrlVariant::default_port, UrlVariant::dot_segments,
                                                        UrlVariant::percent_case, UrlVariant::fragment};
  return kOthers[rng.below(kOthers.size())];
}

std::string apply_url_variant(std::string_view url, UrlVariant variant, Rng& rng) {
  const UrlParts parts = split(url);
  const std::string_view scheme = url.substr(0, parts.scheme_end);
  const std::string_view host = url.substr(parts.host_start, parts.host_end - parts.host_start);
  const std::string_view path = url.substr(parts.host_end, parts.path_end - parts.host_end);
  const std::string_view rest = url.substr(parts.path_end);
  const std::string_view prefix = url.substr(0, parts.host_end);
  std::string out;
  switch (variant) {
    case UrlVariant::exact: return std::string(url);
    case UrlVariant::scheme:
      out = scheme == "https" ? "http" : "https";
      out.append(url.substr(parts.scheme_end));
      return out;
    case UrlVariant::host_case: {
      const bool scheme_too = rng.chance(0.5);
      out = url;
      for (size_t i = 0; i < parts.host_end; ++i) {
        if (i < parts.scheme_end && !scheme_too) continue;
        if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 'a' + 'A');
      }
      return out;
    }
    case UrlVariant::default_port:
      out = prefix;
      out += scheme == "https" ? ":443" : ":80";
      out.append(url.substr(parts.host_end));
      return out;
    case UrlVariant::dot_segments: {
      std::vector<size_t> slashes;
      for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '/') slashes.push_back(i);
      }
      const size_t at = slashes.empty() ? 0 : slashes[rng.below(slashes.size())];
      static constexpr std::array<std::string_view, 4> kSegments = {"amp", "archive", "tmp", "x"};
      out = prefix;
      out.append(path.substr(0, at));
      if (rng.chance(0.5)) {
        out += "/.";
      } else {
        out += '/';
        out += kSegments[rng.below(kSegments.size())];
        out += "/..";
      }
      out.append(path.substr(at));
      if (slashes.empty()) out += '/';
      out.append(rest);
      return out;
    }
    case UrlVariant::percent_case: {
      // One unreserved byte escaped, preferably one whose hex has a letter (`-` is %2d), and every
      // non-ASCII byte: the key decodes both.
      std::vector<size_t> candidates, lettered;
      for (size_t i = 0; i < path.size(); ++i) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (!is_unreserved(c)) continue;
        candidates.push_back(i);
        if (hex_has_letter(c)) lettered.push_back(i);
      }
      const std::vector<size_t>& pool = lettered.empty() ? candidates : lettered;
      const size_t pick = pool.empty() ? path.size() : pool[rng.below(pool.size())];
      out = prefix;
      for (size_t i = 0; i < path.size(); ++i) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (c >= 0x80 || i == pick) {
          append_lower_escape(c, out);
        } else {
          out += static_cast<char>(c);
        }
      }
      out.append(rest);
      return out;
    }
    case UrlVariant::fragment: {
      static constexpr std::array<std::string_view, 4> kFragments = {"comments", "top", "main", "section-"};
      out = url;
      out += '#';
      const std::string_view fragment = kFragments[rng.below(kFragments.size())];
      out += fragment;
      if (fragment.ends_with('-')) out += std::to_string(rng.between(1, 9));
      return out;
    }
    case UrlVariant::idna:
      out = url.substr(0, parts.host_start);
      out += host_to_a_labels(host);
      out.append(url.substr(parts.host_end));
      return out;
  }
  return std::string(url);
}

UrlNearMiss pick_url_near_miss(Rng& rng) {
  static constexpr std::array<UrlNearMiss, 3> kKinds = {UrlNearMiss::path_case, UrlNearMiss::query,
                                                        UrlNearMiss::extra_segment};
  return kKinds[rng.below(kKinds.size())];
}

std::string apply_url_near_miss(std::string_view url, UrlNearMiss near_miss, Rng& rng) {
  const UrlParts parts = split(url);
  std::string out(url);
  switch (near_miss) {
    case UrlNearMiss::none: break;
    case UrlNearMiss::path_case:
      for (size_t i = parts.host_end; i < parts.path_end; ++i) {
        if (out[i] >= 'a' && out[i] <= 'z') {
          out[i] = static_cast<char>(out[i] - 'a' + 'A');
          return out;
        }
      }
      out.insert(parts.path_end, "/Index");  // no letter to change: a path that differs anyway
      break;
    case UrlNearMiss::query: {
      const size_t fragment = std::min(out.find('#', parts.host_end), out.size());
      const size_t page = out.find("page=", parts.path_end);
      if (page != std::string::npos && page < fragment) {
        size_t end = page + 5;
        while (end < fragment && out[end] >= '0' && out[end] <= '9') ++end;
        const uint64_t value = end > page + 5 ? std::stoull(out.substr(page + 5, end - page - 5)) : 0;
        out.replace(page + 5, end - page - 5, std::to_string(value + 1 + rng.below(3)));
      } else {
        out.insert(fragment,
                   std::string(parts.path_end < fragment ? "&" : "?") + "page=" + std::to_string(rng.between(2, 9)));
      }
      break;
    }
    case UrlNearMiss::extra_segment: {
      static constexpr std::array<std::string_view, 4> kSegments = {"amp", "print", "m", "mobile"};
      size_t at = out.find('/', parts.host_end + 1);
      if (at == std::string::npos || at > parts.path_end) at = parts.path_end;
      out.insert(at, "/" + std::string(kSegments[rng.below(kSegments.size())]));
      break;
    }
  }
  return out;
}

}  // namespace corpusflow::gen
