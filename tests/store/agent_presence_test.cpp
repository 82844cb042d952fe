// The agents' presence store (sockets and REST heartbeats combined), called directly: what each
// socket change announces and what GET /agents/:id then reports.
#include <boost/json.hpp>

#include "hub/accounts/account_store.hpp"
#include "hub/agents/agent_presence_store.hpp"
#include "hub/agents/agent_store.hpp"
#include "store_fixture.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using std::chrono::seconds;

class AgentPresenceStore : public StoreTest {
 protected:
  void SetUp() override {
    owner_ = new_owner("presence");
    hub::AccountStore accounts(db(), seconds(300));
    hub::NewAgent a;
    a.org_id = owner_.org_id;
    a.name = "bot";
    a.api_key_hash = "x";
    a.api_key_prefix = "ahq_store_" + random_suffix(6);
    a.owner_user_id = owner_.id;
    const auto agent = run(accounts.create_agent(a, hub::audit_by(owner_, "agent.registered", "agent", "", "")));
    agent_ = {auth::Identity::Kind::agent, std::string(agent.at("id").as_string()), owner_.org_id, ""};
  }
  std::string reported() {
    hub::AgentStore agents(db(), seconds(300));
    auto found = run(agents.find(owner_.org_id, agent_.id));
    return found ? std::string(found->at("status").as_string()) : "?";
  }
  void rest_heartbeat(const std::string& status) {
    hub::AgentStore agents(db(), seconds(300));
    ASSERT_EQ(run(agents.heartbeat(agent_, agent_.id, status)), hub::AgentWrite::done);
  }
  void age(const char* column, const char* by) {
    superuser().exec(std::string("UPDATE agents SET ") + column + " = now() - interval '" + by + "' WHERE id = $1",
                     {agent_.id});
  }

  hub::AgentPresenceStore store_{seconds(300)};
  auth::Identity owner_;
  auth::Identity agent_;
};

TEST_F(AgentPresenceStore, OnlyTheFirstSocketAndTheLastCloseAreAnnounced) {
  EXPECT_EQ(run(store_.socket_opened(agent_, db())), std::optional<std::string>("online"));
  EXPECT_EQ(run(store_.socket_opened(agent_, db())), std::nullopt);  // another process, same agent
  EXPECT_EQ(run(store_.socket_closed(agent_, db())), std::nullopt);
  EXPECT_EQ(reported(), "online");
  EXPECT_EQ(run(store_.socket_closed(agent_, db())), std::optional<std::string>("offline"));
  EXPECT_EQ(reported(), "offline");
  // A close nobody opened (a restarted process) never drives the count below zero.
  EXPECT_EQ(run(store_.socket_closed(agent_, db())), std::nullopt);
  EXPECT_EQ(superuser().scalar("SELECT socket_count FROM agents WHERE id = $1", {agent_.id}), "0");
}

TEST_F(AgentPresenceStore, AnExpiredRestHeartbeatNoLongerKeepsTheAgentOnline) {
  rest_heartbeat("online");
  run(store_.socket_opened(agent_, db()));
  age("rest_heartbeat_at", "10 minutes");  // older than the 300 s timeout
  EXPECT_EQ(run(store_.socket_closed(agent_, db())), std::optional<std::string>("offline"));
  EXPECT_EQ(reported(), "offline");
}

TEST_F(AgentPresenceStore, AfterTheLastSocketARestHeartbeatKeepsItOnlineOnlyAsLongAsItLasts) {
  rest_heartbeat("online");
  age("rest_heartbeat_at", "200 seconds");
  run(store_.socket_opened(agent_, db()));
  EXPECT_EQ(run(store_.socket_closed(agent_, db())), std::nullopt);
  EXPECT_EQ(reported(), "online");
  // last_heartbeat went back to the REST heartbeat: it expires with it, not 300 s after the close.
  EXPECT_EQ(superuser().scalar("SELECT last_heartbeat = rest_heartbeat_at FROM agents WHERE id = $1", {agent_.id}),
            "t");
  age("last_heartbeat", "301 seconds");
  EXPECT_EQ(reported(), "offline");
}

TEST_F(AgentPresenceStore, AProcessThatDiedWithASocketOpenLeavesTheAgentOfflineOnceHeartbeatsStop) {
  run(store_.socket_opened(agent_, db()));  // and the process is killed: no close is ever recorded
  EXPECT_EQ(reported(), "online");
  age("last_heartbeat", "10 minutes");
  EXPECT_EQ(reported(), "offline");
  // Its next socket anywhere counts on top of the stale one, and still says online.
  run(store_.socket_opened(agent_, db()));
  EXPECT_EQ(reported(), "online");
}

TEST_F(AgentPresenceStore, ASocketHeartbeatRefreshesWithoutOverridingBusy) {
  rest_heartbeat("busy");
  run(store_.socket_opened(agent_, db()));
  age("last_heartbeat", "10 minutes");
  EXPECT_EQ(run(store_.socket_heartbeat(agent_, db())), std::nullopt);
  EXPECT_EQ(reported(), "busy");
}

}  // namespace
}  // namespace agenthq::test
