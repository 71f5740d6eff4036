#include "io/inflater.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <limits>

namespace corpusflow {

namespace {

uint32_t crc_flag(DeflateWrapper wrapper) {
  switch (wrapper) {
    case DeflateWrapper::gzip: return ISAL_GZIP;
    case DeflateWrapper::zlib: return ISAL_ZLIB;
    case DeflateWrapper::raw: break;
  }
  return ISAL_DEFLATE;
}

}  // namespace

Inflater::Inflater(DeflateWrapper wrapper) : state_(std::make_unique<inflate_state>()), wrapper_(wrapper) {
  isal_inflate_init(state_.get());
  reset();
}

Inflater::~Inflater() = default;

void Inflater::reset() {
  isal_inflate_reset(state_.get());
  state_->crc_flag = crc_flag(wrapper_);
  error_ = 0;
  started_ = false;
}

Inflater::Status Inflater::decode(std::string_view& input, char* output, size_t capacity, size_t& produced) {
  if (error_ != 0) return Status::error;
  constexpr size_t kMaxStep = std::numeric_limits<uint32_t>::max();
  inflate_state& state = *state_;
  state.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(input.data()));
  state.avail_in = static_cast<uint32_t>(std::min(input.size(), kMaxStep));
  state.next_out = reinterpret_cast<uint8_t*>(output);
  state.avail_out = static_cast<uint32_t>(std::min(capacity, kMaxStep));
  const uint32_t in_before = state.avail_in;
  const uint32_t out_before = state.avail_out;
  const int result = isal_inflate(&state);
  const size_t consumed = in_before - state.avail_in;
  const size_t written = out_before - state.avail_out;
  input.remove_prefix(consumed);
  produced += written;
  if (consumed > 0 || written > 0) started_ = true;
  if (result < 0) {
    error_ = result;
    return Status::error;
  }
  return state.block_state == ISAL_BLOCK_FINISH ? Status::member_end : Status::more;
}

const char* Inflater::error_name() const {
  switch (error_) {
    case 0: return "no error";
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK: return "invalid back-reference distance";
    case ISAL_INVALID_WRAPPER: return "invalid gzip/zlib header";
    case ISAL_UNSUPPORTED_METHOD: return "unsupported compression method";
    case ISAL_INCORRECT_CHECKSUM: return "checksum mismatch";
    default: break;
  }
  return "corrupt deflate stream";
}

std::string inflate_body(std::string_view body, DeflateWrapper wrapper, uint64_t max_bytes, std::string& out,
                         bool& over_limit) {
  out.clear();
  over_limit = false;
  Inflater inflater(wrapper);
  const size_t total = body.size();
  size_t produced = 0;
  out.resize(std::min<uint64_t>(std::max<size_t>(4 * body.size(), 4096), max_bytes + 1));
  for (;;) {
    if (produced == out.size()) {
      if (out.size() > max_bytes) {
        out.clear();
        over_limit = true;
        return "decoded size over " + std::to_string(max_bytes) + " bytes";
      }
      out.resize(std::min<uint64_t>(2 * out.size(), max_bytes + 1));
    }
    const Inflater::Status status = inflater.decode(body, out.data() + produced, out.size() - produced, produced);
    if (status == Inflater::Status::error) {
      out.resize(produced);
      return std::string(inflater.error_name()) + " at byte " + std::to_string(total - body.size());
    }
    if (status == Inflater::Status::member_end) {
      if (wrapper != DeflateWrapper::gzip || !starts_with_gzip_magic(body)) break;
      inflater.reset();
      continue;
    }
    if (body.empty() && produced < out.size()) {
      out.resize(produced);
      return "truncated at byte " + std::to_string(total);
    }
  }
  out.resize(produced);
  if (produced > max_bytes) {
    out.clear();
    over_limit = true;
    return "decoded size over " + std::to_string(max_bytes) + " bytes";
  }
  return {};
}

}  // namespace corpusflow
