#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace agenthq::cli {

// ~/.config/agenthq/config.json, the older Go CLI's file: same path, keys and modes, so its users
// keep their login when they switch.
struct ClientConfig {
  std::string hub_url;
  std::string api_key;
  std::string jwt_token;
  std::string org_id;
  std::string agent_id;
};

inline constexpr const char* kDefaultHubUrl = "http://localhost:3000";
inline constexpr const char* kConfigKeys[] = {"hub_url", "api_key", "jwt_token", "org_id", "agent_id"};

// $XDG_CONFIG_HOME/agenthq/config.json, else $HOME/.config/agenthq/config.json.
std::filesystem::path config_path();
// A missing file is an empty config; an unreadable or malformed one throws.
ClientConfig load_config(const std::filesystem::path& path);
// Creates the directory with mode 0700 and writes the file with mode 0600, pretty-printed.
void save_config(const std::filesystem::path& path, const ClientConfig& config);

std::string* config_field(ClientConfig& config, const std::string& key);  // nullptr: unknown key

// What a command talks to: flag, then AGENTHQ_HUB_URL, then the file, then localhost:3000.
std::string effective_hub_url(const ClientConfig& config, const std::optional<std::string>& flag);
// AGENTHQ_API_KEY, then the file's api_key, then its jwt_token.
std::string effective_token(const ClientConfig& config);

}  // namespace agenthq::cli
