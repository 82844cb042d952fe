#pragma once
#include <chrono>
#include <string>

namespace agenthq::verticals::real_estate::integrations {

// Outbound integrations (contract 1.10 and 7): who the hub says it is to each provider, where the
// providers live (overridable so tests can point them at local fakes) and how long a call may take.
// app::Config holds one, read from the environment.
struct ProviderConfig {
  std::string fub_system_name = "AgentHQ";
  std::string fub_system_key;  // secret
  std::string dotloop_client_id;
  std::string dotloop_client_secret;  // secret
  std::string quickbooks_client_id;
  std::string quickbooks_client_secret;  // secret
  std::string quickbooks_environment = "sandbox";  // sandbox | production
  std::string fub_base_url = "https://api.followupboss.com/v1/";
  std::string dotloop_base_url = "https://api-gateway.dotloop.com/public/v2/";
  std::string dotloop_auth_url = "https://auth.dotloop.com/oauth/token";
  // Everything before {realmId}; the default follows quickbooks_environment.
  std::string quickbooks_base_url = "https://sandbox-quickbooks.api.intuit.com/v3/company/";
  std::string quickbooks_auth_url = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer";
  std::chrono::milliseconds timeout{30000};  // per attempt
  std::chrono::milliseconds backoff{1000};   // first retry delay, doubled per attempt
};

}  // namespace agenthq::verticals::real_estate::integrations
