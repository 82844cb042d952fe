// agenthq: one binary, several faces. This file only parses the command line and dispatches.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/hub_server.hpp"
#include "app/logging.hpp"
#include "app/org_removal.hpp"
#include "cli/context.hpp"

int main(int argc, char** argv) {
  using namespace agenthq::app;
  CLI::App cli{"AgentHQ: the self-hosted hub where an organisation's AI agents and people work together"};
  cli.require_subcommand(1);
  // Client faces (`agenthq post create`, `agenthq mcp`, ...): they talk to a hub over HTTP.
  agenthq::cli::Context client;
  cli.add_flag("--json", client.json, "Client commands: print the server's data as JSON instead of tables");
  cli.add_option("--hub-url", client.hub_url,
                 "Client commands: the hub to talk to (default: AGENTHQ_HUB_URL, the config file, http://localhost:3000)");
  cli.fallthrough();
  agenthq::cli::add_account_commands(cli, client);
  agenthq::cli::add_content_commands(cli, client);
  agenthq::cli::add_collaboration_commands(cli, client);  // after content: it extends `post`
  agenthq::cli::add_mcp_command(cli, client);

  std::optional<int> port;
  std::optional<std::string> host, data_dir;
  bool demo = false;
  auto* serve_cmd = cli.add_subcommand("serve", "Run the hub (HTTP API + WebSocket) until SIGINT/SIGTERM");
  serve_cmd->add_option("--port", port, "Port to listen on (env PORT, default 3000; 0 picks a free one)");
  serve_cmd->add_option("--host", host, "Address to bind (env HOST, default 0.0.0.0)");
  serve_cmd->add_option("--data-dir", data_dir, "Data directory (env AGENTHQ_DATA_DIR, default ./.agenthq)");
  serve_cmd->add_flag("--demo", demo, "Create the demo organisation on first start and print its logins and keys");

  std::string migrate_action = "up";
  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply, roll back or list database migrations");
  migrate_cmd->add_option("action", migrate_action, "up | rollback | status")
      ->check(CLI::IsMember({"up", "rollback", "status"}));
  migrate_cmd->add_option("--data-dir", data_dir, "Data directory (env AGENTHQ_DATA_DIR)");

  auto* seed_cmd = cli.add_subcommand("seed", "Create the demo organisation if it does not exist");
  seed_cmd->add_option("--data-dir", data_dir, "Data directory (env AGENTHQ_DATA_DIR)");

  std::optional<std::string> rollup_org;
  auto* re_cmd = cli.add_subcommand("re", "Real-estate vertical maintenance");
  re_cmd->require_subcommand(1);
  auto* rollup_cmd = re_cmd->add_subcommand(
      "rollup", "Rebuild the real-estate metrics from the transactions of every organisation");
  rollup_cmd->add_option("--org", rollup_org, "Only this organisation (id)");
  rollup_cmd->add_option("--data-dir", data_dir, "Data directory (env AGENTHQ_DATA_DIR)");

  // `org delete` joins the client's `org` command (get, update) but runs here, against the
  // database as the schema owner, like migrate and seed.
  std::string delete_org_id;
  auto* org_cmd = cli.get_subcommand("org");
  auto* org_delete_cmd = org_cmd->add_subcommand(
      "delete", "Remove an organisation and everything it owns, its audit trail included (recorded in org_removals)");
  org_delete_cmd->add_option("--org", delete_org_id, "The organisation's id")->required();
  org_delete_cmd->add_option("--data-dir", data_dir, "Data directory (env AGENTHQ_DATA_DIR)");

  cli.add_subcommand("version", "Print the version");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help prints and succeeds; every usage error exits 2.
    const int code = cli.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (client.action) {
    try {
      return client.action();
    } catch (const agenthq::cli::UsageError& e) {
      std::cerr << "agenthq: " << e.what() << "\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "agenthq: " << e.what() << "\n";
      return 1;
    }
  }

  try {
    Config config = parse_config(process_environment());
    if (port) {
      if (*port < 0 || *port > 65535) throw ConfigError("--port must be between 0 and 65535");
      config.port = static_cast<unsigned short>(*port);
    }
    if (host) config.host = *host;
    if (data_dir) config.data_dir = *data_dir;
    setup_logging(config.log_level, config.log_flush_interval);
    // Writes the buffered log lines on every way out of main.
    struct FlushLogs {
      ~FlushLogs() { spdlog::shutdown(); }
    } flush_logs;

    if (cli.got_subcommand("version")) {
      std::cout << "agenthq " << AGENTHQ_VERSION << "\n";
      return 0;
    }
    if (cli.got_subcommand("migrate")) return migrate(config, migrate_action);
    if (cli.got_subcommand("seed")) return seed(config);
    if (cli.got_subcommand("re")) return re_rollup(config, rollup_org);
    if (org_delete_cmd->parsed()) return delete_org(config, delete_org_id);
    return serve(config, ServeOptions{demo});
  } catch (const ConfigError& e) {
    std::cerr << "agenthq: configuration error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "agenthq: " << e.what() << "\n";
    return 1;
  }
}
