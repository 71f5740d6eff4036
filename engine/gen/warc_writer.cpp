#include "engine/gen/warc_writer.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "engine/gen/site_table.h"

namespace corpusflow::gen {
namespace {

// Shares of the variants, drawn per page.
constexpr double kChunkedShare = 0.15;
constexpr double kGzipShare = 0.15;
constexpr double kBothShare = 0.05;      // gzip-encoded and then chunked
constexpr double kNotFoundShare = 0.02;  // a 404 response before the page
constexpr double kImageShare = 0.02;     // an image/png response before the page

constexpr std::string_view kCrlf = "\r\n";

std::string_view host_part(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const size_t end = url.find('/', start);
  return url.substr(0, end == std::string_view::npos ? url.size() : end);
}

std::string_view host_only(std::string_view url) {
  const size_t scheme = url.find("://");
  const std::string_view origin = host_part(url);
  return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

std::string_view path_part(std::string_view url) {
  const std::string_view origin = host_part(url);
  return origin.size() < url.size() ? url.substr(origin.size()) : std::string_view("/");
}

void append_http_head(std::string_view status, std::string_view content_type, std::string_view extra,
                      std::string& out) {
  out += "HTTP/1.1 ";
  out += status;
  out += kCrlf;
  out += "Content-Type: ";
  out += content_type;
  out += kCrlf;
  out += "Server: nginx\r\n";
  out += extra;
}

void append_chunked(std::string_view body, Rng& rng, std::string& out) {
  char size[24];
  size_t at = 0;
  while (at < body.size()) {
    const size_t length = std::min(body.size() - at, static_cast<size_t>(rng.between(256, 8192)));
    std::snprintf(size, sizeof size, "%zx\r\n", length);
    out += size;
    out.append(body.substr(at, length));
    out += kCrlf;
    at += length;
  }
  out += "0\r\n\r\n";
}

}  // namespace

WarcCounts& WarcCounts::operator+=(const WarcCounts& other) {
  warcinfo += other.warcinfo;
  requests += other.requests;
  pages += other.pages;
  not_found += other.not_found;
  images += other.images;
  chunked += other.chunked;
  gzip += other.gzip;
  return *this;
}

std::string warc_date(uint64_t seconds) {
  const uint64_t in_day = seconds % 86400;
  char time[16];
  std::snprintf(time, sizeof time, "T%02u:%02u:%02uZ", static_cast<unsigned>(in_day / 3600),
                static_cast<unsigned>(in_day / 60 % 60), static_cast<unsigned>(in_day % 60));
  return format_day(static_cast<int64_t>(seconds / 86400)) + time;
}

WarcShardWriter::WarcShardWriter(std::string path, uint64_t seed, uint32_t shard, int level)
    : path_(std::move(path)), tmp_path_(path_ + ".tmp"), seed_(seed), shard_(shard), compressor_(level) {
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (file_ == nullptr) throw std::runtime_error(tmp_path_ + ": " + std::strerror(errno));
  const std::string name = std::filesystem::path(path_).filename().string();
  block_ =
      "software: corpusflow gen\r\nformat: WARC File Format 1.1\r\n"
      "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
      "description: synthetic pages with known duplicates (truth.jsonl.zst)\r\nseed: " +
      std::to_string(seed_) + "\r\n";
  // A fixed date: the file's bytes depend on the seed and options alone.
  add_record("warcinfo", next_record_id(), "2026-12-01T00:00:00Z", "", "application/warc-fields", block_,
             "WARC-Filename: " + name + "\r\n");
  ++counts_.warcinfo;
}

WarcShardWriter::~WarcShardWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(tmp_path_.c_str());
  }
}

