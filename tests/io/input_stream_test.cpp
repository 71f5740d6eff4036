#include "io/input_stream.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::gzip_member;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

std::string varied_bytes(size_t size, uint32_t seed = 1) {
  std::string bytes(size, '\0');
  uint32_t state = seed;
  for (size_t i = 0; i < size; ++i) {
    state = state * 1103515245u + 12345u;
    bytes[i] = static_cast<char>("abcdefgh \n"[(state >> 16) % 10]);
  }
  return bytes;
}

struct Decoded {
  std::string bytes;
  std::string error;
  bool compressed = false;
  uint64_t compressed_offset = 0;
  uint64_t checksum = 0;
  size_t chunks = 0;
};

Decoded decode(const std::string& path) {
  InputStream stream(path);
  Decoded result;
  for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) {
    EXPECT_LE(chunk.size(), InputStream::kDecodedSize);
    result.bytes.append(chunk);
    ++result.chunks;
  }
  EXPECT_EQ(stream.decoded_offset(), result.bytes.size());
  stream.drain_undecoded();
  result.error = stream.error();
  result.compressed = stream.compressed();
  result.compressed_offset = stream.compressed_offset();
  result.checksum = stream.file_checksum();
  return result;
}

TEST(ZstdStream, PlainFilePassesThroughWithChecksum) {
  TempDir dir;
  const std::string content = varied_bytes(700'000);
  write_file(dir.file("plain.txt"), content);
  Decoded decoded = decode(dir.file("plain.txt"));
  EXPECT_FALSE(decoded.compressed);
  EXPECT_EQ(decoded.error, "");
  EXPECT_EQ(decoded.bytes, content);
  EXPECT_EQ(decoded.compressed_offset, content.size());
  EXPECT_EQ(decoded.checksum, XXH3_64bits(content.data(), content.size()));
}

TEST(ZstdStream, SingleLargeFrameDecodesInBoundedChunks) {
  TempDir dir;
  const std::string content = varied_bytes(3'000'000);
  const std::string file = zstd_frame(content);
  write_file(dir.file("one.zst"), file);
  Decoded decoded = decode(dir.file("one.zst"));
  EXPECT_TRUE(decoded.compressed);
  EXPECT_EQ(decoded.error, "");
  EXPECT_EQ(decoded.bytes, content);
  EXPECT_GT(decoded.chunks, 3u);
  EXPECT_EQ(decoded.compressed_offset, file.size());
  EXPECT_EQ(decoded.checksum, XXH3_64bits(file.data(), file.size()));
}

TEST(ZstdStream, MultiFrameAndSkippableFrames) {
  TempDir dir;
  std::string skippable(8, '\0');
  const uint32_t magic = ZSTD_MAGIC_SKIPPABLE_START | 3;
  std::memcpy(skippable.data(), &magic, 4);  // frame size 0 in bytes 4..7
  const std::string parts[] = {varied_bytes(1000, 1), "", varied_bytes(400'000, 2), "last"};
  std::string file = skippable;
  std::string content;
  for (const std::string& part : parts) {
    file += zstd_frame(part);
    content += part;
  }
  write_file(dir.file("multi.zst"), file);
  Decoded decoded = decode(dir.file("multi.zst"));
  EXPECT_TRUE(decoded.compressed);
  EXPECT_EQ(decoded.error, "");
  EXPECT_EQ(decoded.bytes, content);
}

TEST(ZstdStream, TruncatedStreamNamesTheOffset) {
  TempDir dir;
  const std::string content = varied_bytes(500'000);
  std::string file = zstd_frame(content);
  file.resize(file.size() / 2);
  write_file(dir.file("cut.zst"), file);
  Decoded decoded = decode(dir.file("cut.zst"));
  EXPECT_EQ(decoded.error, "truncated zstd stream at compressed offset " + std::to_string(file.size()));
  EXPECT_LT(decoded.bytes.size(), content.size());
  EXPECT_EQ(decoded.bytes, content.substr(0, decoded.bytes.size()));
}

TEST(ZstdStream, MagicAloneIsTruncated) {
  TempDir dir;
  write_file(dir.file("magic.zst"), std::string("\x28\xb5\x2f\xfd", 4));
  EXPECT_EQ(decode(dir.file("magic.zst")).error, "truncated zstd stream at compressed offset 4");
}

TEST(ZstdStream, CorruptSecondFrameKeepsTheFirst) {
  TempDir dir;
  const std::string first = varied_bytes(10'000, 3);
  const std::string first_frame = zstd_frame(first);
  std::string second_frame = zstd_frame(varied_bytes(10'000, 4));
  second_frame[0] = 'X';  // no longer a frame magic
  write_file(dir.file("bad.zst"), first_frame + second_frame);
  Decoded decoded = decode(dir.file("bad.zst"));
  EXPECT_EQ(decoded.bytes, first);
  EXPECT_TRUE(decoded.error.starts_with("zstd: ")) << decoded.error;
  EXPECT_NE(decoded.error.find("at compressed offset " + std::to_string(first_frame.size())), std::string::npos)
      << decoded.error;
  EXPECT_EQ(decoded.compressed_offset, first_frame.size() + second_frame.size());
}

TEST(ZstdStream, CorruptBlockIsAnError) {
  TempDir dir;
  std::string file = zstd_frame(varied_bytes(200'000, 5));
  for (size_t i = file.size() / 2; i < file.size() / 2 + 64; ++i) file[i] = static_cast<char>(file[i] ^ 0x5a);
  write_file(dir.file("flipped.zst"), file);
  Decoded decoded = decode(dir.file("flipped.zst"));
  EXPECT_TRUE(decoded.error.starts_with("zstd: ")) << decoded.error;
}

TEST(ZstdStream, GarbageIsReadAsPlainBytes) {
  TempDir dir;
  const std::string garbage = "\x01\x02garbage\xff\xfe";
  write_file(dir.file("garbage.zst"), garbage);
  Decoded decoded = decode(dir.file("garbage.zst"));
  EXPECT_FALSE(decoded.compressed);
  EXPECT_EQ(decoded.error, "");
  EXPECT_EQ(decoded.bytes, garbage);
}

TEST(ZstdStream, EmptyAndMissingFiles) {
  TempDir dir;
  write_file(dir.file("empty"), "");
  Decoded empty = decode(dir.file("empty"));
  EXPECT_EQ(empty.error, "");
  EXPECT_EQ(empty.bytes, "");
  EXPECT_EQ(empty.checksum, XXH3_64bits("", 0));

  Decoded missing = decode(dir.file("missing.zst"));
  EXPECT_TRUE(missing.error.starts_with("cannot open " + dir.file("missing.zst") + ": ")) << missing.error;
  EXPECT_EQ(missing.bytes, "");
}

TEST(ZstdStream, DecompressFileToWritesEverythingAndThrowsOnCorruption) {
  TempDir dir;
  const std::string content = varied_bytes(300'000, 6);
  write_file(dir.file("good.zst"), zstd_frame(content.substr(0, 1000)) + zstd_frame(content.substr(1000)));
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  decompress_file_to(dir.file("good.zst"), out);
  std::rewind(out);
  std::string written(content.size() + 10, '\0');
  written.resize(std::fread(written.data(), 1, written.size(), out));
  std::fclose(out);
  EXPECT_EQ(written, content);

  std::string cut = zstd_frame(content);
  cut.resize(100);
  write_file(dir.file("cut.zst"), cut);
  std::FILE* sink = std::tmpfile();
  try {
    decompress_file_to(dir.file("cut.zst"), sink);
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()), dir.file("cut.zst") + ": truncated zstd stream at compressed offset 100");
  }
  std::fclose(sink);
}

TEST(GzipStream, ConcatenatedMembersDecodeInBoundedChunks) {
  TempDir dir;
  std::string expected, file;
  for (uint32_t i = 0; i < 300; ++i) {  // CC's layout: one member per record, some small, some large
    const std::string record = varied_bytes(i % 7 == 0 ? 100'000 : 700, i + 1);
    expected += record;
    file += gzip_member(record);
  }
  write_file(dir.file("a.warc.gz"), file);
  Decoded decoded = decode(dir.file("a.warc.gz"));
  EXPECT_EQ(decoded.error, "");
  EXPECT_TRUE(decoded.compressed);
  EXPECT_EQ(decoded.bytes, expected);
  EXPECT_EQ(decoded.compressed_offset, file.size());
  EXPECT_EQ(decoded.checksum, XXH3_64bits(file.data(), file.size()));
}

TEST(GzipStream, TruncatedMemberKeepsTheMembersBeforeAndNamesTheOffset) {
  TempDir dir;
  const std::string first = gzip_member(varied_bytes(50'000, 1));
  const std::string second = gzip_member(varied_bytes(50'000, 2));
  write_file(dir.file("cut.gz"), first + second.substr(0, second.size() / 2));
  Decoded decoded = decode(dir.file("cut.gz"));
  EXPECT_EQ(decoded.bytes.substr(0, 50'000), varied_bytes(50'000, 1));
  EXPECT_LT(decoded.bytes.size(), 100'000u);
  EXPECT_EQ(decoded.error,
            "truncated gzip member at compressed offset " + std::to_string(first.size() + second.size() / 2));
}

TEST(GzipStream, CorruptMemberAndChecksumAndTrailingBytesAreErrors) {
  TempDir dir;
  const std::string first = gzip_member(varied_bytes(20'000, 1));
  std::string second = gzip_member(varied_bytes(20'000, 2));
  std::string bad_crc = second;
  bad_crc[bad_crc.size() - 6] ^= 0x55;  // the CRC-32 in the trailer
  write_file(dir.file("crc.gz"), first + bad_crc);
  Decoded crc = decode(dir.file("crc.gz"));
  EXPECT_EQ(crc.error.rfind("gzip: checksum mismatch at compressed offset ", 0), 0u) << crc.error;
  EXPECT_EQ(crc.bytes.substr(0, 20'000), varied_bytes(20'000, 1));

  std::string bad_block = second;
  for (size_t i = 12; i < 40; ++i) bad_block[i] = static_cast<char>(0xff);
  write_file(dir.file("block.gz"), first + bad_block);
  Decoded block = decode(dir.file("block.gz"));
  EXPECT_EQ(block.error.rfind("gzip: ", 0), 0u) << block.error;
  EXPECT_NE(block.error.find("at compressed offset "), std::string::npos) << block.error;

  write_file(dir.file("trailing.gz"), first + "not gzip");
  Decoded trailing = decode(dir.file("trailing.gz"));
  EXPECT_EQ(trailing.bytes, varied_bytes(20'000, 1));
  EXPECT_EQ(trailing.error, "gzip: bytes after the last member are not a gzip member at compressed offset " +
                                std::to_string(first.size()));
}

TEST(GzipStream, BombIsDecodedInBoundedChunks) {
  TempDir dir;
  const std::string zeros(64 << 20, '\0');
  write_file(dir.file("bomb.gz"), gzip_member(zeros, 9));
  InputStream stream(dir.file("bomb.gz"));
  uint64_t total = 0;
  for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) {
    ASSERT_LE(chunk.size(), InputStream::kDecodedSize);
    total += chunk.size();
  }
  EXPECT_EQ(stream.error(), "");
  EXPECT_EQ(total, zeros.size());
}

TEST(InputStream, OtherCompressionsAreClearErrorsNotText) {
  TempDir dir;
  const std::pair<const char*, std::string> magics[] = {{"xz", std::string("\xFD"
                                                                           "7zXZ\x00 rest",
                                                                           11)},
                                                        {"bzip2", "BZh91AY&SY rest"},
                                                        {"lz4", std::string("\x04\x22\x4D\x18 rest", 9)},
                                                        {"zip", std::string("PK\x03\x04 rest", 9)}};
  for (const auto& [name, bytes] : magics) {
    write_file(dir.file("f"), bytes);
    Decoded decoded = decode(dir.file("f"));
    EXPECT_TRUE(decoded.bytes.empty()) << name;
    EXPECT_EQ(decoded.error.rfind(std::string("unsupported compression (") + name + "): ", 0), 0u) << decoded.error;
    EXPECT_EQ(decoded.checksum, XXH3_64bits(bytes.data(), bytes.size())) << name;
  }
}

}  // namespace
}  // namespace corpusflow
