// Charset: turns a web page's bytes into UTF-8. The charset comes from the HTTP header, else a byte order mark,
// else the page's <meta> declaration, else (bytes that are not UTF-8) ICU's detector; names are read as
// browsers read them (WHATWG: ISO-8859-1 is windows-1252, GB2312 is GB18030, ...). A declaration the bytes
// contradict is repaired: valid multi-byte UTF-8 stays UTF-8 whatever was declared, and UTF-8 declared over
// bytes that are not UTF-8 goes to the detector. Never fails: bytes no charset explains become U+FFFD.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"

namespace corpusflow {

// The charset a <meta> in the first bytes of an HTML page declares, as written; "" when none.
std::string_view meta_charset(std::string_view html);

class CharsetDecoder {
 public:
  CharsetDecoder();
  ~CharsetDecoder();
  CharsetDecoder(CharsetDecoder&&) noexcept;
  CharsetDecoder& operator=(CharsetDecoder&&) noexcept;

  struct Result {
    CharsetSource source = CharsetSource::utf8;
    std::string charset;  // the IANA name of what was used ("UTF-8", "windows-1251", "GB18030")
  };
  // Converts bytes (a whole page) to UTF-8 in place. declared: the header's charset ("" when none);
  // html: look for a <meta> declaration too.
  Result decode(std::string& bytes, std::string_view declared, bool html);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace corpusflow
