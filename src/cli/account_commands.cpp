// auth login | login-agent | whoami | logout | export, connect, config set | get, setup test.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <boost/json.hpp>
#include <iostream>

#include "cli/context.hpp"
#include "cli/output.hpp"

namespace agenthq::cli {
namespace json = boost::json;

namespace {

std::string str_at(const json::value& v, std::initializer_list<const char*> path) {
  const json::value* cur = &v;
  for (const char* k : path) {
    const auto* o = cur->if_object();
    cur = o ? o->if_contains(k) : nullptr;
    if (!cur) return "";
  }
  return cur->is_string() ? std::string(cur->as_string()) : "";
}

std::string read_secret_line(const char* prompt) {
  std::cerr << prompt << std::flush;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

json::object identity_of(const ClientConfig& c, const std::string& hub_url) {
  const char* kind = !c.api_key.empty() ? "agent" : !c.jwt_token.empty() ? "user" : "none";
  return {{"hub_url", hub_url}, {"auth", kind}, {"org_id", c.org_id}, {"agent_id", c.agent_id},
          {"api_key_prefix", c.api_key.substr(0, std::min<std::size_t>(c.api_key.size(), 12))}};
}

void add_auth(CLI::App& app, Context& ctx) {
  auto* auth = app.add_subcommand("auth", "Log in, register this machine as an agent, show or clear the identity");
  auth->require_subcommand(1);

  struct Login {
    std::string email, password;
  };
  auto login = std::make_shared<Login>();
  auto* login_cmd = auth->add_subcommand("login", "Log in as a person; stores the JWT, organisation and hub");
  login_cmd->add_option("--email", login->email, "Your email")->required();
  login_cmd->add_option("--password", login->password, "Your password (read from standard input when omitted)");
  login_cmd->callback([&ctx, login] {
    ctx.action = [&ctx, login] {
      std::string password = login->password.empty() ? read_secret_line("Password: ") : login->password;
      ClientConfig c = ctx.load();
      ctx.token = "";  // logging in needs no credentials
      json::value r = ctx.call("POST", "/auth/login", {}, json::value{{"email", login->email}, {"password", password}});
      const auto& data = r.at("data");
      c.hub_url = effective_hub_url(c, ctx.hub_url);
      c.api_key.clear();  // a person now: an agent key stored before would take precedence
      c.agent_id.clear();
      c.jwt_token = str_at(data, {"accessToken"});
      c.org_id = str_at(data, {"user", "org_id"});
      ctx.save(c);
      ctx.print(data.at("user"), [&](const json::value& user) {
        std::cout << "Logged in to " << c.hub_url << " as " << display(user.at("email")) << " ("
                  << display(user.at("role")) << ")\n";
      });
      return 0;
    };
  });

  struct LoginAgent {
    std::string name, description, token;
  };
  auto la = std::make_shared<LoginAgent>();
  auto* la_cmd = auth->add_subcommand("login-agent", "Register this machine as an agent; stores its API key");
  la_cmd->add_option("--name", la->name, "Agent name")->required();
  la_cmd->add_option("--description", la->description, "What the agent does");
  la_cmd->add_option("--token", la->token, "A user's JWT (default: the one `auth login` stored)");
  la_cmd->callback([&ctx, la] {
    ctx.action = [&ctx, la] {
      ClientConfig c = ctx.load();
      if (!la->token.empty()) c.jwt_token = la->token;
      if (c.jwt_token.empty()) throw UsageError("login-agent needs a user's token: run `agenthq auth login` or pass --token");
      c.hub_url = effective_hub_url(c, ctx.hub_url);
      ctx.token = c.jwt_token;  // registered as the user, whatever agent key is stored
      json::object body{{"name", la->name}};
      if (!la->description.empty()) body["description"] = la->description;
      json::value r = ctx.call("POST", "/auth/agents/register", {}, json::value(body));
      const auto& data = r.at("data");
      c.api_key = str_at(data, {"apiKey"});
      c.agent_id = str_at(data, {"agent", "id"});
      c.org_id = str_at(data, {"agent", "org_id"});
      ctx.save(c);
      ctx.print(data.at("agent"), [&](const json::value& agent) {
        std::cout << "Registered agent " << display(agent.at("name")) << " (" << display(agent.at("id"))
                  << "); its API key is stored in " << ctx.config_file().string() << "\n";
      });
      return 0;
    };
  });

  auth->add_subcommand("whoami", "Show the stored identity")->callback([&ctx] {
    ctx.action = [&ctx] {
      const ClientConfig c = ctx.load();
      ctx.print(identity_of(c, effective_hub_url(c, ctx.hub_url)), [](const json::value& id) {
        print_fields(std::cout, id, {{"Hub", "hub_url"}, {"Signed in as", "auth"}, {"Organisation", "org_id"},
                                     {"Agent", "agent_id"}, {"API key", "api_key_prefix"}});
      });
      return 0;
    };
  });

  auth->add_subcommand("logout", "Clear the stored credentials (the hub URL stays)")->callback([&ctx] {
    ctx.action = [&ctx] {
      ClientConfig c = ctx.load();
      c = ClientConfig{c.hub_url, "", "", "", ""};
      ctx.save(c);
      if (!ctx.json) std::cout << "Logged out\n";
      else std::cout << "{}\n";
      return 0;
    };
  });

  auth->add_subcommand("export", "Print the connection settings for an agent process (shell exports)")->callback([&ctx] {
    ctx.action = [&ctx] {
      const ClientConfig c = ctx.load();
      const std::string url = effective_hub_url(c, ctx.hub_url), key = effective_token(c);
      if (key.empty()) throw CommandFailed("no credentials stored; run `agenthq auth login-agent` first");
      ctx.print(json::object{{"hub_url", url}, {"api_key", key}, {"org_id", c.org_id}, {"agent_id", c.agent_id}},
                [&](const json::value&) {
                  std::cout << "export AGENTHQ_HUB_URL='" << url << "'\nexport AGENTHQ_API_KEY='" << key << "'\n";
                });
      return 0;
    };
  });
}

// "http(s)://host[:port][/prefix]/invite/AHQ-xxxxx-xxxx" -> (hub URL, token); a bare token -> ("", token).
std::pair<std::string, std::string> split_invite(std::string text) {
  while (!text.empty() && (text.back() == '/' || text.back() == ' ')) text.pop_back();
  const auto at = text.rfind("/invite/");
  if (at == std::string::npos) return {"", text};
  std::string hub = text.substr(0, at), token = text.substr(at + 8);
  if (!hub.starts_with("http://") && !hub.starts_with("https://"))
    throw UsageError("an invite URL starts with http:// or https:// (or pass the bare AHQ-… token)");
  if (const auto q = token.find_first_of("?#"); q != std::string::npos) token.erase(q);
  return {hub, token};
}

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "agent";
  return buf;
}

void add_connect(CLI::App& app, Context& ctx) {
  struct Connect {
    std::string invite, name;
  };
  auto cn = std::make_shared<Connect>();
  auto* cmd = app.add_subcommand("connect", "Redeem an agent invite: this machine joins the organisation as an agent");
  cmd->add_option("invite", cn->invite, "The invite URL (http(s)://host/invite/AHQ-…) or its token")->required();
  cmd->add_option("--name", cn->name, "The agent's name (default: this machine's host name)");
  cmd->callback([&ctx, cn] {
    ctx.action = [&ctx, cn] {
      auto [hub, token] = split_invite(cn->invite);
      if (token.empty()) throw UsageError("the invite has no token");
      ClientConfig c = ctx.load();
      if (!ctx.hub_url && !hub.empty()) ctx.hub_url = hub;  // --hub-url wins over the URL's host
      c.hub_url = effective_hub_url(c, ctx.hub_url);
      ctx.token = "";  // redeeming needs no credentials
      const std::string name = cn->name.empty() ? host_name() : cn->name;
      json::value r = ctx.call("POST", "/auth/invites/redeem", {}, json::value{{"token", token}, {"agentName", name}});
      const auto& data = r.at("data");
      c.api_key = str_at(data, {"apiKey"});
      c.agent_id = str_at(data, {"agent", "id"});
      c.org_id = str_at(data, {"orgId"});
      ctx.save(c);
      ctx.print(data.at("agent"), [&](const json::value& agent) {
        std::cout << "Connected to " << c.hub_url << " as agent " << display(agent.at("name")) << " ("
                  << display(agent.at("id")) << "); its API key is stored in " << ctx.config_file().string() << "\n";
      });
      return 0;
    };
  });
}

void add_config(CLI::App& app, Context& ctx) {
  auto* config = app.add_subcommand("config", "Show or change ~/.config/agenthq/config.json");
  config->require_subcommand(1);
  auto kv = std::make_shared<std::pair<std::string, std::string>>();
  std::vector<std::string> keys(std::begin(kConfigKeys), std::end(kConfigKeys));
  auto* set = config->add_subcommand("set", "Set one key: hub_url, api_key, jwt_token, org_id or agent_id");
  set->add_option("key", kv->first, "Key")->required()->check(CLI::IsMember(keys));
  set->add_option("value", kv->second, "Value (empty to clear)")->required();
  set->callback([&ctx, kv] {
    ctx.action = [&ctx, kv] {
      ClientConfig c = ctx.load();
      *config_field(c, kv->first) = kv->second;
      ctx.save(c);
      return 0;
    };
  });
  auto key = std::make_shared<std::string>();
  auto* get = config->add_subcommand("get", "Show the config (secrets shortened), or one key in full");
  get->add_option("key", *key, "Only this key")->check(CLI::IsMember(keys));
  get->callback([&ctx, key] {
    ctx.action = [&ctx, key] {
      ClientConfig c = ctx.load();
      if (!key->empty()) {
        std::cout << (ctx.json ? json::serialize(json::value(*config_field(c, *key))) : *config_field(c, *key)) << "\n";
        return 0;
      }
      json::object o;
      for (const char* k : kConfigKeys) {
        std::string v = *config_field(c, k);
        if ((std::string(k) == "api_key" || std::string(k) == "jwt_token") && v.size() > 12) v = v.substr(0, 12) + "…";
        o[k] = v;
      }
      ctx.print(o, [](const json::value& v) {
        print_fields(std::cout, v, {{"hub_url", "hub_url"}, {"api_key", "api_key"}, {"jwt_token", "jwt_token"},
                                    {"org_id", "org_id"}, {"agent_id", "agent_id"}});
      });
      return 0;
    };
  });
}

void add_setup(CLI::App& app, Context& ctx) {
  auto* setup = app.add_subcommand("setup", "Check the connection to the hub");
  setup->require_subcommand(1);
  setup->add_subcommand("test", "GET /health: is the hub reachable and its database up?")->callback([&ctx] {
    ctx.action = [&ctx] {
      const ClientConfig c = ctx.load();
      const std::string url = effective_hub_url(c, ctx.hub_url);
      HttpReply reply;
      try {
        reply = HubClient(url, "").request("GET", "/health");
      } catch (const TransportError& e) {
        throw CommandFailed(e.what());
      }
      // Any JSON answer from /health means the hub is there; the database may still be down (503).
      boost::system::error_code ec;
      json::value body = json::parse(reply.body, ec);
      if (ec || !body.is_object()) throw CommandFailed(url + " answered, but not like an AgentHQ hub (HTTP " +
                                                       std::to_string(reply.status) + ")");
      json::object out = body.as_object();
      out["hub_url"] = url;
      ctx.print(out, [&](const json::value& v) {
        std::cout << "Hub " << url << " is reachable; database: " << display(v.at("database")) << "\n";
      });
      return reply.status == 200 ? 0 : 1;
    };
  });
}

}  // namespace

void add_account_commands(CLI::App& app, Context& ctx) {
  add_connect(app, ctx);
  add_auth(app, ctx);
  add_config(app, ctx);
  add_setup(app, ctx);
}

}  // namespace agenthq::cli
