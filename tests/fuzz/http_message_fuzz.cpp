// Fuzz target: an HTTP response as a web archive stores it, through head parsing, dechunking and content
// decoding. The first byte picks the declared content encoding. The head's length stays inside the message,
// dechunking never grows a body, a decoded body never exceeds the cap, and what is not decoded is unchanged.
#include <string>

#include "io/http_message.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kEncodings[] = {"", "gzip", "x-gzip", "deflate", "br", "gzip, deflate"};
  const std::string encoding = kEncodings[data[0] % 6];
  const std::string message(reinterpret_cast<const char*>(data) + 1, size - 1);
  corpusflow::HttpHead head;
  if (corpusflow::parse_http_head(message, head)) {
    FUZZ_CHECK(head.length <= message.size(), "the head runs past the message");
    FUZZ_CHECK(head.status < 1000, "a status of more than three digits");
  }
  std::string body = message;
  corpusflow::dechunk(body);
  FUZZ_CHECK(body.size() <= message.size(), "dechunking grew the body");
  const std::string before = body;
  constexpr uint64_t kCap = 1 << 20;
  std::string detail;
  switch (corpusflow::decode_content_encoding(body, encoding, kCap, detail)) {
    case corpusflow::BodyDecoding::ok:
      FUZZ_CHECK(body.size() <= kCap, "a decoded body over the cap");
      FUZZ_CHECK(!encoding.empty() || body == before, "an unencoded body changed");
      break;
    case corpusflow::BodyDecoding::unsupported: FUZZ_CHECK(body == before, "an undecoded body changed"); break;
    case corpusflow::BodyDecoding::failed:
    case corpusflow::BodyDecoding::too_large:
      FUZZ_CHECK(!detail.empty(), "a failure without a detail");
      FUZZ_CHECK(body == before, "a body that failed to decode changed");
      break;
  }
  return 0;
}
