// Fuzz target: InputStream over arbitrary bytes decodes exactly what libzstd's one-shot streaming decoder
// decodes (zstd input), fails exactly when that decoder fails or stops mid-frame, passes plain bytes through
// unchanged, names an offset when gzip input fails, and hashes every byte of the file.
#include <xxhash.h>
#include <zstd.h>

#include <cstring>
#include <string>

#include "io/input_stream.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr size_t kMaxDecoded = 8 << 20;  // larger outputs are not compared (the fuzzer would only slow down)

enum class Reference { ok, failed, too_large };

// The oracle: the whole input through one ZSTD_decompressStream context, as `zstd -dc` reads it.
Reference reference_decode(const uint8_t* data, size_t size, std::string& out) {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  ZSTD_inBuffer input{data, size, 0};
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  size_t last = 0;
  Reference result = Reference::ok;
  while (input.pos < input.size || last != 0) {
    ZSTD_outBuffer output{chunk.data(), chunk.size(), 0};
    const size_t before = input.pos;
    last = ZSTD_decompressStream(context, &output, &input);
    if (ZSTD_isError(last)) {
      result = Reference::failed;
      break;
    }
    out.append(chunk.data(), output.pos);
    if (out.size() > kMaxDecoded) {
      result = Reference::too_large;
      break;
    }
    if (input.pos == before && output.pos == 0) {
      if (last != 0) result = Reference::failed;  // input used up in the middle of a frame
      break;
    }
  }
  ZSTD_freeDCtx(context);
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const corpusflow::fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data), size));
  corpusflow::InputStream stream(file.path());
  std::string decoded;
  for (std::string_view chunk = stream.read(); !chunk.empty(); chunk = stream.read()) {
    FUZZ_CHECK(chunk.size() <= corpusflow::InputStream::kDecodedSize, "chunk over kDecodedSize");
    decoded.append(chunk);
    if (decoded.size() > kMaxDecoded) return 0;
  }
  FUZZ_CHECK(stream.read().empty(), "read() returned bytes after the end");
  FUZZ_CHECK(stream.decoded_offset() == decoded.size(), "decoded_offset differs from the bytes returned");
  stream.drain_undecoded();
  FUZZ_CHECK(stream.compressed_offset() == size, "the whole file was not read");
  FUZZ_CHECK(stream.file_checksum() == XXH3_64bits(data, size), "file checksum differs");

  if (stream.compression() == corpusflow::Compression::gzip) {
    FUZZ_CHECK(!stream.failed() || stream.error().find("offset") != std::string::npos,
               "a gzip error does not name the offset");
    return 0;
  }
  if (stream.failed() && stream.error().starts_with("unsupported compression")) {
    FUZZ_CHECK(decoded.empty(), "bytes of an unsupported compression were returned");
    return 0;
  }
  if (!stream.compressed()) {
    FUZZ_CHECK(!stream.failed(), "a plain file failed");
    FUZZ_CHECK(decoded.size() == size && (size == 0 || std::memcmp(decoded.data(), data, size) == 0),
               "plain bytes changed");
    return 0;
  }
  std::string expected;
  const Reference reference = reference_decode(data, size, expected);
  if (reference == Reference::too_large) return 0;
  if (reference == Reference::ok) {
    FUZZ_CHECK(!stream.failed(), stream.error().c_str());
    FUZZ_CHECK(decoded == expected, "decoded bytes differ from libzstd's");
  } else {
    FUZZ_CHECK(stream.failed(), "a stream libzstd rejects was accepted");
    FUZZ_CHECK(stream.error().find("offset") != std::string::npos, "the error does not name the offset");
    FUZZ_CHECK(expected.compare(0, decoded.size(), decoded) == 0 || decoded.size() > expected.size(),
               "bytes decoded before the error differ from libzstd's");
  }
  return 0;
}
