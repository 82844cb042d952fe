// Agent presence combines its sockets and its REST heartbeats: online while it has a socket or
// a recent heartbeat that said online; offline when both are gone or it said so.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

class AgentPresence : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  void SetUp() override {
    org_ = register_org(client(), "presence");
    agent_ = register_agent(client(), org_.access_token, "presence-bot");
  }
  std::unique_ptr<WsClient> open_socket() const {
    auto ws = std::make_unique<WsClient>(hub_->port(), "/ws?token=" + agent_.api_key);
    ws->send(json::object{{"event", "heartbeat"}});
    EXPECT_TRUE(ws->receive_event("heartbeat_ack"));  // registered (and recorded) by now
    return ws;
  }
  std::string sockets() const {
    PgConn db(hub_->database().conninfo());
    return db.scalar("SELECT socket_count FROM agents WHERE id = $1", {agent_.id}).value_or("?");
  }
  // The server records a closed socket when it notices the close: wait for that, not for a time.
  void wait_for_sockets(const std::string& n) const {
    for (int i = 0; i < 500 && sockets() != n; ++i) std::this_thread::sleep_for(20ms);
    ASSERT_EQ(sockets(), n);
  }
  std::string reported_status() const {
    auto r = client().get("/api/v1/agents/" + agent_.id, org_.access_token);
    return std::string(r.data().at("status").as_string());
  }
  void rest_heartbeat(const json::object& body) const {
    ASSERT_EQ(client().post("/api/v1/agents/" + agent_.id + "/heartbeat", body, agent_.api_key).status, 200);
  }

  static HubProcess* hub_;
  TestOrg org_;
  TestAgent agent_;
};
HubProcess* AgentPresence::hub_ = nullptr;

TEST_F(AgentPresence, ARecentRestHeartbeatKeepsTheAgentOnlineAfterItsSocketCloses) {
  rest_heartbeat({{"status", "online"}});
  auto socket = open_socket();
  wait_for_sockets("1");
  socket.reset();
  wait_for_sockets("0");
  EXPECT_EQ(reported_status(), "online");
}

TEST_F(AgentPresence, ReconnectingSocketsOverlapWithoutGoingOffline) {
  auto first = open_socket();
  auto second = open_socket();  // the SDK reconnects before the old socket is gone
  wait_for_sockets("2");
  first.reset();
  wait_for_sockets("1");
  EXPECT_EQ(reported_status(), "online");
  second.reset();
  wait_for_sockets("0");
  EXPECT_EQ(reported_status(), "offline");  // no socket and no REST heartbeat left
}

TEST_F(AgentPresence, SayingOfflineWinsOverAnOpenSocketAndStaysAfterItCloses) {
  auto socket = open_socket();
  rest_heartbeat({{"status", "offline"}});
  EXPECT_EQ(reported_status(), "offline");
  socket.reset();
  wait_for_sockets("0");
  EXPECT_EQ(reported_status(), "offline");
}

TEST_F(AgentPresence, BusyFromRestSurvivesASocketComingAndGoing) {
  rest_heartbeat({{"status", "busy"}});
  auto socket = open_socket();
  EXPECT_EQ(reported_status(), "busy");
  socket.reset();
  wait_for_sockets("0");
  EXPECT_EQ(reported_status(), "busy");
}

}  // namespace
}  // namespace agenthq::test
