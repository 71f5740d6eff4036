// Web input throughput per stage of its path: gzip decoding (one member, and one member per record as Common
// Crawl writes), WARC splitting with HTTP heads parsed and bodies decoded (plain, per-record gzip, chunked +
// gzip Content-Encoding), and charset conversion to UTF-8. Pages are the 1,000 ANT sample pages wrapped as HTML;
// bytes are decoded bytes (gzip) or uncompressed file bytes (WARC) or page bytes (charset).
#include <benchmark/benchmark.h>
#include <unicode/ucnv.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "io/input_stream.h"
#include "io/record_reader.h"
#include "stages/parse/charset.h"
#include "tests/support/sample_records.h"

namespace corpusflow {
namespace {

std::string gzip_member(std::string_view bytes) {
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  out.resize(stream.total_out);
  return out;
}

const std::vector<std::string>& html_pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> result;
    for (const RawRecord& member : testing::ant_members(0)) {
      std::string page =
          "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>page</title></head><body>";
      size_t start = 0;
      for (size_t end; (end = member.bytes.find('\n', start)) != std::string::npos; start = end + 1) {
        page.append("<p>").append(member.bytes, start, end - start).append("</p>\n");
      }
      page.append("</body></html>");
      result.push_back(std::move(page));
    }
    return result;
  }();
  return pages;
}

enum class Layout { plain, gzip_members, chunked_gzip_bodies };

std::string warc_of(Layout layout) {
  std::string file;
  size_t i = 0;
  for (const std::string& page : html_pages()) {
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n";
    if (layout == Layout::chunked_gzip_bodies) {
      const std::string body = gzip_member(page);
      http += "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
      for (size_t at = 0; at < body.size(); at += 4096) {
        const size_t size = std::min<size_t>(4096, body.size() - at);
        char hex[16];
        std::snprintf(hex, sizeof hex, "%zx\r\n", size);
        http.append(hex).append(body, at, size).append("\r\n");
      }
      http += "0\r\n\r\n";
    } else {
      http += "\r\n" + page;
    }
    std::string record = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/" +
                         std::to_string(i++) +
                         "\r\nWARC-Date: 2024-05-18T07:24:47Z\r\n"
                         "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    file += layout == Layout::gzip_members ? gzip_member(record) : record;
  }
  return file;
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("corpusflow-web-bench-" + std::to_string(getpid()) + "-" + name))
          .string();
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::vector<std::string>& temp_files() {
  static std::vector<std::string> files;
  return files;
}

const std::string& file_for(const std::string& name, const std::string& (*make)()) {
  static std::map<std::string, std::string> paths;
  auto found = paths.find(name);
  if (found == paths.end()) {
    found = paths.emplace(name, temp_file(name, make())).first;
    temp_files().push_back(found->second);
  }
  return found->second;
}

const std::string& all_pages() {
  static const std::string joined = [] {
    std::string out;
    for (const std::string& page : html_pages()) out += page;
    return out;
  }();
  return joined;
}

void decode_gzip(benchmark::State& state, const std::string& path) {
  uint64_t bytes = 0;
  for (auto _ : state) {
    InputStream stream(path);
    for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) bytes += chunk.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_GzipDecode_OneMember(benchmark::State& state) {
  decode_gzip(state, file_for("one.gz", []() -> const std::string& {
                static const std::string file = gzip_member(all_pages());
                return file;
              }));
}

void BM_GzipDecode_MemberPerPage(benchmark::State& state) {
  decode_gzip(state, file_for("members.gz", []() -> const std::string& {
                static const std::string file = [] {
                  std::string out;
                  for (const std::string& page : html_pages()) out += gzip_member(page);
                  return out;
                }();
                return file;
              }));
}

void split_warc(benchmark::State& state, const std::string& path) {
  uint64_t bytes = 0, records = 0;
  RawRecord record;
  for (auto _ : state) {
    auto reader = open_record_reader(path, InputFormat::warc, ReaderLimits{});
    while (reader->next(record)) benchmark::DoNotOptimize(record.bytes.data());
    bytes += reader->counts().uncompressed_bytes;
    records += reader->counts().records;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(records));
}

void BM_WarcSplit_Plain(benchmark::State& state) {
  split_warc(state, file_for("plain.warc", []() -> const std::string& {
               static const std::string file = warc_of(Layout::plain);
               return file;
             }));
}

void BM_WarcSplit_GzipMemberPerRecord(benchmark::State& state) {
  split_warc(state, file_for("members.warc.gz", []() -> const std::string& {
               static const std::string file = warc_of(Layout::gzip_members);
               return file;
             }));
}

void BM_WarcSplit_ChunkedGzipBodies(benchmark::State& state) {
  split_warc(state, file_for("chunked.warc", []() -> const std::string& {
               static const std::string file = warc_of(Layout::chunked_gzip_bodies);
               return file;
             }));
}

// The pages in another charset, converted by ICU (what a server in that charset would send).
std::vector<std::string> pages_in(const char* charset) {
  std::vector<std::string> out;
  for (const std::string& page : html_pages()) {
    std::string converted(4 * page.size() + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t size = ucnv_convert(charset, "UTF-8", converted.data(), static_cast<int32_t>(converted.size()),
                                      page.data(), static_cast<int32_t>(page.size()), &status);
    converted.resize(U_SUCCESS(status) ? static_cast<size_t>(size) : 0);
    out.push_back(std::move(converted));
  }
  return out;
}

void decode_charset(benchmark::State& state, const std::vector<std::string>& pages, const char* declared) {
  CharsetDecoder decoder;
  uint64_t bytes = 0;
  std::string page;
  for (auto _ : state) {
    for (const std::string& original : pages) {
      page = original;
      benchmark::DoNotOptimize(decoder.decode(page, declared, true).source);
      bytes += original.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_Charset_Utf8Declared(benchmark::State& state) { decode_charset(state, html_pages(), "utf-8"); }
void BM_Charset_Windows1256Declared(benchmark::State& state) {
  static const std::vector<std::string> pages = pages_in("windows-1256");
  decode_charset(state, pages, "windows-1256");
}
void BM_Charset_Windows1256Detected(benchmark::State& state) {
  static const std::vector<std::string> pages = pages_in("windows-1256");
  decode_charset(state, pages, "");
}

BENCHMARK(BM_GzipDecode_OneMember)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GzipDecode_MemberPerPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcSplit_Plain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcSplit_GzipMemberPerRecord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcSplit_ChunkedGzipBodies)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Charset_Utf8Declared)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Charset_Windows1256Declared)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Charset_Windows1256Detected)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corpusflow

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const std::string& path : corpusflow::temp_files()) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  return 0;
}
