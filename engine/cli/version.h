// The program's version and the git commit it was built from (generated into the build folder, version.cpp.in).
#pragma once

namespace corpusflow {

const char* version();       // "0.1.0", the project version
const char* commit();        // "25c7fb6", "25c7fb6-dirty" or "unknown"
const char* version_line();  // "corpusflow 0.1.0 (25c7fb6)", what --version prints

}  // namespace corpusflow
