// URL variants: the spellings of one page's URL that corpusflow's URL dedup key treats as one
// (stages/dedup/url_normalizer.h), and near misses that differ in one way the key must keep apart. A copy
// made with the same URL carries either the original's URL byte for byte or one of these variants; a few
// originals carry an earlier original's URL with a near miss (docs/dedup.md, "Generated URL variants").
#pragma once

#include <string>
#include <string_view>

#include "engine/gen/rng.h"

namespace corpusflow::gen {

enum class UrlVariant {
  exact,         // the original's URL as it is
  scheme,        // http <-> https (one page unless --url-keep-scheme)
  host_case,     // the host's ASCII letters upper-cased, and half the time the scheme's
  default_port,  // :80 after an http host, :443 after an https one
  dot_segments,  // `/./` or `/<segment>/../` inserted in the path
  percent_case,  // an unreserved byte of the path, and every non-ASCII one, escaped with lower-case hex
  fragment,      // a `#fragment` appended
  idna,          // an internationalized host written as its A-label (`xn--...`)
};
inline constexpr int kUrlVariants = 8;

enum class UrlNearMiss {
  none,
  path_case,      // the first letter of the path upper-cased (paths are case-sensitive)
  query,          // `?page=N`: appended, or N changed when the URL has it
  extra_segment,  // one more path segment after the first
};

const char* to_string(UrlVariant variant);
const char* to_string(UrlNearMiss near_miss);

// Whether `url`'s host holds a non-ASCII byte (the idna variant applies).
bool has_unicode_host(std::string_view url);

// A variant other than exact, drawn by `rng`: idna half the time for a Unicode host, else one of the six
// others uniformly.
UrlVariant pick_url_variant(std::string_view url, Rng& rng);
// `url` (as make_url writes it: scheme://host/path[?query]) spelled as `variant`; different bytes for every
// variant but exact (idna needs a Unicode host: otherwise the URL comes back as it is).
std::string apply_url_variant(std::string_view url, UrlVariant variant, Rng& rng);

UrlNearMiss pick_url_near_miss(Rng& rng);
std::string apply_url_near_miss(std::string_view url, UrlNearMiss near_miss, Rng& rng);

// RFC 3492 Punycode of a UTF-8 label (no `xn--` prefix); "" for invalid UTF-8.
std::string punycode_encode(std::string_view label);
// The host with every non-ASCII label as `xn--` + its Punycode.
std::string host_to_a_labels(std::string_view host);

}  // namespace corpusflow::gen
