#include "io/zstd_compressor.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <stdexcept>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::zstd_decode_all;

TEST(ZstdCompressor, OneFrameWithContentSizeAndChecksum) {
  ZstdCompressor compressor(3);
  std::string input;
  for (int i = 0; i < 5000; ++i) input += "{\"id\":\"0:" + std::to_string(i) + "\",\"text\":\"repeated text\"}\n";
  std::string output = "prefix";
  compressor.compress_frame(input, output);
  ASSERT_TRUE(output.starts_with("prefix"));
  std::string_view frame = std::string_view(output).substr(6);
  EXPECT_EQ(ZSTD_findFrameCompressedSize(frame.data(), frame.size()), frame.size());
  EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), input.size());
  const auto descriptor = static_cast<unsigned char>(frame[4]);  // Frame_Header_Descriptor (RFC 8878)
  EXPECT_NE(descriptor & 0x04, 0) << "Content_Checksum_flag";
  EXPECT_LT(frame.size(), input.size() / 5);
  EXPECT_EQ(zstd_decode_all(frame), input);
}

TEST(ZstdCompressor, FramesAppendIndependentlyAndTheContextIsReused) {
  ZstdCompressor compressor(1);
  std::string output;
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    const std::string batch = std::string(static_cast<size_t>(i) * 100, static_cast<char>('a' + i % 26)) + "\n";
    compressor.compress_frame(batch, output);
    expected += batch;
  }
  compressor.compress_frame("", output);
  EXPECT_EQ(zstd_decode_all(output), expected);
}

TEST(ZstdCompressor, CorruptedFrameFailsItsChecksum) {
  ZstdCompressor compressor(3);
  std::string output;
  compressor.compress_frame("some bytes that will be corrupted", output);
  output[output.size() - 1] = static_cast<char>(output.back() ^ 1);  // last byte belongs to the checksum
  std::string decoded(100, '\0');
  EXPECT_TRUE(ZSTD_isError(ZSTD_decompress(decoded.data(), decoded.size(), output.data(), output.size())));
}

TEST(ZstdCompressor, LevelsOutsideZstdsRangeThrow) {
  EXPECT_THROW(ZstdCompressor(1000), std::invalid_argument);
  EXPECT_NO_THROW(ZstdCompressor(-5));
  EXPECT_NO_THROW(ZstdCompressor(19));
}

}  // namespace
}  // namespace corpusflow
