#pragma once
#include <chrono>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

namespace agenthq::app {

// A configuration value that cannot be used; the message names the variable.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Outbound integrations (contract 1.10 and 7): who the hub says it is to each provider, where the
// providers live (overridable so tests can point them at local fakes) and how long a call may take.
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

// Outbound webhooks (contract 3.13, plus the delivery log and retries the reference lacks).
struct WebhookConfig {
  bool allow_internal = false;  // deliver to loopback/link-local/private addresses (tests, closed networks)
  int max_attempts = 5;         // per delivery, the first one included
  std::chrono::milliseconds backoff{1000};  // delay before the first retry, doubled per retry
  std::chrono::milliseconds timeout{10000};  // per attempt
};

// Typed, validated configuration, read once at start from the environment (flags override).
struct Config {
  std::string database_url;        // empty: the hub runs its embedded PostgreSQL
  std::string database_admin_url;  // role that owns the schema and runs migrations; defaults to database_url
  std::string host = "0.0.0.0";
  unsigned short port = 3000;
  std::string jwt_secret;  // >= 32 bytes
  std::chrono::seconds jwt_ttl{900};
  std::chrono::seconds jwt_refresh_ttl{604800};
  std::chrono::milliseconds rate_limit_window{60000};
  long rate_limit_max = 100;
  std::string cors_origin = "http://localhost:3001";
  std::string metrics_token;  // empty: /metrics is open
  std::string log_level = "info";
  std::string encryption_key;  // 32 raw bytes (decoded from ENCRYPTION_KEY's 64 hex chars)
  std::filesystem::path data_dir = "./.agenthq";
  bool production = false;
  std::size_t db_pool_size = 10;  // per process, shared out between event-loop threads
  unsigned threads = 0;           // 0: one per core
  int bcrypt_cost = 12;
  std::chrono::seconds presence_timeout{300};
  std::size_t ws_max_queued_frames = 1024;  // per WebSocket client; a client that stops reading is cut off
  std::size_t read_cache_entries = 256;  // per cache and process; 0: no read caches (hub/cache/)
  ProviderConfig providers;
  WebhookConfig webhooks;
};

using Environment = std::map<std::string, std::string>;

Environment process_environment();

// Parses every variable the hub knows; throws ConfigError naming the first bad one.
// Secrets are not resolved here (see resolve_secrets).
Config parse_config(const Environment& env);

// Fills jwt_secret and encryption_key when they were not given: in production that is an
// error; in development a random value is generated once and kept in <data_dir>/secrets.env.
void resolve_secrets(Config& config);

}  // namespace agenthq::app
