// How a provider's failure reaches the client (contract 3.15): one place, so that every route
// maps them alike and no message can carry a credential.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "http/api_error.hpp"

namespace agenthq::verticals::real_estate::integrations {

// Replaces every occurrence of each secret (API keys, tokens) in text with "[redacted]": an
// upstream body that echoes what we sent must not carry it into an error message or a log.
std::string redact(std::string text, const std::vector<std::string>& secrets);

// Non-2xx: INTEGRATION_ERROR with the upstream status (502 when it is not a 4xx/5xx) and a message
// holding that status and the first 200 characters of the (redacted) body.
http::ApiError upstream_error(std::string_view provider, long status, std::string_view body,
                              const std::vector<std::string>& secrets);
// One attempt ran out of time: 408 INTEGRATION_TIMEOUT.
http::ApiError upstream_timeout(std::string_view provider, long timeout_ms);
// Retries exhausted on network errors or 429: 502 INTEGRATION_ERROR.
http::ApiError upstream_unreachable(std::string_view provider, std::string_view transport_error);
http::ApiError upstream_rate_limited(std::string_view provider);
// A 2xx whose body is not what the provider's API returns.
http::ApiError upstream_bad_reply(std::string_view provider, std::string_view what);

}  // namespace agenthq::verticals::real_estate::integrations
