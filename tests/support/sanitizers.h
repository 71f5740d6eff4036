// CORPUSFLOW_ASAN is defined when the code is built with AddressSanitizer, by GCC (__SANITIZE_ADDRESS__) or
// clang (__has_feature), for tests whose measure ASan changes (memory bounds, run time of sweeps).
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define CORPUSFLOW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORPUSFLOW_ASAN 1
#endif
#endif
