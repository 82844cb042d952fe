#pragma once
#include <chrono>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include "hub/settings.hpp"
#include "verticals/real_estate/integrations/provider_config.hpp"

namespace agenthq::app {

// A configuration value that cannot be used; the message names the variable.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Typed, validated configuration, read once at start from the environment (flags override).
struct Config {
  std::string database_url;        // empty: the hub runs its embedded PostgreSQL
  std::string database_admin_url;  // role that owns the schema and runs migrations; defaults to database_url
  std::string host = "0.0.0.0";
  unsigned short port = 3000;
  std::string jwt_secret;  // >= 32 bytes
  std::chrono::milliseconds rate_limit_window{60000};
  long rate_limit_max = 100;
  std::string cors_origin = "http://localhost:3001";
  std::string metrics_token;  // empty: /metrics is open
  std::string log_level = "info";
  std::chrono::seconds log_flush_interval{1};  // 0: every line is written at once
  std::filesystem::path data_dir = "./.agenthq";
  bool production = false;
  std::size_t db_pool_size = 10;  // per process, shared out between event-loop threads
  unsigned threads = 0;           // 0: one per core
  std::size_t ws_max_queued_frames = 1024;  // per WebSocket client; a client that stops reading is cut off
  std::size_t read_cache_entries = 256;  // per cache and process; 0: no read caches (hub/cache/)
  hub::Settings hub;  // JWT lifetimes, bcrypt cost, presence, ENCRYPTION_KEY, webhooks
  verticals::real_estate::integrations::ProviderConfig providers;
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