std::string WarcShardWriter::next_record_id() {
  Rng rng(derive_seed(seed_ ^ 0x77617263ULL, (static_cast<uint64_t>(shard_) << 40) + records_++));
  const uint64_t high = (rng.next() & ~0xF000ULL) | 0x4000ULL;                        // version 4
  const uint64_t low = (rng.next() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char id[64];
  std::snprintf(id, sizeof id, "<urn:uuid:%08x-%04x-%04x-%04x-%012llx>", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>(high >> 16 & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return id;
}

void WarcShardWriter::add_record(std::string_view type, std::string_view record_id, std::string_view date,
                                 std::string_view uri, std::string_view content_type, std::string_view block,
                                 std::string_view extra_headers, double keep) {
  record_.clear();
  record_ += "WARC/1.1\r\nWARC-Type: ";
  record_ += type;
  record_ += "\r\nWARC-Record-ID: ";
  record_ += record_id;
  record_ += "\r\nWARC-Date: ";
  record_ += date;
  record_ += kCrlf;
  if (!uri.empty()) {
    record_ += "WARC-Target-URI: ";
    record_ += uri;
    record_ += kCrlf;
  }
  record_ += extra_headers;
  record_ += "Content-Type: ";
  record_ += content_type;
  record_ += "\r\nContent-Length: ";
  record_ += std::to_string(block.size());
  record_ += "\r\n\r\n";
  record_ += block;
  record_ += "\r\n\r\n";
  bytes_in_ += record_.size();
  const size_t start = out_.size();
  compressor_.append_member(record_, out_);
  if (keep < 1.0) out_.resize(start + static_cast<size_t>(static_cast<double>(out_.size() - start) * keep));
  if (out_.size() >= (1u << 20)) flush();
}

std::string WarcShardWriter::add_exchange(std::string_view url, std::string_view date, std::string_view http_block,
                                          double keep) {
  const std::string request_id = next_record_id();
  std::string response_id = next_record_id();
  std::string request = "GET ";
  request += path_part(url);
  request += " HTTP/1.1\r\nHost: ";
  request += host_only(url);
  request += "\r\nUser-Agent: corpusflow-gen/0.1\r\nAccept: text/html,*/*;q=0.8\r\nAccept-Encoding: gzip\r\n\r\n";
  add_record("request", request_id, date, url, "application/http; msgtype=request", request,
             "WARC-Concurrent-To: " + response_id + "\r\n");
  ++counts_.requests;
  add_record("response", response_id, date, url, "application/http; msgtype=response", http_block,
             "WARC-Concurrent-To: " + request_id + "\r\n", keep);
  return response_id;
}

void WarcShardWriter::add_skipped_response(std::string_view url, std::string_view date, Rng& rng) {
  block_.clear();
  std::string target(host_part(url));
  if (rng.chance(0.5)) {
    target += "/missing/" + std::to_string(rng.below(1000000)) + ".html";
    body_ =
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n";
    append_http_head("404 Not Found", "text/html; charset=utf-8",
                     "Content-Length: " + std::to_string(body_.size()) + "\r\n\r\n", block_);
    ++counts_.not_found;
  } else {
    target += "/images/" + std::to_string(rng.below(1000000)) + ".png";
    body_.assign("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const size_t bytes = static_cast<size_t>(rng.between(64, 2048));
    for (size_t i = 0; i < bytes; ++i) body_ += static_cast<char>(rng.next() & 0xFF);
    append_http_head("200 OK", "image/png", "Content-Length: " + std::to_string(body_.size()) + "\r\n\r\n", block_);
    ++counts_.images;
  }
  block_ += body_;
  const std::string http = block_;
  add_exchange(target, date, http, 1.0);
}

std::string WarcShardWriter::add_page(std::string_view url, uint64_t mtime, std::string_view html, WarcDamage damage) {
  if (cut_) throw std::logic_error("warc writer: a page added after the shard was cut");
  Rng rng(derive_seed(seed_ ^ 0x70616765ULL, (static_cast<uint64_t>(shard_) << 40) + pages_++));
  const std::string date = warc_date(mtime);
  const double skip_roll = rng.unit();
  if (skip_roll < kNotFoundShare + kImageShare) add_skipped_response(url, date, rng);

  const double roll = rng.unit();
  const bool gzip = roll < kGzipShare + kBothShare || damage == WarcDamage::bad_gzip_body;
  const bool chunked = (roll >= kGzipShare && roll < kGzipShare + kBothShare + kChunkedShare);
  std::string_view body = html;
  if (damage == WarcDamage::bad_gzip_body) {
    // gzip's header, then bytes that are no deflate stream (block type 3 is reserved).
    body_.assign("\x1f\x8b\x08\0\0\0\0\0\0\x03\xff\xff\xff\xff", 14);
    body_.append(html.substr(0, std::min<size_t>(html.size(), 64)));
    body = body_;
  } else if (gzip) {
    body_.clear();
    compressor_.append_member(html, body_);
    body = body_;
  }
  std::string extra;
  if (gzip) extra += "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
  extra += chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + std::to_string(body.size()) + "\r\n";
  extra += kCrlf;
  block_.clear();
  append_http_head("200 OK", "text/html; charset=utf-8", extra, block_);
  if (chunked) {
    append_chunked(body, rng, block_);
  } else {
    block_.append(body);
  }
  const std::string http = block_;
  const bool truncated = damage == WarcDamage::truncated;
  std::string response_id = add_exchange(url, date, http, truncated ? 0.5 : 1.0);
  ++counts_.pages;
  counts_.chunked += chunked;
  counts_.gzip += gzip;
  cut_ = truncated;
  return response_id;
}

void WarcShardWriter::flush() {
  if (out_.empty()) return;
  if (std::fwrite(out_.data(), 1, out_.size(), file_) != out_.size()) {
    throw std::runtime_error(tmp_path_ + ": write failed: " + std::strerror(errno));
  }
  bytes_out_ += out_.size();
  out_.clear();
}

void WarcShardWriter::finish() {
  flush();
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) throw std::runtime_error(tmp_path_ + ": close failed: " + std::strerror(errno));
  std::filesystem::rename(tmp_path_, path_);
}

}  // namespace corpusflow::gen
