// WebSocket /ws: authentication, client messages, events from commits, presence, fan-out across
// two server processes, and surviving the loss of the LISTEN connection.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <atomic>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

class Realtime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  std::unique_ptr<WsClient> connect(const std::string& token) const {
    return std::make_unique<WsClient>(hub_->port(), "/ws?token=" + token);
  }
  // A connection is registered once its first reply arrives (auth happens before reading).
  static void wait_ready(WsClient& ws) {
    ws.send(json::object{{"event", "heartbeat"}});
    ASSERT_TRUE(ws.receive_event("heartbeat_ack"));
  }
  static HubProcess* hub_;
};
HubProcess* Realtime::hub_ = nullptr;

TEST_F(Realtime, RefusesMissingBadAndRefreshTokens) {
  auto org = register_org(client(), "ws-auth");
  for (const std::string& target : std::vector<std::string>{"/ws", "/ws?token=garbage", "/ws?token=" + org.refresh_token,
                                   "/ws?token=ahq_" + std::string(43, 'x')}) {
    WsClient ws(hub_->port(), target);
    auto msg = ws.receive(3s);
    EXPECT_FALSE(msg) << target;
    EXPECT_TRUE(ws.closed()) << target;
    EXPECT_EQ(ws.close_code(), 4001) << target;
  }
  // Other paths are not WebSocket endpoints: the handshake is declined (a plain GET of such a path
  // is the dashboard's, see dashboard_test.cpp).
  EXPECT_ANY_THROW(WsClient(hub_->port(), "/websocket"));
  EXPECT_EQ(client().get("/api/v1/ws").status, 404);
}

TEST_F(Realtime, ClientMessages) {
  auto org = register_org(client(), "ws-msg");
  auto ws = connect(org.access_token);
  ws->send(json::object{{"event", "heartbeat"}, {"data", {{"timestamp", "x"}}}});
  auto ack = ws->receive_event("heartbeat_ack");
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->at("data").at("timestamp").as_string().size(), 24u);

  ws->send(json::object{{"event", "subscribe"}, {"data", {{"channel", "general"}}}});
  auto sub = ws->receive();
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->at("event"), "subscribed");
  EXPECT_EQ(sub->at("data").at("channel"), "general");
  ws->send(json::object{{"event", "subscribe"}, {"data", {{"channelId", "C1"}}}});  // the web app's shape
  EXPECT_EQ(ws->receive()->at("data").at("channel"), "C1");
  ws->send(json::object{{"event", "unsubscribe"}, {"data", {{"channel", "general"}}}});
  EXPECT_EQ(ws->receive()->at("event"), "unsubscribed");

  ws->send_text("{not json");
  auto err = ws->receive();
  ASSERT_TRUE(err);
  EXPECT_EQ(err->at("event"), "error");
  ws->send(json::object{{"event", "subscribe"}});
  EXPECT_EQ(ws->receive()->at("event"), "error");
  // Still connected and served.
  ws->send(json::object{{"event", "heartbeat"}});
  EXPECT_TRUE(ws->receive_event("heartbeat_ack"));
}

TEST_F(Realtime, OrgEventsReachOnlyTheirOrg) {
  auto a = register_org(client(), "ws-a");
  auto b = register_org(client(), "ws-b");
  auto wa = connect(a.access_token);
  auto wb = connect(b.access_token);
  wait_ready(*wa);
  wait_ready(*wb);

  ASSERT_EQ(client().patch("/api/v1/org", {{"name", "A renamed"}}, a.access_token).status, 200);
  auto activity = wa->receive_event("activity:new");
  ASSERT_TRUE(activity);
  EXPECT_EQ(activity->at("data").at("action"), "org.updated");
  EXPECT_EQ(activity->at("data").at("org_id"), json::value(a.id));
  EXPECT_EQ(activity->at("data").at("actor_type"), "user");
  EXPECT_FALSE(wb->receive_event("activity:new", 1s));
}

