// normalize_url: the form of a URL that url dedup compares (DESIGN.md, "The contract").
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

// Returns the normalized URL, or "" when `url` is not an absolute URL (then the document takes no part in
// url dedup). Surrounding whitespace is trimmed; scheme and host are lower-cased (ASCII), a trailing dot of
// the host and the scheme's default port (http 80, https 443, ws 80, wss 443, ftp 21) are dropped; an empty
// path becomes "/", a trailing slash of a longer path is dropped; the fragment and an empty query are
// dropped; percent escapes of unreserved and non-ASCII bytes are decoded (so a raw non-ASCII URL and its
// escaped form agree), other escapes get upper-case hex, and a space becomes %20.
// Not a URL: no `scheme:` prefix, no `//host`, an empty host, a non-numeric port, a control character.
std::string normalize_url(std::string_view url);

}  // namespace corpusflow
