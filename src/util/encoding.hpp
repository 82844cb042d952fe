// Byte <-> text encodings used on the wire and at rest (RFC 4648 base64 / base64url, hex).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace agenthq::util {

// Standard alphabet, '=' padded (the at-rest format of integration credentials).
std::string base64_encode(std::string_view bytes);
// Strict: padded input only, standard alphabet, no whitespace; nullopt otherwise.
std::optional<std::string> base64_decode(std::string_view text);

// URL-safe alphabet, no padding (API keys, JWT segments).
std::string base64url_encode(std::string_view bytes);
// Inverse of base64url_encode: URL-safe alphabet, no padding; nullopt otherwise.
std::optional<std::string> base64url_decode(std::string_view text);

// Lowercase.
std::string hex_encode(std::string_view bytes);
// Accepts either case; nullopt on odd length or a non-hex character.
std::optional<std::string> hex_decode(std::string_view hex);

}  // namespace agenthq::util
