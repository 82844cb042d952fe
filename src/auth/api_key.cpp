#include "auth/api_key.hpp"

#include <algorithm>

#include "util/crypto.hpp"
#include "util/encoding.hpp"

namespace agenthq::auth {
namespace {

constexpr std::size_t kKeyEntropyBytes = 32;

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string generate_api_key() {
  return std::string(kApiKeyPrefix) + util::base64url_encode(util::random_bytes(kKeyEntropyBytes));
}

std::string api_key_lookup_prefix(std::string_view key) {
  return std::string(key.substr(0, kApiKeyLookupPrefixLength));
}

bool is_api_key(std::string_view token) { return token.starts_with(kApiKeyPrefix); }

bool is_well_formed_api_key(std::string_view token) {
  if (token.size() != kApiKeyLength || !is_api_key(token)) return false;
  const std::string_view body = token.substr(kApiKeyPrefix.size());
  return std::all_of(body.begin(), body.end(), is_base64url_char);
}

}  // namespace agenthq::auth
