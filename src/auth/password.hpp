// bcrypt password / API-key hashing through libxcrypt.
// BLOCKING: ~170 ms at cost 12. Callers run these on the worker pool, never on an event-loop thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace agenthq::auth {

// bcrypt ignores everything past 72 bytes, so longer passwords would silently share a hash.
constexpr std::size_t kMaxPasswordBytes = 72;

// "$2b$<cost>$..." (60 chars). Throws std::invalid_argument for a cost outside 4..31 (libxcrypt
// would silently turn 0 into 5), a password over kMaxPasswordBytes or one containing a NUL byte;
// std::runtime_error if libxcrypt fails.
std::string hash_password(std::string_view password, int cost = 12);

// True only if stored_hash is a bcrypt "$2a$"/"$2b$" hash of password. Any other stored format is
// false: this libxcrypt also speaks DES and friends, and a garbage row must never verify.
// Passwords over 72 bytes are checked as bcrypt sees them (first 72 bytes), so hashes written by the
// reference server for such passwords keep working.
bool verify_password(std::string_view password, std::string_view stored_hash);

}  // namespace agenthq::auth
