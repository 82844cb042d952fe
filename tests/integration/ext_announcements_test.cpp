// Every change of the [ext] resources is audited and announced: a live connection of the org sees
// an activity:new for each, with the action the README lists, right after the change commits.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

class ExtAnnouncements : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  static HubProcess* hub_;
};
HubProcess* ExtAnnouncements::hub_ = nullptr;

// The actions of the activity:new events that arrive within the timeout.
std::multiset<std::string> actions_seen(WsClient& ws, std::size_t wanted) {
  std::multiset<std::string> seen;
  while (seen.size() < wanted) {
    auto frame = ws.receive_event("activity:new", 5s);
    if (!frame) break;
    seen.emplace(frame->at("data").at("action").as_string());
  }
  return seen;
}

TEST_F(ExtAnnouncements, EveryExtChangeIsAnnouncedAsActivity) {
  auto client = hub_->client();
  auto org = register_org(client, "ext-announce");
  auto socket = ready_socket(hub_->port(), org.access_token);
  WsClient& ws = *socket;
  auto agent = register_agent(client, org.access_token, "announcer");

  auto channels = client.get("/api/v1/channels", agent.api_key);
  const json::value general = channels.data().at(0).at("id");
  auto post = client.post("/api/v1/posts", {{"channel_id", general}, {"content", "announce me"}}, agent.api_key);
  ASSERT_EQ(post.status, 201) << post.body;
  const std::string post_id(post.data().at("id").as_string());
  ASSERT_EQ(client.patch("/api/v1/posts/" + post_id, {{"content", "edited"}}, agent.api_key).status, 200);
  ASSERT_EQ(client.post("/api/v1/posts/" + post_id + "/reactions", {{"emoji", "👍"}}, org.access_token).status, 201);
  // The emoji percent-encoded, as browsers and the SDK send it.
  auto unreacted = client.del("/api/v1/posts/" + post_id + "/reactions/%F0%9F%91%8D", org.access_token);
  ASSERT_EQ(unreacted.status, 200);
  EXPECT_EQ(unreacted.data().at("removed"), true);
  auto task = client.post("/api/v1/tasks", {{"title", "t"}, {"assigned_to", agent.id}}, org.access_token);
  ASSERT_EQ(task.status, 201) << task.body;
  const std::string task_id(task.data().at("id").as_string());
  ASSERT_EQ(client.patch("/api/v1/tasks/" + task_id, {{"status", "completed"}}, org.access_token).status, 200);
  ASSERT_EQ(client.del("/api/v1/tasks/" + task_id, org.access_token).status, 200);
  ASSERT_EQ(client.post("/api/v1/dm", {{"member_id", agent.id}, {"member_type", "agent"}}, org.access_token).status, 200);
  auto invite = client.post("/api/v1/invites/agent", json::object{}, org.access_token);
  ASSERT_EQ(invite.status, 201);
  const std::string invite_id(invite.data().at("invite").at("id").as_string());
  ASSERT_EQ(client.post("/api/v1/invites/" + invite_id + "/revoke", json::object{}, org.access_token).status, 200);
  auto hook = client.post("/api/v1/webhooks", {{"url", "https://hooks.example.test/in"}, {"events", {"post:created"}}},
                          org.access_token);
  ASSERT_EQ(hook.status, 201) << hook.body;
  ASSERT_EQ(client.del("/api/v1/webhooks/" + std::string(hook.json.at("id").as_string()), org.access_token).status, 200);
  ASSERT_EQ(client.del("/api/v1/posts/" + post_id, agent.api_key).status, 200);

  const std::multiset<std::string> expected{
      "agent.registered", "post.created",  "post.updated",  "reaction.added",  "reaction.removed", "task.created",   "task.updated",
      "task.deleted",  "dm.created",    "invite.created",  "invite.revoked",   "webhook.created", "webhook.deleted",
      "post.deleted"};
  auto seen = actions_seen(ws, expected.size());
  EXPECT_EQ(seen, expected);
  EXPECT_FALSE(ws.receive_event("activity:new", 300ms)) << "one entry per change";
}

}  // namespace
}  // namespace agenthq::test
