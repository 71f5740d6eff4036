#include "stages/parse/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/utf8.h"

namespace corpusflow {

namespace {

constexpr size_t kMetaScanBytes = 8192;  // browsers prescan 1024; real pages put <meta> after long scripts
// What ICU's detector reads of a page, from just before its first non-ASCII byte (the head of a page is often
// all ASCII script and style, which tells nothing): it costs ~270 ns per byte it reads (bench/web_bench).
constexpr size_t kDetectorBytes = 4 << 10;
constexpr size_t kDetectorLeadBytes = 256;
constexpr int32_t kMinConfidence = 10;  // below this the detector is guessing

char charset_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (charset_lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

std::string lower_trimmed(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '"' || name.front() == '\'')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\'')) name.remove_suffix(1);
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(), charset_lower);
  return out;
}

// A declared label as browsers read it (the WHATWG Encoding Standard's labels that matter on the web), else the
// label itself for ICU's aliases. "" for labels a declaration may not use (UTF-16 without a byte order mark).
std::string web_charset_name(std::string_view label) {
  std::string name = lower_trimmed(label);
  struct Alias {
    std::string_view label;
    std::string_view charset;
  };
  static constexpr std::array kAliases{
      Alias{"utf-8", "UTF-8"},
      Alias{"utf8", "UTF-8"},
      Alias{"unicode-1-1-utf-8", "UTF-8"},
      Alias{"iso-8859-1", "windows-1252"},
      Alias{"iso8859-1", "windows-1252"},
      Alias{"iso_8859-1", "windows-1252"},
      Alias{"latin1", "windows-1252"},
      Alias{"l1", "windows-1252"},
      Alias{"us-ascii", "windows-1252"},
      Alias{"ascii", "windows-1252"},
      Alias{"ansi_x3.4-1968", "windows-1252"},
      Alias{"cp1252", "windows-1252"},
      Alias{"x-user-defined", "windows-1252"},
      Alias{"iso-8859-9", "windows-1254"},
      Alias{"latin5", "windows-1254"},
      Alias{"gb2312", "GB18030"},
      Alias{"gbk", "GB18030"},
      Alias{"x-gbk", "GB18030"},
      Alias{"cp936", "GB18030"},
      Alias{"gb_2312-80", "GB18030"},
      Alias{"chinese", "GB18030"},
      Alias{"tis-620", "windows-874"},
      Alias{"iso-8859-11", "windows-874"},
      Alias{"euc-kr", "windows-949"},
      Alias{"ks_c_5601-1987", "windows-949"},
      Alias{"korean", "windows-949"},
      Alias{"shift_jis", "windows-31j"},
      Alias{"shift-jis", "windows-31j"},
      Alias{"sjis", "windows-31j"},
      Alias{"x-sjis", "windows-31j"},
      Alias{"ms_kanji", "windows-31j"},
      Alias{"big5", "Big5-HKSCS"},
  };
  for (const Alias& alias : kAliases) {
    if (name == alias.label) return std::string(alias.charset);
  }
  if (name.starts_with("utf-16") || name.starts_with("utf-32") || name.starts_with("ucs-")) return {};
  return name;
}

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Whether bytes declared UTF-8 are UTF-8 with a few bad bytes (a cut, one mis-encoded character: normalize
// repairs them) rather than another charset: at least as many valid multi-byte sequences as invalid ones.
bool mostly_utf8(std::string_view bytes) {
  size_t valid_multibyte = 0;
  size_t invalid = 0;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = valid_utf8_sequence_length(bytes.substr(i));
    if (length > 0) {
      ++valid_multibyte;
      i += length;
    } else {
      ++invalid;
      i += invalid_utf8_subsequence_length(bytes.substr(i));
    }
  }
  return valid_multibyte >= invalid;
}

}  // namespace

std::string_view meta_charset(std::string_view html) {
  const std::string_view head = html.substr(0, kMetaScanBytes);
  for (size_t at = 0; (at = head.find('<', at)) != std::string_view::npos; ++at) {
    if (!starts_with_ignoring_case(head, at + 1, "meta")) continue;
    const size_t end = std::min(head.find('>', at), head.size());
    const std::string_view tag = head.substr(at, end - at);
    for (size_t name = 0; (name = tag.find_first_of("cC", name)) != std::string_view::npos; ++name) {
      if (!starts_with_ignoring_case(tag, name, "charset")) continue;
      size_t i = name + 7;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
      if (i >= tag.size() || tag[i] != '=') continue;
      ++i;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
      size_t stop = i;
      while (stop < tag.size() && std::string_view(" \"';/>\t\r\n").find(tag[stop]) == std::string_view::npos) ++stop;
      if (stop > i) return tag.substr(i, stop - i);
    }
  }
  return {};
}

struct CharsetDecoder::State {
  std::map<std::string, UConverter*, std::less<>> converters;  // by the name asked for; nullptr: ICU knows none
  UConverter* utf8 = nullptr;
  UCharsetDetector* detector = nullptr;
  std::string output;

