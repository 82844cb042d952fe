#include "verticals/real_estate/integrations/oauth_refresh.hpp"

#include <boost/json.hpp>

#include "util/encoding.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace json = boost::json;

OutboundRequest refresh_request(Provider provider, const ProviderConfig& config, const OAuthTokens& tokens) {
  OutboundRequest req;
  req.method = "POST";
  req.headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
  if (provider == Provider::quickbooks) {
    req.url = config.quickbooks_auth_url;
    req.headers.push_back("Authorization: Basic " +
                          util::base64_encode(config.quickbooks_client_id + ":" + config.quickbooks_client_secret));
    req.body = form_encode({{"grant_type", "refresh_token"}, {"refresh_token", tokens.refresh_token}});
  } else {
    req.url = config.dotloop_auth_url;
    req.body = form_encode({{"grant_type", "refresh_token"},
                            {"refresh_token", tokens.refresh_token},
                            {"client_id", config.dotloop_client_id},
                            {"client_secret", config.dotloop_client_secret}});
  }
  return req;
}

std::optional<RefreshedTokens> parse_refresh_reply(const json::value& body) {
  const auto* o = body.if_object();
  if (!o) return std::nullopt;
  const auto* access = o->if_contains("access_token");
  if (!access || !access->is_string() || access->as_string().empty()) return std::nullopt;
  RefreshedTokens t;
  t.access_token = std::string(access->as_string());
  if (const auto* r = o->if_contains("refresh_token"); r && r->is_string()) t.refresh_token = std::string(r->as_string());
  if (const auto* e = o->if_contains("expires_in"); e && e->is_number()) {
    const double seconds = e->to_number<double>();
    if (seconds > 0 && seconds < 1e9) t.expires_in_seconds = static_cast<std::int64_t>(seconds);
  }
  return t;
}

}  // namespace agenthq::verticals::real_estate::integrations
