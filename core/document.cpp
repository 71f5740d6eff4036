#include "core/document.h"

namespace corpusflow {

std::string DocumentId::str() const { return std::to_string(shard) + ":" + std::to_string(record); }

const char* to_string(DuplicateKind kind) {
  switch (kind) {
    case DuplicateKind::exact: return "exact";
    case DuplicateKind::url: return "url";
    case DuplicateKind::near: return "near";
    case DuplicateKind::none: break;
  }
  return "none";
}

const char* to_string(CharsetSource source) {
  switch (source) {
    case CharsetSource::header: return "header";
    case CharsetSource::bom: return "bom";
    case CharsetSource::meta: return "meta";
    case CharsetSource::detected: return "detected";
    case CharsetSource::utf8: return "utf8";
    case CharsetSource::repaired: return "repaired";
    case CharsetSource::none: break;
  }
  return "none";
}

}  // namespace corpusflow
