#include "app/config.hpp"

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <thread>

#include "util/crypto.hpp"
#include "util/encoding.hpp"
#include "util/time.hpp"

extern char** environ;

namespace agenthq::app {
namespace {

std::string get(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? std::string() : it->second;
}

long parse_integer(const Environment& env, const std::string& name, long fallback, long min, long max) {
  std::string v = get(env, name);
  if (v.empty()) return fallback;
  long out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size() || out < min || out > max)
    throw ConfigError(name + " must be an integer between " + std::to_string(min) + " and " + std::to_string(max) +
                      " (got \"" + v + "\")");
  return out;
}

std::chrono::seconds parse_ttl(const Environment& env, const std::string& name, std::chrono::seconds fallback) {
  std::string v = get(env, name);
  if (v.empty()) return fallback;
  auto d = util::parse_duration(v);
  if (!d || *d < std::chrono::seconds(1))
    throw ConfigError(name + " must be a duration like 15m, 7d, 30s, 2h or milliseconds (got \"" + v + "\")");
  return std::chrono::duration_cast<std::chrono::seconds>(*d);
}

std::string decode_encryption_key(const std::string& hex) {
  auto raw = util::hex_decode(hex);
  if (hex.size() != 64 || !raw || raw->size() != 32)
    throw ConfigError("ENCRYPTION_KEY must be exactly 64 hexadecimal characters (32 bytes)");
  return *raw;
}

// A provider endpoint: http(s) only, no spaces; base URLs end with '/' so paths append cleanly.
std::string parse_url(const Environment& env, const std::string& name, const std::string& fallback, bool base) {
  std::string v = get(env, name);
  if (v.empty()) return fallback;
  if ((v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) || v.find_first_of(" \t\r\n") != std::string::npos)
    throw ConfigError(name + " must be an http:// or https:// URL (got \"" + v + "\")");
  if (base && v.back() != '/') v += '/';
  return v;
}

verticals::real_estate::integrations::ProviderConfig parse_providers(const Environment& env) {
  verticals::real_estate::integrations::ProviderConfig p;
  if (auto v = get(env, "FUB_SYSTEM_NAME"); !v.empty()) p.fub_system_name = v;
  p.fub_system_key = get(env, "FUB_SYSTEM_KEY");
  p.dotloop_client_id = get(env, "DOTLOOP_CLIENT_ID");
  p.dotloop_client_secret = get(env, "DOTLOOP_CLIENT_SECRET");
  p.quickbooks_client_id = get(env, "QUICKBOOKS_CLIENT_ID");
  p.quickbooks_client_secret = get(env, "QUICKBOOKS_CLIENT_SECRET");
  if (auto v = get(env, "QUICKBOOKS_ENVIRONMENT"); !v.empty()) {
    if (v != "sandbox" && v != "production")
      throw ConfigError("QUICKBOOKS_ENVIRONMENT must be sandbox or production (got \"" + v + "\")");
    p.quickbooks_environment = v;
  }
  if (p.quickbooks_environment == "production")
    p.quickbooks_base_url = "https://quickbooks.api.intuit.com/v3/company/";
  p.fub_base_url = parse_url(env, "AGENTHQ_FUB_BASE_URL", p.fub_base_url, true);
  p.dotloop_base_url = parse_url(env, "AGENTHQ_DOTLOOP_BASE_URL", p.dotloop_base_url, true);
  p.dotloop_auth_url = parse_url(env, "AGENTHQ_DOTLOOP_AUTH_URL", p.dotloop_auth_url, false);
  p.quickbooks_base_url = parse_url(env, "AGENTHQ_QUICKBOOKS_BASE_URL", p.quickbooks_base_url, true);
  p.quickbooks_auth_url = parse_url(env, "AGENTHQ_QUICKBOOKS_AUTH_URL", p.quickbooks_auth_url, false);
  p.timeout = std::chrono::milliseconds(parse_integer(env, "AGENTHQ_PROVIDER_TIMEOUT_MS", 30000, 100, 600000));
  p.backoff = std::chrono::milliseconds(parse_integer(env, "AGENTHQ_PROVIDER_BACKOFF_MS", 1000, 0, 60000));
  return p;
}

}  // namespace

Environment process_environment() {
  Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string_view::npos) env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return env;
}