  State() {
    UErrorCode status = U_ZERO_ERROR;
    utf8 = ucnv_open("UTF-8", &status);
    status = U_ZERO_ERROR;
    detector = ucsdet_open(&status);
  }
  ~State() {
    for (auto& [name, converter] : converters) {
      if (converter != nullptr) ucnv_close(converter);
    }
    ucnv_close(utf8);
    ucsdet_close(detector);
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  UConverter* converter(const std::string& name) {
    if (name.empty()) return nullptr;
    auto found = converters.find(name);
    if (found != converters.end()) return found->second;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* opened = ucnv_open(name.c_str(), &status);
    if (U_FAILURE(status)) opened = nullptr;
    converters.emplace(name, opened);
    return opened;
  }

  std::string detect(std::string_view bytes, bool html) {
    if (detector == nullptr) return {};
    UErrorCode status = U_ZERO_ERROR;
    const size_t first = static_cast<size_t>(
        std::find_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) -
        bytes.begin());
    const size_t start = first > kDetectorLeadBytes ? first - kDetectorLeadBytes : 0;
    const std::string_view sample = bytes.substr(start, kDetectorBytes);
    ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
    ucsdet_enableInputFilter(detector, html);
    const UCharsetMatch* match = ucsdet_detect(detector, &status);
    if (U_FAILURE(status) || match == nullptr || ucsdet_getConfidence(match, &status) < kMinConfidence) return {};
    const char* name = ucsdet_getName(match, &status);
    return U_SUCCESS(status) && name != nullptr ? web_charset_name(name) : std::string();
  }

  // bytes from `from` to UTF-8, in place; false when ICU could not convert (bytes unchanged).
  bool convert(std::string& bytes, UConverter* from) {
    ucnv_reset(from);
    ucnv_reset(utf8);
    output.resize(2 * bytes.size() + 64);
    std::array<UChar, 4096> pivot{};
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    const char* source = bytes.data();
    char* target = output.data();
    bool reset = true;
    for (;;) {
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(utf8, from, &target, output.data() + output.size(), &source, bytes.data() + bytes.size(),
                     pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset, true, &status);
      reset = false;
      if (status == U_BUFFER_OVERFLOW_ERROR) {
        const size_t written = static_cast<size_t>(target - output.data());
        output.resize(2 * output.size());
        target = output.data() + written;
        continue;
      }
      if (U_FAILURE(status)) return false;
      break;
    }
    output.resize(static_cast<size_t>(target - output.data()));
    bytes.swap(output);
    return true;
  }
};

CharsetDecoder::CharsetDecoder() : state_(std::make_unique<State>()) {}
CharsetDecoder::~CharsetDecoder() = default;
CharsetDecoder::CharsetDecoder(CharsetDecoder&&) noexcept = default;
CharsetDecoder& CharsetDecoder::operator=(CharsetDecoder&&) noexcept = default;

CharsetDecoder::Result CharsetDecoder::decode(std::string& bytes, std::string_view declared, bool html) {
  State& state = *state_;
  const std::string_view view(bytes);
  auto use = [&](CharsetSource source, const std::string& name) -> Result {
    UConverter* from = state.converter(name);
    if (from == nullptr || !state.convert(bytes, from)) return {CharsetSource::repaired, "UTF-8"};
    UErrorCode status = U_ZERO_ERROR;
    const char* canonical = ucnv_getName(from, &status);
    const char* standard = nullptr;
    for (const char* standard_set : {"MIME", "IANA"}) {
      if (standard == nullptr && U_SUCCESS(status)) standard = ucnv_getStandardName(canonical, standard_set, &status);
    }
    if (std::string_view(bytes).starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);  // a UTF-16 BOM, converted
    return {source, U_SUCCESS(status) && standard != nullptr ? standard : name};
  };
  if (view.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    return {CharsetSource::bom, "UTF-8"};
  }
  if (view.starts_with("\xFF\xFE")) return use(CharsetSource::bom, "UTF-16LE");
  if (view.starts_with("\xFE\xFF")) return use(CharsetSource::bom, "UTF-16BE");

  CharsetSource source = CharsetSource::header;
  std::string name = web_charset_name(declared);
  if (state.converter(name) == nullptr && html) {
    source = CharsetSource::meta;
    name = web_charset_name(meta_charset(view));
  }
  if (state.converter(name) == nullptr) name.clear();
  const bool non_ascii = has_non_ascii(view);
  const bool valid = !non_ascii || is_valid_utf8(view);
  if (name.empty()) {
    if (valid || mostly_utf8(view)) return {CharsetSource::utf8, "UTF-8"};
    const std::string detected = state.detect(view, html);
    if (state.converter(detected) == nullptr || detected == "UTF-8") return {CharsetSource::detected, "UTF-8"};
    return use(CharsetSource::detected, detected);
  }
  if (name == "UTF-8") {
    if (valid || mostly_utf8(view)) return {source, "UTF-8"};
    const std::string detected = state.detect(view, html);
    if (state.converter(detected) == nullptr || detected == "UTF-8") return {source, "UTF-8"};
    return use(CharsetSource::repaired, detected);
  }
  if (non_ascii && valid) return {CharsetSource::repaired, "UTF-8"};
  if (!non_ascii) return {source, name};  // ASCII reads the same in every charset the web declares
  return use(source, name);
}

}  // namespace corpusflow
