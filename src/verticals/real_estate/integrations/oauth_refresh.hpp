// The OAuth refresh calls of Dotloop and QuickBooks (contract 7.4, 7.5): request and reply only;
// ProviderSession decides when to refresh and stores the result.
#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "verticals/real_estate/integrations/provider_config.hpp"
#include "verticals/real_estate/integrations/credentials.hpp"
#include "verticals/real_estate/integrations/http_call.hpp"

namespace agenthq::verticals::real_estate::integrations {

// Dotloop: form body with grant_type, refresh_token, client_id, client_secret.
// QuickBooks: Basic client_id:client_secret, form body with grant_type and refresh_token.
OutboundRequest refresh_request(Provider provider, const ProviderConfig& config, const OAuthTokens& tokens);

struct RefreshedTokens {
  std::string access_token;
  std::string refresh_token;  // empty: the provider kept the old one
  std::int64_t expires_in_seconds = 3600;
};
// nullopt when the reply carries no access_token.
std::optional<RefreshedTokens> parse_refresh_reply(const boost::json::value& body);

}  // namespace agenthq::verticals::real_estate::integrations
