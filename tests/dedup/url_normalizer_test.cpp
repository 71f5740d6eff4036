#include "stages/dedup/url_normalizer.h"

#include <gtest/gtest.h>

namespace corpusflow {
namespace {

const UrlKeyOptions kKeepScheme{.merge_http_https = false};

TEST(NormalizeUrl, LowerCasesSchemeAndHostOnly) {
  EXPECT_EQ(normalize_url("HTTP://WWW.Example.COM/Path/To?Q=A"), "http://www.example.com/Path/To?Q=A");
}

TEST(NormalizeUrl, DropsDefaultPortKeepsOthers) {
  EXPECT_EQ(normalize_url("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(normalize_url("https://example.com:443/a", kKeepScheme), "https://example.com/a");
  EXPECT_EQ(normalize_url("http://example.com:0080/a"), "http://example.com/a");
  EXPECT_EQ(normalize_url("https://example.com:80/a", kKeepScheme), "https://example.com:80/a");
  EXPECT_EQ(normalize_url("http://example.com:8080/a"), "http://example.com:8080/a");
  EXPECT_EQ(normalize_url("http://example.com:/a"), "http://example.com/a");
}

TEST(NormalizeUrl, DropsFragmentAndEmptyQuery) {
  EXPECT_EQ(normalize_url("http://example.com/a#section-2"), "http://example.com/a");
  EXPECT_EQ(normalize_url("http://example.com/a?#x"), "http://example.com/a");
  EXPECT_EQ(normalize_url("http://example.com/a?b=1#x"), "http://example.com/a?b=1");
  EXPECT_EQ(normalize_url("http://example.com#top"), "http://example.com/");
}

TEST(NormalizeUrl, NormalizesTrailingSlashAndEmptyPath) {
  EXPECT_EQ(normalize_url("http://example.com"), "http://example.com/");
  EXPECT_EQ(normalize_url("http://example.com/"), "http://example.com/");
  EXPECT_EQ(normalize_url("http://example.com/news/"), "http://example.com/news");
  EXPECT_EQ(normalize_url("http://example.com/news//?a=1"), "http://example.com/news?a=1");
  EXPECT_EQ(normalize_url("http://example.com?a=1"), "http://example.com/?a=1");
}

TEST(NormalizeUrl, TrimsWhitespaceAndHostTrailingDot) {
  EXPECT_EQ(normalize_url("  https://Example.com./x \n", kKeepScheme), "https://example.com/x");
}

TEST(NormalizeUrl, RawNonAsciiAndPercentEscapedFormsAgree) {
  const std::string raw = "http://www.alarabiya.net/ar/politics/2012/10/11/حسين-يا-حسين.html";
  const std::string escaped =
      "http://www.alarabiya.net/ar/politics/2012/10/11/"
      "%D8%AD%D8%B3%D9%8A%D9%86-%d9%8a%d8%a7-%D8%AD%D8%B3%D9%8A%D9%86.html";
  EXPECT_EQ(normalize_url(raw), raw);
  EXPECT_EQ(normalize_url(escaped), raw);
  EXPECT_EQ(normalize_url("http://e.com/%7euser/%41"), "http://e.com/~user/A");
  EXPECT_EQ(normalize_url("http://e.com/a%2fb?x=%3d%26"), "http://e.com/a%2Fb?x=%3D%26");
  EXPECT_EQ(normalize_url("http://e.com/a b"), "http://e.com/a%20b");
  EXPECT_EQ(normalize_url("http://e.com/100%"), "http://e.com/100%");
  EXPECT_EQ(normalize_url("http://e.com/%zz"), "http://e.com/%zz");
}

TEST(NormalizeUrl, DotSegmentsAreRemoved) {
  EXPECT_EQ(normalize_url("http://e.com/a/./c/../b"), "http://e.com/a/b");
  EXPECT_EQ(normalize_url("http://e.com/a/%2E/c/%2e%2E/b"), "http://e.com/a/b");
  EXPECT_EQ(normalize_url("http://e.com/../../x"), "http://e.com/x");
  EXPECT_EQ(normalize_url("http://e.com/a/b/.."), "http://e.com/a");
  EXPECT_EQ(normalize_url("http://e.com/a/.?q=1"), "http://e.com/a?q=1");
  EXPECT_EQ(normalize_url("http://e.com/a..b/.c"), "http://e.com/a..b/.c");  // dots inside names stay
  EXPECT_EQ(remove_dot_segments("/a/b/c/./../../g"), "/a/g");
  EXPECT_EQ(remove_dot_segments("/mid/content=5/../6"), "/mid/6");
}

TEST(NormalizeUrl, InternationalizedHostsBecomeTheirALabel) {
  EXPECT_EQ(normalize_url("http://bücher.example/x"), "http://xn--bcher-kva.example/x");
  EXPECT_EQ(normalize_url("http://B%C3%BCcher.Example/x"), "http://xn--bcher-kva.example/x");
  EXPECT_EQ(normalize_url("http://XN--BCHER-KVA.example/x"), "http://xn--bcher-kva.example/x");
  const std::string arabic = normalize_url("http://موقع.مصر/");  // an Arabic host and TLD
  EXPECT_TRUE(arabic.starts_with("http://xn--")) << arabic;
  EXPECT_EQ(normalize_url(arabic), arabic);
  EXPECT_EQ(normalize_url("http://%D9%85%D9%88%D9%82%D8%B9.%D9%85%D8%B5%D8%B1/"), arabic);
  EXPECT_EQ(normalize_url("http://bad\xFFhost.com/"), "http://bad\xFFhost.com/");  // not IDNA: kept as written
  EXPECT_EQ(normalize_url("http://faß.de/"), "http://xn--fa-hia.de/");             // UTS #46 non-transitional
}

TEST(NormalizeUrl, HttpAndHttpsAreOnePageUnlessAsked) {
  EXPECT_EQ(normalize_url("https://example.com/a"), "http://example.com/a");
  EXPECT_EQ(normalize_url("https://example.com:443/a"), "http://example.com/a");
  EXPECT_EQ(normalize_url("https://example.com:8443/a"), "http://example.com:8443/a");
  EXPECT_EQ(normalize_url("https://example.com/a", kKeepScheme), "https://example.com/a");
  EXPECT_EQ(normalize_url("ftp://example.com/a"), "ftp://example.com/a");
}

TEST(NormalizeUrl, KeepsUserinfoAndIpv6Literal) {
  EXPECT_EQ(normalize_url("http://User@Host.com/"), "http://User@host.com/");
  EXPECT_EQ(normalize_url("http://[2001:DB8::1]:80/x"), "http://[2001:db8::1]/x");
  EXPECT_EQ(normalize_url("http://[2001:db8::1]/x"), "http://[2001:db8::1]/x");
}

TEST(NormalizeUrl, RejectsWhatIsNotAnAbsoluteUrl) {
  EXPECT_EQ(normalize_url(""), "");
  EXPECT_EQ(normalize_url("   "), "");
  EXPECT_EQ(normalize_url("www.example.com/a"), "");
  EXPECT_EQ(normalize_url("/relative/path"), "");
  EXPECT_EQ(normalize_url("mailto:someone@example.com"), "");
  EXPECT_EQ(normalize_url("http:example.com"), "");
  EXPECT_EQ(normalize_url("http://"), "");
  EXPECT_EQ(normalize_url("http:///path"), "");
  EXPECT_EQ(normalize_url("http://:80/path"), "");
  EXPECT_EQ(normalize_url("http://example.com:8o/"), "");
  EXPECT_EQ(normalize_url("1http://example.com/"), "");
  EXPECT_EQ(normalize_url("://example.com/"), "");
  EXPECT_EQ(normalize_url("http://exa mple.com/"), "");
  EXPECT_EQ(normalize_url(std::string("http://example.com/a\x01") + "b"), "");
  EXPECT_EQ(normalize_url(std::string("http://example.com/\0", 20)), "");
}

TEST(NormalizeUrl, IsIdempotent) {
  for (const char* url : {"HTTP://A.com:80/x/?q=%7e#f", "https://b.org", "http://c.net/%d8%ad/", "ftp://D.com:21/"}) {
    const std::string once = normalize_url(url);
    ASSERT_FALSE(once.empty()) << url;
    EXPECT_EQ(normalize_url(once), once) << url;
  }
}

}  // namespace
}  // namespace corpusflow
