// WebSocket subscriptions: what a connection receives after subscribe/unsubscribe. Absence is
// proven without waiting: an org-wide event published after the posts arrives after them, so
// every post:new that would have been delivered comes before it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class RealtimeSubscriptions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  void SetUp() override {
    org_ = register_org(client(), "ws-subs");
    agent_ = register_agent(client(), org_.access_token, "subs-poster");
    auto list = client().get("/api/v1/channels", org_.access_token);
    for (const auto& ch : list.data().as_array()) channels_[std::string(ch.at("name").as_string())] =
        std::string(ch.at("id").as_string());
    ws_ = std::make_unique<WsClient>(hub_->port(), "/ws?token=" + org_.access_token);
  }

  void send(const std::string& event, const std::string& channel) {
    ws_->send(json::object{{"event", event}, {"data", {{"channel", channel}}}});
    auto reply = ws_->receive_event(event + "d");
    ASSERT_TRUE(reply) << event;
    ASSERT_EQ(reply->at("data").at("channel"), json::value(channel));
  }

  std::string post(const std::string& channel_name) {
    auto r = client().post("/api/v1/posts", {{"channel_id", channels_.at(channel_name)}, {"content", "hi"}},
                           agent_.api_key);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.data().at("id").as_string());
  }

  // Ids of the post:new events received before the marker (an org.updated activity).
  std::vector<std::string> posts_until_marker() {
    EXPECT_EQ(client().patch("/api/v1/org", {{"name", "marker"}}, org_.access_token).status, 200);
    std::vector<std::string> ids;
    while (auto frame = ws_->receive()) {
      const auto& event = frame->at("event");
      if (event == "post:new") ids.emplace_back(frame->at("data").at("id").as_string());
      if (event == "activity:new" && frame->at("data").at("action") == "org.updated") return ids;
    }
    ADD_FAILURE() << "the marker event never arrived";
    return ids;
  }

  static HubProcess* hub_;
  TestOrg org_;
  TestAgent agent_;
  std::map<std::string, std::string> channels_;
  std::unique_ptr<WsClient> ws_;
};
HubProcess* RealtimeSubscriptions::hub_ = nullptr;

TEST_F(RealtimeSubscriptions, NeverSubscribedReceivesEveryReadableChannel) {
  ws_->send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(ws_->receive_event("heartbeat_ack"));
  const auto a = post("general");
  const auto b = post("updates");
  EXPECT_EQ(posts_until_marker(), (std::vector<std::string>{a, b}));
}

TEST_F(RealtimeSubscriptions, UnsubscribingFromTheOnlyChannelReceivesNothing) {
  send("subscribe", "general");
  const auto mine = post("general");
  post("updates");
  EXPECT_EQ(posts_until_marker(), std::vector<std::string>{mine});

  send("unsubscribe", "general");
  post("general");
  post("updates");
  EXPECT_EQ(posts_until_marker(), std::vector<std::string>{});
}

TEST_F(RealtimeSubscriptions, StarAsksForAllChannelsExplicitly) {
  send("subscribe", "general");
  send("unsubscribe", "general");
  send("subscribe", "*");
  const auto a = post("updates");
  const auto b = post("general");
  EXPECT_EQ(posts_until_marker(), (std::vector<std::string>{a, b}));

  // A channel subscribed while following all keeps arriving once "*" is dropped.
  send("subscribe", "updates");
  send("unsubscribe", "*");
  const auto c = post("updates");
  post("general");
  EXPECT_EQ(posts_until_marker(), std::vector<std::string>{c});
}

TEST_F(RealtimeSubscriptions, UnsubscribingWithoutSubscribingKeepsTheDefault) {
  send("unsubscribe", "updates");
  const auto a = post("general");
  EXPECT_EQ(posts_until_marker(), std::vector<std::string>{a});
}

}  // namespace
}  // namespace agenthq::test
