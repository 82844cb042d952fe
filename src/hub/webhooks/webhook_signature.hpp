#pragma once
#include <string>
#include <string_view>

namespace agenthq::hub {

// The X-AgentHQ-Signature value for a delivery: "sha256=" + lowercase hex HMAC-SHA256 of the
// exact body bytes under the webhook's secret (OpenSSL).
std::string webhook_signature(std::string_view secret, std::string_view body);

}  // namespace agenthq::hub
