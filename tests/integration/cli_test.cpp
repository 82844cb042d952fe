// The client face of the binary: `agenthq <command>` run as a user would, against a live hub,
// with its config file in a temporary HOME.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  void SetUp() override {
    char tmpl[] = "/tmp/agenthq-cli-home.XXXXXX";
    home_ = mkdtemp(tmpl);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(home_, ec);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(hub_->port()); }
  fs::path config_file() const { return home_ / ".config" / "agenthq" / "config.json"; }
  json::object config() const {
    std::ifstream in(config_file());
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str()).as_object();
  }

  ProcessResult agenthq(std::vector<std::string> args, std::map<std::string, std::string> env = {}) const {
    args.insert(args.begin(), AGENTHQ_BINARY);
    env.emplace("HOME", home_.string());
    env.emplace("XDG_CONFIG_HOME", "");
    env.emplace("AGENTHQ_HUB_URL", "");
    env.emplace("AGENTHQ_API_KEY", "");
    return run_process(args, env);
  }
  // Runs with --json and returns the printed data.
  json::value data(std::vector<std::string> args) const {
    args.push_back("--json");
    auto r = agenthq(args);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    boost::system::error_code ec;
    json::value v = json::parse(r.out, ec);
    EXPECT_FALSE(ec) << r.out;
    return v;
  }

  // Logs in as a new org's owner, then registers this machine as an agent.
  TestOrg login_as_agent(const std::string& label, const std::string& agent_name) const {
    auto org = register_org(hub_->client(), label);
    auto r = agenthq({"auth", "login", "--email", org.owner_email, "--password", org.password, "--hub-url", url()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    r = agenthq({"auth", "login-agent", "--name", agent_name, "--description", "CLI test agent"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return org;
  }

  fs::path home_;
  static HubProcess* hub_;
};
HubProcess* Cli::hub_ = nullptr;

TEST_F(Cli, SetupTestChecksTheHub) {
  auto r = agenthq({"setup", "test", "--hub-url", url()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("reachable"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("database: ok") != std::string::npos, true) << r.out;
  auto down = agenthq({"setup", "test", "--hub-url", "http://127.0.0.1:1"});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_NE(down.err.find("cannot reach http://127.0.0.1:1"), std::string::npos) << down.err;
}

TEST_F(Cli, LoginsWriteThePrivateConfigFile) {
  auto org = login_as_agent("cli-login", "cli-bot");
  struct stat st{};
  ASSERT_EQ(::stat(config_file().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(config_file().parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  auto c = config();
  for (const char* key : {"hub_url", "api_key", "jwt_token", "org_id", "agent_id"}) EXPECT_TRUE(c.contains(key)) << key;
  EXPECT_EQ(c.at("hub_url"), json::value(url()));
  EXPECT_EQ(c.at("org_id"), json::value(org.id));
  EXPECT_TRUE(c.at("api_key").as_string().starts_with("ahq_"));
  EXPECT_FALSE(c.at("jwt_token").as_string().empty());

  auto me = data({"auth", "whoami"});
  EXPECT_EQ(me.at("auth"), "agent");
  EXPECT_EQ(me.at("org_id"), json::value(org.id));
  EXPECT_EQ(me.at("agent_id"), c.at("agent_id"));

  auto exported = agenthq({"auth", "export"});
  EXPECT_NE(exported.out.find("export AGENTHQ_API_KEY='" + std::string(c.at("api_key").as_string()) + "'"),
            std::string::npos)
      << exported.out;

  auto bad = agenthq({"auth", "login", "--email", org.owner_email, "--password", "wrong-password", "--hub-url", url()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("INVALID_CREDENTIALS"), std::string::npos) << bad.err;
  EXPECT_EQ(config().at("api_key"), c.at("api_key"));  // a failed login changes nothing

  EXPECT_EQ(agenthq({"auth", "logout"}).exit_code, 0);
  EXPECT_EQ(config().at("api_key"), "");
  EXPECT_EQ(config().at("hub_url"), json::value(url()));
  auto anonymous = agenthq({"post", "list"});
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_NE(anonymous.err.find("log in first"), std::string::npos) << anonymous.err;
}

TEST_F(Cli, PostsThreadsSearchAndFeed) {
  login_as_agent("cli-posts", "cli-poster");
  auto post = data({"post", "create", "--channel", "general", "--title", "Daily", "--content", "Quarterly zephyr numbers"});
  const std::string id(post.at("id").as_string());
  EXPECT_EQ(post.at("author_type"), "agent");

  auto reply = agenthq({"post", "reply", id, "--content", "Looks good"});
  EXPECT_EQ(reply.exit_code, 0) << reply.err;
  EXPECT_NE(reply.out.find("Replied "), std::string::npos);
  auto thread = data({"post", "get", id});
  EXPECT_EQ(thread.at("post").at("id"), json::value(id));
  ASSERT_EQ(thread.at("thread").as_array().size(), 1u);
  EXPECT_EQ(thread.at("thread").at(0).at("content"), "Looks good");

  auto table = agenthq({"post", "list", "--channel", "general"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out.rfind("ID", 0), 0u) << table.out;  // a header row first
  EXPECT_NE(table.out.find("CONTENT"), std::string::npos);
  EXPECT_NE(table.out.find("Quarterly zephyr numbers"), std::string::npos) << table.out;

  auto found = data({"post", "search", "zephyr"});
  ASSERT_EQ(found.as_array().size(), 1u);
  EXPECT_EQ(found.at(0).at("id"), json::value(id));
  auto everywhere = data({"search", "zephyr", "--types", "posts,agents"});
  EXPECT_EQ(everywhere.at("posts").as_array().size(), 1u);
  EXPECT_TRUE(everywhere.at("insights").as_array().empty());

  auto feed = data({"feed", "--types", "posts"});
  bool in_feed = false;
  for (const auto& item : feed.as_array()) in_feed = in_feed || item.at("resource_id") == json::value(id);
  EXPECT_TRUE(in_feed);
}

TEST_F(Cli, AgentsChannelsActivityInsightsAndOrg) {
  auto org = login_as_agent("cli-misc", "cli-worker");
  auto agents = agenthq({"agent", "list"});
  EXPECT_NE(agents.out.find("cli-worker"), std::string::npos) << agents.out;
  EXPECT_NE(agenthq({"agent", "status"}).out.find("STATUS"), std::string::npos);

  auto channel = data({"channel", "create", "cli-room", "--description", "made by the CLI"});
  EXPECT_EQ(channel.at("name"), "cli-room");
  EXPECT_NE(agenthq({"channel", "list"}).out.find("cli-room"), std::string::npos);
  auto dup = agenthq({"channel", "create", "cli-room"});
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.err.find("CHANNEL_EXISTS"), std::string::npos) << dup.err;

  EXPECT_EQ(agenthq({"activity", "log", "--action", "cli.checked", "--resource-type", "channel", "--resource-id",
                     std::string(channel.at("id").as_string())})
                .exit_code,
            0);
  auto entries = data({"activity", "list", "--action", "cli.checked"});
  ASSERT_EQ(entries.as_array().size(), 1u);
  EXPECT_EQ(entries.at(0).at("actor_type"), "agent");

  auto insight = data({"insights", "generate", "--type", "trend", "--title", "Up", "--content", "More posts"});
  EXPECT_EQ(insight.at("reviewed"), false);
  auto insights = data({"insights", "list", "--type", "trend"});
  EXPECT_EQ(insights.as_array().size(), 1u);

  EXPECT_EQ(data({"org", "get"}).at("id"), json::value(org.id));
  // Agents may not change the org: the server's 403 message, exit 1.
  auto refused = agenthq({"org", "update", "--name", "Renamed"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("FORBIDDEN"), std::string::npos) << refused.err;
  // AGENTHQ_API_KEY overrides the stored key (here with the owner's token).
  auto as_owner = agenthq({"org", "update", "--name", "Renamed", "--json"}, {{"AGENTHQ_API_KEY", org.access_token}});
  EXPECT_EQ(as_owner.exit_code, 0) << as_owner.err;
  EXPECT_EQ(json::parse(as_owner.out).at("name"), "Renamed");
}

TEST_F(Cli, EnvironmentOverridesTheConfigFile) {
  login_as_agent("cli-env", "cli-env-bot");
  // AGENTHQ_HUB_URL wins over the stored hub...
  auto elsewhere = agenthq({"post", "list"}, {{"AGENTHQ_HUB_URL", "http://127.0.0.1:1"}});
  EXPECT_EQ(elsewhere.exit_code, 1);
  EXPECT_NE(elsewhere.err.find("127.0.0.1:1"), std::string::npos);
  // ...and another org's key sees none of this org's posts.
  auto other = register_org(hub_->client(), "cli-env-other");
  auto stranger = register_agent(hub_->client(), other.access_token, "stranger");
  auto mine = data({"post", "create", "--content", "private to my org"});
  auto theirs = agenthq({"post", "get", std::string(mine.at("id").as_string())}, {{"AGENTHQ_API_KEY", stranger.api_key}});
  EXPECT_EQ(theirs.exit_code, 1);
  EXPECT_NE(theirs.err.find("NOT_FOUND"), std::string::npos) << theirs.err;
}

TEST_F(Cli, ConfigSetAndGet) {
  EXPECT_EQ(agenthq({"config", "set", "hub_url", "http://hub.example:3000"}).exit_code, 0);
  EXPECT_EQ(agenthq({"config", "get", "hub_url"}).out, "http://hub.example:3000\n");
  EXPECT_EQ(data({"config", "get"}).at("hub_url"), "http://hub.example:3000");
  EXPECT_EQ(agenthq({"config", "set", "password", "x"}).exit_code, 2);
}

TEST_F(Cli, ConnectRedeemsAnAgentInviteOnce) {
  auto org = register_org(hub_->client(), "cli-connect");
  auto invite = hub_->client().post("/api/v1/invites/agent", json::object{}, org.access_token);
  ASSERT_EQ(invite.status, 201) << invite.body;
  const std::string token(invite.json.at("data").at("token").as_string());

  // The invite URL as the dashboard shows it: the hub comes from the URL.
  auto r = agenthq({"connect", url() + "/invite/" + token, "--name", "cli-joiner"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("as agent cli-joiner"), std::string::npos) << r.out;
  auto c = config();
  EXPECT_EQ(c.at("hub_url"), json::value(url()));
  EXPECT_EQ(c.at("org_id"), json::value(org.id));
  EXPECT_TRUE(c.at("api_key").as_string().starts_with("ahq_"));
  // The stored key works: the agent posts as itself.
  auto post = data({"post", "create", "--content", "joined via invite"});
  EXPECT_EQ(post.at("author_id"), c.at("agent_id"));

  // Single use: a second redeem is refused with the hub's message and changes nothing.
  auto again = agenthq({"connect", token, "--name", "cli-joiner-2"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_FALSE(again.err.empty());
  EXPECT_EQ(config().at("api_key"), c.at("api_key"));
  EXPECT_EQ(agenthq({"connect", "ftp://x/invite/" + token}).exit_code, 2);
}

TEST_F(Cli, EditsReactionsDmsTasksAndNotifications) {
  auto org = login_as_agent("cli-collab", "cli-teammate");
  const std::string me(config().at("agent_id").as_string());
  auto other = register_agent(hub_->client(), org.access_token, "cli-other");

  auto post = data({"post", "create", "--content", "first draft"});
  const std::string id(post.at("id").as_string());
  auto edited = data({"post", "edit", id, "--content", "second draft"});
  EXPECT_EQ(edited.at("content"), "second draft");
  EXPECT_FALSE(edited.at("edited_at").is_null());
  EXPECT_EQ(agenthq({"post", "edit", id}).exit_code, 2);  // nothing to change

  // The other agent reacts; this one is notified, lists and reads its notifications.
  ASSERT_EQ(hub_->client().post("/api/v1/posts/" + id + "/reactions", json::object{{"emoji", "🚀"}}, other.api_key).status, 201);
  EXPECT_EQ(agenthq({"post", "reaction", "add", id, "--emoji", "🚀"}).exit_code, 0);
  auto reactions = data({"post", "reaction", "list", id});
  ASSERT_EQ(reactions.as_array().size(), 1u);
  EXPECT_EQ(reactions.at(0).at("count"), 2);
  EXPECT_EQ(data({"post", "reaction", "remove", id, "🚀"}).at("removed"), true);
  EXPECT_EQ(data({"post", "reaction", "list", id}).at(0).at("count"), 1);

  EXPECT_EQ(data({"notifications", "unread"}).at("count"), 1);
  auto unread = data({"notifications", "list", "--read", "false"});
  ASSERT_EQ(unread.as_array().size(), 1u);
  EXPECT_EQ(unread.at(0).at("type"), "reaction");
  auto table = agenthq({"notifications", "list", "--verbose"});
  EXPECT_NE(table.out.find("BODY"), std::string::npos) << table.out;
  EXPECT_EQ(agenthq({"notifications", "read", std::string(unread.at(0).at("id").as_string())}).exit_code, 0);
  EXPECT_EQ(data({"notifications", "unread"}).at("count"), 0);
  EXPECT_EQ(agenthq({"notifications", "read-all"}).exit_code, 0);

  // A DM with a first message; the other member is notified.
  auto dm = data({"dm", "start", other.id, "--content", "hello over there"});
  EXPECT_EQ(dm.at("type"), "dm");
  auto dms = data({"dm", "list"});
  ASSERT_EQ(dms.as_array().size(), 1u);
  EXPECT_EQ(dms.at(0).at("member_id"), json::value(other.id));
  auto theirs = hub_->client().get("/api/v1/notifications?type=dm", other.api_key);
  EXPECT_EQ(theirs.json.at("data").as_array().size(), 1u) << theirs.body;

  // Tasks: created with a channel name (sent as channel_id), assigned, filtered, completed.
  auto task = data({"task", "create", "--title", "Write the report", "--priority", "high", "--assigned-to", other.id,
                    "--channel", "general"});
  const std::string task_id(task.at("id").as_string());
  EXPECT_EQ(task.at("assigned_to"), json::value(other.id));
  EXPECT_FALSE(task.at("channel_id").is_null());
  EXPECT_EQ(data({"task", "list", "--assigned-to", other.id, "--channel", "general"}).as_array().size(), 1u);
  EXPECT_TRUE(data({"task", "list", "--assigned-to", me}).as_array().empty());
  auto done = data({"task", "update", task_id, "--status", "completed"});
  EXPECT_EQ(done.at("status"), "completed");
  EXPECT_FALSE(done.at("completed_at").is_null());
  auto bad = agenthq({"task", "create", "--title", "x", "--priority", "whenever"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("VALIDATION_ERROR"), std::string::npos) << bad.err;

  EXPECT_EQ(data({"post", "delete", id}).at("deleted"), true);
  EXPECT_FALSE(data({"post", "get", id}).at("post").at("deleted_at").is_null());  // kept for its thread
  const json::value listed = data({"post", "list"});
  for (const auto& p : listed.as_array()) EXPECT_NE(p.at("id"), json::value(id));
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(agenthq({"post", "create"}).exit_code, 2);  // --content is required
  EXPECT_EQ(agenthq({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(agenthq({"post"}).exit_code, 2);
  EXPECT_EQ(agenthq({"org", "update"}).exit_code, 2);  // neither --name nor --settings
  auto help = agenthq({"post", "create", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--content"), std::string::npos);
}

}  // namespace
}  // namespace agenthq::test
