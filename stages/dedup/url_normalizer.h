// normalize_url: the form of a URL that url dedup compares (DESIGN.md, "The contract").
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

struct UrlKeyOptions {
  bool merge_http_https = true;  // http:// and https:// of the same host and path are one page
};

// Returns the normalized URL, or "" when `url` is not an absolute URL (then the document takes no part in
// url dedup). RFC 3986 normalization: surrounding whitespace is trimmed; scheme and host are lower-cased, a
// trailing dot of the host and the scheme's default port (http 80, https 443, ws 80, wss 443, ftp 21) are
// dropped; an internationalized host (raw UTF-8 or percent-encoded) becomes its IDNA A-label (UTS #46 with
// libidn2: `bücher.example` -> `xn--bcher-kva.example`); `.` and `..` path segments are removed; an empty
// path becomes "/", a trailing slash of a longer path is dropped; the fragment and an empty query are
// dropped; percent escapes of unreserved and non-ASCII bytes are decoded (so a raw non-ASCII URL and its
// escaped form agree), other escapes get upper-case hex, and a space becomes %20. With merge_http_https,
// https becomes http (after its default port is dropped).
// Not a URL: no `scheme:` prefix, no `//host`, an empty host, a non-numeric port, a control character.
std::string normalize_url(std::string_view url, const UrlKeyOptions& options = {});

// RFC 3986 section 5.2.4 on an absolute path ("/a/./b/../c" -> "/a/c"); a path above the root stays at it.
std::string remove_dot_segments(std::string_view path);

}  // namespace corpusflow