Config parse_config(const Environment& env) {
  Config c;
  std::string mode = get(env, "AGENTHQ_ENV");
  if (mode.empty()) mode = get(env, "NODE_ENV");
  if (mode.empty() || mode == "development" || mode == "test") {
    c.production = false;
  } else if (mode == "production") {
    c.production = true;
  } else {
    throw ConfigError("AGENTHQ_ENV must be development or production (got \"" + mode + "\")");
  }
  c.database_url = get(env, "DATABASE_URL");
  c.database_admin_url = get(env, "DATABASE_ADMIN_URL");
  if (c.database_admin_url.empty()) c.database_admin_url = c.database_url;
  if (auto h = get(env, "HOST"); !h.empty()) c.host = h;
  c.port = static_cast<unsigned short>(parse_integer(env, "PORT", 3000, 0, 65535));
  c.jwt_secret = get(env, "JWT_SECRET");
  if (!c.jwt_secret.empty() && c.jwt_secret.size() < 32)
    throw ConfigError("JWT_SECRET must be at least 32 bytes long");
  c.hub.jwt_ttl = parse_ttl(env, "JWT_EXPIRES_IN", c.hub.jwt_ttl);
  c.hub.jwt_refresh_ttl = parse_ttl(env, "JWT_REFRESH_EXPIRES_IN", c.hub.jwt_refresh_ttl);
  c.rate_limit_window =
      std::chrono::milliseconds(parse_integer(env, "RATE_LIMIT_WINDOW_MS", 60000, 1, 24L * 3600 * 1000));
  c.rate_limit_max = parse_integer(env, "RATE_LIMIT_MAX", 100, 1, 100'000'000);
  if (auto v = get(env, "CORS_ORIGIN"); !v.empty()) c.cors_origin = v;
  c.metrics_token = get(env, "METRICS_TOKEN");
  if (auto v = get(env, "LOG_LEVEL"); !v.empty()) {
    static const std::string levels[] = {"trace", "debug", "info", "warn", "error", "off"};
    if (std::find(std::begin(levels), std::end(levels), v) == std::end(levels))
      throw ConfigError("LOG_LEVEL must be one of trace, debug, info, warn, error, off (got \"" + v + "\")");
    c.log_level = v;
  }
  c.log_flush_interval = std::chrono::seconds(parse_integer(env, "LOG_FLUSH_INTERVAL_S", 1, 0, 60));
  if (auto v = get(env, "ENCRYPTION_KEY"); !v.empty()) c.hub.encryption_key = decode_encryption_key(v);
  if (auto v = get(env, "AGENTHQ_DATA_DIR"); !v.empty()) c.data_dir = v;
  c.db_pool_size = static_cast<std::size_t>(parse_integer(env, "DATABASE_POOL_MAX", 16, 1, 1000));
  c.threads = static_cast<unsigned>(parse_integer(env, "AGENTHQ_THREADS", 0, 0, 256));
  if (c.threads == 0) c.threads = std::max(1u, std::thread::hardware_concurrency());
  c.hub.bcrypt_cost = static_cast<int>(parse_integer(env, "AGENTHQ_BCRYPT_COST", 12, 4, 15));
  c.hub.presence_timeout = std::chrono::seconds(parse_integer(env, "AGENTHQ_PRESENCE_TIMEOUT_S", 300, 1, 86400));
  c.ws_max_queued_frames = static_cast<std::size_t>(parse_integer(env, "AGENTHQ_WS_MAX_QUEUE", 1024, 1, 1'000'000));
  c.read_cache_entries = static_cast<std::size_t>(parse_integer(env, "AGENTHQ_READ_CACHE_ENTRIES", 256, 0, 100'000));
  c.providers = parse_providers(env);
  if (auto v = get(env, "AGENTHQ_WEBHOOK_ALLOW_PRIVATE"); !v.empty()) {
    if (v != "0" && v != "1" && v != "true" && v != "false")
      throw ConfigError("AGENTHQ_WEBHOOK_ALLOW_PRIVATE must be 0, 1, true or false (got \"" + v + "\")");
    c.hub.webhooks.allow_internal = v == "1" || v == "true";
  }
  c.hub.webhooks.max_attempts = static_cast<int>(parse_integer(env, "AGENTHQ_WEBHOOK_MAX_ATTEMPTS", 5, 1, 20));
  c.hub.webhooks.backoff = std::chrono::milliseconds(parse_integer(env, "AGENTHQ_WEBHOOK_BACKOFF_MS", 1000, 1, 3'600'000));
  c.hub.webhooks.timeout = std::chrono::milliseconds(parse_integer(env, "AGENTHQ_WEBHOOK_TIMEOUT_MS", 10000, 100, 60'000));
  return c;
}

void resolve_secrets(Config& c) {
  if (c.production) {
    if (c.jwt_secret.empty()) throw ConfigError("JWT_SECRET is required in production (at least 32 bytes)");
    if (c.hub.encryption_key.empty()) throw ConfigError("ENCRYPTION_KEY is required in production (64 hex characters)");
    return;
  }
  if (!c.jwt_secret.empty() && !c.hub.encryption_key.empty()) return;
  // Development: generate once, keep beside the data so tokens survive restarts.
  std::filesystem::create_directories(c.data_dir);
  const auto path = c.data_dir / "secrets.env";
  Environment stored;
  if (std::ifstream in(path); in) {
    std::string line;
    while (std::getline(in, line))
      if (auto eq = line.find('='); eq != std::string::npos) stored[line.substr(0, eq)] = line.substr(eq + 1);
  }
  bool changed = false;
  if (get(stored, "JWT_SECRET").size() < 32) {
    stored["JWT_SECRET"] = util::hex_encode(util::random_bytes(32));
    changed = true;
  }
  if (get(stored, "ENCRYPTION_KEY").size() != 64) {
    stored["ENCRYPTION_KEY"] = util::hex_encode(util::random_bytes(32));
    changed = true;
  }
  if (changed) {
    const auto tmp = path.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << "# Generated by agenthq for development. Set JWT_SECRET and ENCRYPTION_KEY in production.\n";
      for (auto& [k, v] : stored) out << k << '=' << v << '\n';
      if (!out) throw ConfigError("cannot write " + path.string());
    }
    ::chmod(tmp.c_str(), 0600);
    std::filesystem::rename(tmp, path);
  }
  if (c.jwt_secret.empty()) c.jwt_secret = stored["JWT_SECRET"];
  if (c.hub.encryption_key.empty()) c.hub.encryption_key = decode_encryption_key(stored["ENCRYPTION_KEY"]);
}

}  // namespace agenthq::app
