// Provider credentials (contract 7.1): their shapes, and how they are sealed at rest.
#pragma once
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agenthq::verticals::real_estate::integrations {

enum class Provider { fub, dotloop, quickbooks };

std::optional<Provider> provider_from(std::string_view type);  // "fub" | "dotloop" | "quickbooks"
const char* type_name(Provider p);
const char* display_name(Provider p);  // for messages: "Follow Up Boss", "Dotloop", "QuickBooks"

// Checks the shape of a connect request's credentials and returns the object to store (only the
// fields of that shape, expiresAt as integer milliseconds). Throws VALIDATION_ERROR naming the
// field; a message never repeats a value.
//   fub        {apiKey: string}
//   dotloop    {accessToken: string, refreshToken: string, expiresAt: number}
//   quickbooks {accessToken: string, refreshToken: string, realmId: string, expiresAt: number}
boost::json::object validated_credentials(Provider p, const boost::json::object& submitted);

// AES-256-GCM of the credentials' JSON under the 32-byte key (util::aes256gcm_encrypt's format).
// An empty key is a server misconfiguration: 500 with a clear message.
std::string seal(const std::string& key, const boost::json::object& credentials);
// nullopt when the text cannot be opened with this key or is not a JSON object.
std::optional<boost::json::object> unseal(const std::string& key, const std::string& sealed);

// The OAuth tokens of Dotloop and QuickBooks credentials.
struct OAuthTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_at_ms = 0;  // Unix epoch milliseconds
  std::string realm_id;            // QuickBooks only
};
std::optional<OAuthTokens> oauth_tokens(const boost::json::object& credentials);
// Refresh when expiresAt is at most 5 minutes away (contract 7.4).
bool needs_refresh(const OAuthTokens& tokens, std::chrono::system_clock::time_point now);
// The credentials with new tokens; a refresh reply without a refresh token keeps the old one.
boost::json::object refreshed(boost::json::object credentials, const std::string& access_token,
                              const std::string& refresh_token, std::int64_t expires_at_ms);

// Every secret value in the credentials, for redaction.
std::vector<std::string> secrets_of(const boost::json::object& credentials);

}  // namespace agenthq::verticals::real_estate::integrations
