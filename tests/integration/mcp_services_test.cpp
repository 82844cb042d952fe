// The MCP tools call the hub's services, reading their arguments with the same request readers
// as the REST routes: a tool's result is the REST reply without `success`, a bad argument is the
// REST call's error (code and message), and a change made by a tool leaves the same audit entry
// (the /mcp request's identity and address). The SDK-driven suite (mcp_test.cpp) checks every tool
// and both transports; this one compares the two faces side by side.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using boost::beast::http::verb;

// One MCP session over plain JSON (no SSE), as one identity.
class McpSession {
 public:
  McpSession(const HttpClient& client, std::string token) : client_(client), token_(std::move(token)) {
    json::object params{{"protocolVersion", "2025-06-18"},
                        {"capabilities", json::object{}},
                        {"clientInfo", {{"name", "mcp-services-test"}, {"version", "1"}}}};
    auto r = send("initialize", params);
    session_ = r.header("mcp-session-id");
    if (session_.empty()) throw std::runtime_error("initialize gave no session: " + r.body);
  }

  // tools/call -> the JSON-RPC result ({content, isError, structuredContent?}).
  json::object call(const std::string& tool, json::object args = {}) {
    json::object params{{"name", tool}, {"arguments", std::move(args)}};
    auto r = send("tools/call", params);
    if (r.status != 200 || !r.json.is_object() || !r.json.as_object().contains("result"))
      throw std::runtime_error("tools/call " + tool + " failed: " + r.body);
    return r.json.at("result").as_object();
  }

  // A tool's structured result; the call must have succeeded.
  json::value result(const std::string& tool, json::object args = {}) {
    auto r = call(tool, std::move(args));
    if (r.at("isError").as_bool()) throw std::runtime_error(tool + " was refused: " + json::serialize(r));
    return r.at("structuredContent");
  }

  // A tool error's text (CODE: message); the call must have been refused.
  std::string refusal(const std::string& tool, json::object args = {}) {
    auto r = call(tool, std::move(args));
    if (!r.at("isError").as_bool()) throw std::runtime_error(tool + " was not refused: " + json::serialize(r));
    return std::string(r.at("content").at(0).at("text").as_string());
  }

 private:
  HttpResult send(const std::string& method, const json::object& params) {
    json::object message{{"jsonrpc", "2.0"}, {"id", ++id_}, {"method", method}, {"params", params}};
    std::map<std::string, std::string> headers{{"Accept", "application/json"}};
    if (!session_.empty()) headers["Mcp-Session-Id"] = session_;
    return client_.request(verb::post, "/mcp", json::value(message), token_, headers);
  }

  HttpClient client_;
  std::string token_;
  std::string session_;
  int id_ = 0;
};

// The REST reply without `success`: what the equivalent tool returns.
json::value envelope(const HttpResult& r) {
  json::object o = r.json.as_object();
  o.erase("success");
  return o;
}

// The REST error as a tool error's text.
std::string error_text(const HttpResult& r) {
  return r.error_code() + ": " + std::string(r.json.at("error").at("message").as_string());
}

class McpServices : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    hub_ = new HubProcess();
    auto client = hub_->client();
    org_ = new TestOrg(register_org(client, "mcp-services"));
    agent_ = new TestAgent(register_agent(client, org_->access_token, "scribe"));
    auto channels = client.get("/api/v1/channels?type=public", agent_->api_key);
    for (const auto& c : channels.data().as_array())
      if (c.at("name") == "general") general_ = std::string(c.at("id").as_string());
  }
  static void TearDownTestSuite() {
    delete agent_;
    delete org_;
    delete hub_;
    hub_ = nullptr;
  }

  HttpClient client() const { return hub_->client(); }
  McpSession session() const { return McpSession(client(), agent_->api_key); }
  HttpResult rest_get(const std::string& path) const { return client().get("/api/v1" + path, agent_->api_key); }

  static HubProcess* hub_;
  static TestOrg* org_;
  static TestAgent* agent_;
  static std::string general_;
};
HubProcess* McpServices::hub_ = nullptr;
TestOrg* McpServices::org_ = nullptr;
TestAgent* McpServices::agent_ = nullptr;
std::string McpServices::general_;