TEST_F(Realtime, AgentPresenceFollowsTheSocket) {
  auto org = register_org(client(), "ws-presence");
  auto agent = register_agent(client(), org.access_token, "presence-bot");
  auto watcher = connect(org.access_token);
  wait_ready(*watcher);

  auto bot = connect(agent.api_key);
  auto online = watcher->receive_event("agent:status");
  ASSERT_TRUE(online);
  EXPECT_EQ(online->at("data").at("agentId"), json::value(agent.id));
  EXPECT_EQ(online->at("data").at("status"), "online");
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT status FROM agents WHERE id = $1", {agent.id}), "online");
  EXPECT_EQ(db.scalar("SELECT last_heartbeat IS NOT NULL FROM agents WHERE id = $1", {agent.id}), "t");

  bot.reset();  // disconnect
  auto offline = watcher->receive_event("agent:status");
  ASSERT_TRUE(offline);
  EXPECT_EQ(offline->at("data").at("status"), "offline");
  EXPECT_EQ(db.scalar("SELECT status FROM agents WHERE id = $1", {agent.id}), "offline");
}

TEST_F(Realtime, EventsCrossServerProcesses) {
  HubProcess second(*hub_, {});
  auto org = register_org(client(), "ws-scale");
  WsClient on_second(second.port(), "/ws?token=" + org.access_token);
  wait_ready(on_second);
  // The write goes through the first process; the subscriber sits on the second.
  ASSERT_EQ(client().patch("/api/v1/org", {{"name", "Scaled"}}, org.access_token).status, 200);
  auto activity = on_second.receive_event("activity:new");
  ASSERT_TRUE(activity);
  EXPECT_EQ(activity->at("data").at("action"), "org.updated");
}

TEST_F(Realtime, SurvivesLosingTheListenConnection) {
  auto org = register_org(client(), "ws-relisten");
  auto ws = connect(org.access_token);
  wait_ready(*ws);
  PgConn db(hub_->database().conninfo());
  auto killed = db.scalar(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'agenthq-listener' "
      "AND datname = current_database()");
  ASSERT_EQ(killed, "1");
  // The listener reconnects within a second; a change after that is delivered again.
  std::optional<json::value> activity;
  for (int attempt = 0; attempt < 10 && !activity; ++attempt) {
    ASSERT_EQ(client().patch("/api/v1/org", {{"name", "Again " + std::to_string(attempt)}}, org.access_token).status,
              200);
    activity = ws->receive_event("activity:new", 1s);
  }
  ASSERT_TRUE(activity);
  EXPECT_NE(hub_->log().find("event listener lost its connection"), std::string::npos);
}

std::string channel_id(const HttpClient& c, const std::string& token, const std::string& name) {
  auto list = c.get("/api/v1/channels", token);
  for (const auto& ch : list.data().as_array())
    if (ch.at("name") == json::value(name)) return std::string(ch.at("id").as_string());
  return "";
}

TEST_F(Realtime, PostEventsFollowSubscriptionsAndChannelRules) {
  auto org = register_org(client(), "ws-posts");
  auto other = register_org(client(), "ws-posts-other");
  auto agent = register_agent(client(), org.access_token, "poster");
  const std::string general = channel_id(client(), org.access_token, "general");
  const std::string updates = channel_id(client(), org.access_token, "updates");

  auto subscribed = connect(org.access_token);           // subscribes to #general by id
  auto everything = connect(org.access_token);           // subscribes to nothing: the live feed
  auto elsewhere = connect(org.access_token);            // subscribes to #updates only
  auto foreign = connect(other.access_token);            // another org
  subscribed->send(json::object{{"event", "subscribe"}, {"data", {{"channel", general}}}});
  ASSERT_TRUE(subscribed->receive_event("subscribed"));
  elsewhere->send(json::object{{"event", "subscribe"}, {"data", {{"channel", "updates"}}}});  // by name
  ASSERT_TRUE(elsewhere->receive_event("subscribed"));
  wait_ready(*everything);
  wait_ready(*foreign);

  auto created = client().post("/api/v1/posts", {{"channel_id", general}, {"content", "hello realtime"},
                                                {"title", "Hi"}}, agent.api_key);
  ASSERT_EQ(created.status, 201) << created.body;
  auto a = subscribed->receive_event("post:new");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->at("data"), created.data());  // the same Post object the REST reply carried
  auto b = everything->receive_event("post:new");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->at("data").at("id"), created.data().at("id"));
  EXPECT_FALSE(elsewhere->receive_event("post:new", 700ms));
  EXPECT_FALSE(foreign->receive_event("post:new", 300ms));

  ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", updates}, {"content", "to updates"}}, agent.api_key).status,
            201);
  EXPECT_TRUE(elsewhere->receive_event("post:new"));
  EXPECT_FALSE(subscribed->receive_event("post:new", 500ms));
  EXPECT_TRUE(everything->receive_event("post:new"));

  // Private channel: only members hear about its posts, even when subscribed to nothing.
  auto priv = client().post("/api/v1/channels", {{"name", "secret"}, {"type", "private"}}, agent.api_key);
  ASSERT_EQ(priv.status, 201) << priv.body;
  const std::string secret(priv.data().at("id").as_string());
  auto member = connect(agent.api_key);  // the creator is its member
  wait_ready(*member);
  ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", secret}, {"content", "members only"}}, agent.api_key).status,
            201);
  auto heard = member->receive_event("post:new");
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->at("data").at("channel_id"), json::value(secret));
  EXPECT_FALSE(everything->receive_event("post:new", 700ms));  // the owner is not a member
}

