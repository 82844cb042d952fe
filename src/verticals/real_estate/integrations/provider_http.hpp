// Sending a request to a provider without blocking the event loop: the curl call runs on the
// outbound pool, backoff waits on a timer, and every failure becomes the contract's error.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "verticals/real_estate/integrations/provider_config.hpp"
#include "verticals/real_estate/integrations/http_call.hpp"

namespace agenthq::verticals::real_estate::integrations {

enum class Retry {
  none,      // QuickBooks and token refreshes: one attempt
  standard,  // FUB and Dotloop (contract 7.2): up to 3 attempts on 429, 5xx and network errors
};

struct Target {
  std::string provider;              // display name used in error messages
  std::vector<std::string> secrets;  // redacted out of any upstream text we repeat
};

// Sends the request (timeout from the configuration) and returns the 2xx reply; throws ApiError
// (INTEGRATION_ERROR / INTEGRATION_TIMEOUT) otherwise.
boost::asio::awaitable<OutboundReply> send_request(const ProviderConfig& config, OutboundRequest request,
                                                   Retry retry, const Target& target);

// The reply's JSON body (null for an empty body); a body that is not JSON is a 502.
boost::json::value parse_reply(const OutboundReply& reply, const Target& target);

}  // namespace agenthq::verticals::real_estate::integrations
