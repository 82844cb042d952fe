// OpenSSL-backed randomness, hashing and authenticated encryption.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::util {

// Cryptographically secure bytes (RAND_bytes); throws std::runtime_error if the RNG fails.
std::string random_bytes(std::size_t n);

// Raw 32-byte digest / its lowercase hex form.
std::string sha256(std::string_view data);
std::string sha256_hex(std::string_view data);

// Timing does not depend on where the inputs differ (only on their lengths, which are not secret here).
bool constant_time_equals(std::string_view a, std::string_view b);

// AES-256-GCM per contract 7.1: key is 32 raw bytes; output is
// base64(IV(12) || tag(16) || ciphertext), no AAD. A key of any other length is a
// configuration error and throws std::invalid_argument from both functions.
std::string aes256gcm_encrypt(std::string_view key32, std::string_view plaintext);
// nullopt when the text is not valid base64, too short, tampered with, or sealed under another key.
std::optional<std::string> aes256gcm_decrypt(std::string_view key32, std::string_view encoded);

}  // namespace agenthq::util