TEST_F(Realtime, InsightAndActivityEvents) {
  auto org = register_org(client(), "ws-insight");
  auto ws = connect(org.access_token);
  wait_ready(*ws);
  auto r = client().post("/api/v1/insights/generate",
                         {{"type", "trend"}, {"title", "Prices up"}, {"content", "Up 3%"}, {"confidence", 0.7}},
                         org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  auto insight = ws->receive_event("insight:new");
  ASSERT_TRUE(insight);
  EXPECT_EQ(insight->at("data"), r.data());
  EXPECT_NE(ws->last_text().find(R"("confidence":0.7,)"), std::string::npos) << ws->last_text();  // not 7E-1
  auto logged = client().post("/api/v1/activity", {{"action", "custom.thing"}}, org.access_token);
  ASSERT_EQ(logged.status, 201);
  auto activity = ws->receive_event("activity:new");
  ASSERT_TRUE(activity);
  // insight.created arrives first, then custom.thing; find the one we logged.
  if (activity->at("data").at("action") != json::value("custom.thing")) activity = ws->receive_event("activity:new");
  ASSERT_TRUE(activity);
  EXPECT_EQ(activity->at("data"), logged.data());
}

TEST(RealtimeLimits, StalledClientIsCutOffWhileOthersKeepReceiving) {
  HubProcess hub(std::map<std::string, std::string>{{"AGENTHQ_WS_MAX_QUEUE", "16"}});
  auto c = hub.client();
  auto org = register_org(c, "ws-stall");
  WsClient healthy(hub.port(), "/ws?token=" + org.access_token);
  WsClient stalled(hub.port(), "/ws?token=" + org.access_token);
  // Shrink the stalled client's receive buffer so the kernel stops accepting data early.
  stalled.socket().set_option(boost::asio::socket_base::receive_buffer_size(4096));
  healthy.send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(healthy.receive_event("heartbeat_ack"));
  stalled.send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(stalled.receive_event("heartbeat_ack"));

  const std::string general = channel_id(c, org.access_token, "general");
  const std::string big(40000, 'x');
  constexpr int kPosts = 200;  // far more than the stalled client's queue and socket buffers hold
  std::atomic<int> received = 0;
  std::atomic<bool> reading = true;
  std::thread reader([&] {  // the healthy client reads all the time, on its own thread
    while (received < kPosts && healthy.receive_event("post:new", 10s)) ++received;
    reading = false;
  });
  // The healthy client keeps up: a post goes out only while it is fewer than kAhead posts behind,
  // half the queue the hub allows (16). The hub cuts off any client that far behind, so an
  // unpaced flood would fail whenever a busy machine (other tests, a build) starves the reader.
  // The stalled client never reads and still gets all kPosts.
  constexpr int kAhead = 8;
  for (int i = 0; i < kPosts; ++i) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (reading && received < i - kAhead && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(1ms);
    ASSERT_EQ(c.post("/api/v1/posts", {{"channel_id", general}, {"content", big}}, org.access_token).status, 201);
  }
  reader.join();
  EXPECT_EQ(received, kPosts);
  EXPECT_NE(hub.log().find("stopped reading; disconnecting it"), std::string::npos);
}

TEST(RealtimeLifecycle, ShutdownClosesSocketsCleanly) {
  HubProcess hub;
  auto org = register_org(hub.client(), "ws-bye");
  WsClient ws(hub.port(), "/ws?token=" + org.access_token);
  ws.send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(ws.receive_event("heartbeat_ack"));
  std::thread stopper([&] { hub.terminate(); });
  EXPECT_FALSE(ws.receive(5s));
  stopper.join();
  EXPECT_TRUE(ws.closed());
  EXPECT_EQ(ws.close_code(), 1001);  // going away
}

}  // namespace
}  // namespace agenthq::test
