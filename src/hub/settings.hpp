#pragma once
#include <chrono>
#include <string>

namespace agenthq::hub {

// Outbound webhooks (contract 3.13, plus the delivery log and retries the reference lacks).
struct WebhookSettings {
  bool allow_internal = false;  // deliver to loopback/link-local/private addresses (tests, closed networks)
  int max_attempts = 5;         // per delivery, the first one included
  std::chrono::milliseconds backoff{1000};  // delay before the first retry, doubled per retry
  std::chrono::milliseconds timeout{10000};  // per attempt
};

// What the hub's services need to know of the configuration. app::Config holds one and fills it
// from the environment; the hub never sees the rest (listen address, pool sizes, ...).
struct Settings {
  std::chrono::seconds jwt_ttl{900};
  std::chrono::seconds jwt_refresh_ttl{604800};
  int bcrypt_cost = 12;
  std::chrono::seconds presence_timeout{300};
  std::string encryption_key;  // 32 raw bytes (decoded from ENCRYPTION_KEY's 64 hex chars)
  WebhookSettings webhooks;
};

}  // namespace agenthq::hub