TEST_F(McpServices, ReadsAreTheRestRepliesWithoutSuccess) {
  auto mcp = session();
  const std::string marker = "ledger" + random_suffix(6);
  auto posted = mcp.result("post", {{"channel", "general"}, {"content", "Counted " + marker}, {"metadata", {{"ratio", 0.25}}}});
  const std::string post_id = id_of(posted.at("data"));
  mcp.result("reply", {{"post_id", post_id}, {"content", "a reply"}});
  mcp.result("generate_insight", {{"type", "summary"}, {"title", "On " + marker}, {"content", "c"}, {"confidence", 0.75}});
  mcp.result("task_create", {{"title", "Task " + marker}, {"assigned_to", "me"}, {"channel", "general"}});

  EXPECT_EQ(mcp.result("get_post", {{"post_id", post_id}}), envelope(rest_get("/posts/" + post_id)));
  EXPECT_EQ(mcp.result("list_posts", {{"channel", "general"}, {"limit", 2}}),
            envelope(rest_get("/posts?channel_id=" + general_ + "&limit=2")));
  EXPECT_EQ(mcp.result("search", {{"q", marker}}), envelope(rest_get("/search?q=" + marker)));
  EXPECT_EQ(mcp.result("search", {{"q", marker}, {"types", json::array{"insights"}}, {"page", 1}, {"limit", 5}}),
            envelope(rest_get("/search?q=" + marker + "&types=insights&page=1&limit=5")));
  EXPECT_EQ(mcp.result("list_insights", {{"type", "summary"}, {"min_confidence", 0.5}}),
            envelope(rest_get("/insights?type=summary&min_confidence=0.5")));
  EXPECT_EQ(mcp.result("tasks", {{"assigned_to", "me"}}), envelope(rest_get("/tasks?assigned_to=" + agent_->id)));
  EXPECT_EQ(mcp.result("channels", {{"type", "public"}}), envelope(rest_get("/channels?type=public")));
  EXPECT_EQ(mcp.result("dms"), envelope(rest_get("/dm")));
  EXPECT_EQ(mcp.result("query_activity", {{"action", "insight.created"}}),
            envelope(rest_get("/activity?action=insight.created")));
  EXPECT_EQ(mcp.result("feed", {{"types", json::array{"posts", "insights"}}, {"since", "2000-01-01"}}),
            envelope(rest_get("/feed?types=posts,insights&since=2000-01-01")));
}

TEST_F(McpServices, BadArgumentsAreTheRestErrors) {
  auto mcp = session();
  auto posted = mcp.result("post", {{"channel", "general"}, {"content", "to be edited"}});
  const std::string post_id = id_of(posted.at("data"));
  const auto& key = agent_->api_key;

  EXPECT_EQ(mcp.refusal("post", {{"channel", "general"}, {"content", "x"}, {"type", "bogus"}}),
            error_text(client().post("/api/v1/posts", {{"channel_id", general_}, {"content", "x"}, {"type", "bogus"}}, key)));
  EXPECT_EQ(mcp.refusal("post", {{"channel", "general"}, {"content", ""}}),
            error_text(client().post("/api/v1/posts", {{"channel_id", general_}, {"content", ""}}, key)));
  EXPECT_EQ(mcp.refusal("generate_insight", {{"type", "summary"}, {"title", "t"}, {"content", "c"}, {"confidence", 2}}),
            error_text(client().post("/api/v1/insights/generate",
                                     {{"type", "summary"}, {"title", "t"}, {"content", "c"}, {"confidence", 2}}, key)));
  EXPECT_EQ(mcp.refusal("list_insights", {{"min_confidence", "abc"}}), error_text(rest_get("/insights?min_confidence=abc")));
  EXPECT_EQ(mcp.refusal("list_posts", {{"since", "yesterday"}}), error_text(rest_get("/posts?since=yesterday")));
  EXPECT_EQ(mcp.refusal("search", {}), error_text(rest_get("/search")));
  EXPECT_EQ(mcp.refusal("find_agents", {{"status", "asleep"}}), error_text(rest_get("/agents/search?status=asleep")));
  EXPECT_EQ(mcp.refusal("edit_post", {{"post_id", post_id}}),
            error_text(client().patch("/api/v1/posts/" + post_id, json::object{}, key)));
  EXPECT_EQ(mcp.refusal("task_create", {{"title", ""}}), error_text(client().post("/api/v1/tasks", {{"title", ""}}, key)));
  EXPECT_EQ(mcp.refusal("log_activity", {{"action", "x"}, {"details", "not an object"}}),
            error_text(client().post("/api/v1/activity", {{"action", "x"}, {"details", "not an object"}}, key)));
  EXPECT_EQ(mcp.refusal("get_post", {{"post_id", "no-such-post"}}), error_text(rest_get("/posts/no-such-post")));
}

TEST_F(McpServices, ChangesAreAuditedAsTheMcpRequest) {
  auto mcp = session();
  auto logged = mcp.result("log_activity", {{"action", "ledger.balanced"}, {"details", {{"lines", 3}}}});
  const auto& row = logged.at("data");
  EXPECT_EQ(row.at("actor_id"), json::value(agent_->id));
  EXPECT_EQ(row.at("actor_type"), "agent");
  EXPECT_EQ(row.at("ip_address"), "127.0.0.1");

  auto task = mcp.result("task_create", {{"title", "Audited"}});
  auto audit = rest_get("/activity?action=task.created&resource_type=task");
  bool found = false;
  for (const auto& entry : audit.data().as_array())
    if (entry.at("resource_id") == task.at("data").at("id")) {
      found = true;
      EXPECT_EQ(entry.at("actor_id"), json::value(agent_->id));
      EXPECT_EQ(entry.at("ip_address"), "127.0.0.1");
    }
  EXPECT_TRUE(found) << audit.body;
}

TEST_F(McpServices, AUserMayCallTheToolsOfItsRoutesButNotTheAgentOnes) {
  McpSession mcp(client(), org_->access_token);
  auto posted = mcp.result("post", {{"channel", "general"}, {"content", "from the owner"}});
  EXPECT_EQ(posted.at("data").at("author_type"), "user");
  EXPECT_EQ(mcp.refusal("heartbeat", {{"status", "busy"}}), "FORBIDDEN: Only agents send heartbeats");
  EXPECT_EQ(mcp.refusal("wait_for_mentions", {{"timeout_seconds", 1}}), "FORBIDDEN: Only agents are mentioned (@name)");
}

}  // namespace
}  // namespace agenthq::test
