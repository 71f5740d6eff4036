# Every dependency comes from Debian's packages, found with find_package or pkg-config.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(TBB REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(simdjson REQUIRED)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# gzip input: ISA-L's igzip, 3x zlib's inflate here (docs/formats.md, "Compression").
pkg_check_modules(ISAL REQUIRED IMPORTED_TARGET libisal)
# gzip output of `corpusflow gen --format warc` (engine/gen/gzip_compressor.h says why zlib).
find_package(ZLIB REQUIRED)
# IDNA for the URL key's hosts (UTS #46).
pkg_check_modules(IDN2 REQUIRED IMPORTED_TARGET libidn2)
# The HTML parser of the extract stage (docs/html.md says why libxml2 and not gumbo).
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)

# CLD2 ships neither a CMake config nor a .pc file: find its header and library directly.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(cld2::cld2 PROPERTIES
  IMPORTED_LOCATION "${CLD2_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")

if(CORPUSFLOW_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CORPUSFLOW_BENCH)
  find_package(benchmark REQUIRED)
endif()
