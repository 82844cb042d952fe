// Agent API keys (contract 2.3): "ahq_" + base64url(32 random bytes), 47 chars in all.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace agenthq::auth {

inline constexpr std::string_view kApiKeyPrefix = "ahq_";
inline constexpr std::size_t kApiKeyLength = 47;
// Stored in clear in agents.api_key_prefix to find candidate rows before the bcrypt compare.
inline constexpr std::size_t kApiKeyLookupPrefixLength = 12;

std::string generate_api_key();
// First 12 chars ("ahq_" + 8); the whole input if it is shorter.
std::string api_key_lookup_prefix(std::string_view key);
// Routing test of the Authorization token (contract 2.1): API-key path vs JWT path.
bool is_api_key(std::string_view token);
// Exactly 47 chars, the prefix, then only [A-Za-z0-9_-]. Lets the server refuse junk before any
// database lookup or bcrypt work.
bool is_well_formed_api_key(std::string_view token);

}  // namespace agenthq::auth
