// Fuzz target: a web page's bytes to UTF-8. The first byte picks the declared charset and whether the page
// is HTML. Whatever ICU converted is valid UTF-8; UTF-8 kept as it was is the input itself (less a BOM); the
// decision does not depend on what the decoder saw before.
#include <string>

#include "core/utf8.h"
#include "stages/parse/charset.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kDeclared[] = {"",           "utf-8",  "windows-1251", "gb2312",          "shift_jis",
                                          "iso-8859-1", "euc-kr", "utf-16",       "no-such-charset", "big5"};
  const char* declared = kDeclared[data[0] % 10];
  const bool html = (data[0] / 10) % 2 == 1;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  static corpusflow::CharsetDecoder reused;
  corpusflow::CharsetDecoder fresh;
  std::string a = input;
  std::string b = input;
  const auto first = reused.decode(a, declared, html);
  const auto second = fresh.decode(b, declared, html);
  FUZZ_CHECK(a == b && first.source == second.source && first.charset == second.charset,
             "a reused decoder decided otherwise than a fresh one");
  if (first.charset != "UTF-8") {
    FUZZ_CHECK(corpusflow::is_valid_utf8(a), "converted text is not valid UTF-8");
  } else {
    FUZZ_CHECK(a == input || (input.starts_with("\xEF\xBB\xBF") && a == input.substr(3)),
               "UTF-8 kept as it was changed");
  }
  return 0;
}
