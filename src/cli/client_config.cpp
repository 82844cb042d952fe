#include "cli/client_config.hpp"

#include <sys/stat.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/output.hpp"

namespace agenthq::cli {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}
}  // namespace

fs::path config_path() {
  if (auto xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) return fs::path(xdg) / "agenthq" / "config.json";
  auto home = env("HOME");
  if (home.empty()) throw std::runtime_error("HOME is not set; cannot find ~/.config/agenthq/config.json");
  return fs::path(home) / ".config" / "agenthq" / "config.json";
}

std::string* config_field(ClientConfig& c, const std::string& key) {
  if (key == "hub_url") return &c.hub_url;
  if (key == "api_key") return &c.api_key;
  if (key == "jwt_token") return &c.jwt_token;
  if (key == "org_id") return &c.org_id;
  if (key == "agent_id") return &c.agent_id;
  return nullptr;
}

ClientConfig load_config(const fs::path& path) {
  ClientConfig c;
  std::ifstream in(path);
  if (!in) return c;
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  json::value v = json::parse(ss.str(), ec);
  if (ec || !v.is_object()) throw std::runtime_error(path.string() + " is not a JSON object");
  for (const char* key : kConfigKeys)
    if (const auto* f = v.as_object().if_contains(key); f && f->is_string()) *config_field(c, key) = f->as_string();
  return c;
}

void save_config(const fs::path& path, const ClientConfig& config) {
  fs::create_directories(path.parent_path());
  ::chmod(path.parent_path().c_str(), 0700);
  json::object o;
  ClientConfig copy = config;
  for (const char* key : kConfigKeys) o[key] = *config_field(copy, key);
  const fs::path tmp = path.string() + ".tmp";
  {
    // Created 0600 before anything is written: a token never sits in a readable file.
    std::ofstream touch(tmp, std::ios::trunc);
    if (!touch) throw std::runtime_error("cannot write " + tmp.string());
  }
  ::chmod(tmp.c_str(), 0600);
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << pretty_json(o) << "\n";
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

std::string effective_hub_url(const ClientConfig& config, const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (auto v = env("AGENTHQ_HUB_URL"); !v.empty()) return v;
  if (!config.hub_url.empty()) return config.hub_url;
  return kDefaultHubUrl;
}

std::string effective_token(const ClientConfig& config) {
  if (auto v = env("AGENTHQ_API_KEY"); !v.empty()) return v;
  if (!config.api_key.empty()) return config.api_key;
  return config.jwt_token;
}

}  // namespace agenthq::cli
