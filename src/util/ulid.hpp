// ULIDs: the primary keys of every row the server creates (contract 1.9).
#pragma once

#include <string>

namespace agenthq::util {

// 26 chars of Crockford base32 (upper case): 48-bit Unix-ms timestamp then 80 random bits.
// Monotonic across the process: within one millisecond (or if the clock steps back) the previous
// random part is incremented, so ids sort in creation order. Thread-safe.
std::string new_ulid();

}  // namespace agenthq::util
