#pragma once
#include <boost/json/value.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "cli/client_config.hpp"
#include "cli/hub_client.hpp"

namespace CLI {
class App;
}

namespace agenthq::cli {

// A command the hub refused, or that could not reach it: exit code 1, the server's message.
class CommandFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// Bad arguments that the parser could not catch: exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What every client command shares: global flags, the config file, and the way to call the hub.
struct Context {
  bool json = false;                  // --json: print the server's data as JSON
  std::optional<std::string> hub_url;  // --hub-url
  std::function<int()> action;         // set by the chosen subcommand's callback
  std::optional<std::string> token;    // replaces the stored/env credentials for this run

  std::filesystem::path config_file() const { return config_path(); }
  ClientConfig load() const { return load_config(config_file()); }
  void save(const ClientConfig& c) const { save_config(config_file(), c); }
  HubClient client(const ClientConfig& c) const {
    return HubClient(effective_hub_url(c, hub_url), token ? *token : effective_token(c));
  }

  // Calls the API (path below /api/v1 unless it starts with "/health") and returns the envelope;
  // a non-2xx reply throws CommandFailed with the server's message.
  boost::json::value call(const std::string& method, const std::string& path,
                          const std::map<std::string, std::string>& query = {},
                          const std::optional<boost::json::value>& body = std::nullopt) const;
  // Prints data as JSON (--json) or through `human`.
  void print(const boost::json::value& data, const std::function<void(const boost::json::value&)>& human) const;
};

void add_account_commands(CLI::App& app, Context& ctx);  // auth, connect, config, setup
void add_content_commands(CLI::App& app, Context& ctx);  // post, search, feed, agent, channel, activity, insights, org
void add_collaboration_commands(CLI::App& app, Context& ctx);  // post edit/delete/reaction, dm, task, notifications
void add_mcp_command(CLI::App& app, Context& ctx);       // mcp (stdio)

}  // namespace agenthq::cli
