// Properties every reader keeps on damaged input: no crash, at most one io_error and only as the last record,
// payload sizes consistent, the whole file read for its checksum.
#include "io/record_reader.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <random>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::TarBuilder;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

std::string sample_tar() {
  std::string long_path = "pax/long/";
  long_path.append(120, 'p');
  TarBuilder tar;
  tar.pax(TarBuilder::pax_record("path", long_path))
      .member("a", std::string(700, 'a'))
      .member("dir/", "", '5')
      .gnu_long_name(std::string(130, 'g'))
      .member("g", std::string(3000, 'g'), '0', true)
      .member("b", "bee")
      .end();
  return tar.bytes();
}

std::string sample_jsonl() {
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    lines += "{\"i\":" + std::to_string(i) + ",\"t\":\"" + std::string(i * 13, 'x') + "\"}\r\n\n";
  }
  return lines;
}

void check_damaged(const std::string& path, const std::string& file, InputFormat format) {
  auto reader = open_record_reader(path, format, ReaderLimits{512});
  RawRecord record;
  uint64_t records = 0;
  bool error_seen = false;
  while (reader->next(record)) {
    ASSERT_FALSE(error_seen) << "a record after an io_error";
    ++records;
    if (!record.io_error.empty()) {
      error_seen = true;
      EXPECT_TRUE(record.bytes.empty());
    } else if (record.too_large) {
      EXPECT_GT(record.size, 512u);
      EXPECT_TRUE(record.bytes.empty());
    } else {
      EXPECT_EQ(record.bytes.size(), record.size);
    }
  }
  EXPECT_FALSE(reader->next(record));
  EXPECT_EQ(reader->counts().records, records);
  EXPECT_EQ(reader->counts().compressed_bytes_read, file.size());
  EXPECT_EQ(reader->counts().file_checksum, XXH3_64bits(file.data(), file.size()));
}

void damage_and_read(const std::string& original, InputFormat format, bool compress, uint32_t seed) {
  std::mt19937 random(seed);
  std::string file =
      compress ? zstd_frame(original.substr(0, original.size() / 2)) + zstd_frame(original.substr(original.size() / 2))
               : original;
  if (random() % 3 == 0) {
    file.resize(random() % file.size());
  } else {
    const int flips = 1 + static_cast<int>(random() % 8);
    for (int i = 0; i < flips; ++i) file[random() % file.size()] = static_cast<char>(random());
  }
  TempDir dir;
  write_file(dir.file("damaged"), file);
  check_damaged(dir.file("damaged"), file, format);
}

TEST(RecordReader, DamagedTarNeverBreaksTheRules) {
  const std::string tar = sample_tar();
  for (uint32_t seed = 0; seed < 150; ++seed) {
    SCOPED_TRACE(seed);
    damage_and_read(tar, InputFormat::tar, seed % 2 == 0, seed);
  }
}

TEST(RecordReader, DamagedJsonlAndTextNeverBreakTheRules) {
  const std::string jsonl = sample_jsonl();
  for (uint32_t seed = 0; seed < 100; ++seed) {
    SCOPED_TRACE(seed);
    damage_and_read(jsonl, seed % 3 == 0 ? InputFormat::text : InputFormat::jsonl, seed % 2 == 0, seed);
  }
}

TEST(RecordReader, DamagedWarcNeverBreaksTheRules) {
  std::string warc;
  for (int i = 0; i < 10; ++i) {
    const std::string block = "HTTP/1.1 200 OK\r\n\r\n" + std::string(i * 90, 'w');
    warc += "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.example/" + std::to_string(i) +
            "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  }
  for (uint32_t seed = 0; seed < 100; ++seed) {
    SCOPED_TRACE(seed);
    damage_and_read(warc, InputFormat::warc, seed % 2 == 0, seed);
  }
}

TEST(RecordReader, AutoDetectUsesTheExtension) {
  TempDir dir;
  write_file(dir.file("x.jsonl"), "a\nb\n");
  auto reader = open_record_reader(dir.file("x.jsonl"), InputFormat::auto_detect, ReaderLimits{});
  auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].name, "line 2");
}

}  // namespace
}  // namespace corpusflow
