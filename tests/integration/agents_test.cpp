// GET /agents, /agents/search, GET|PATCH|DELETE /agents/:id, POST /agents/:id/heartbeat:
// shapes, pagination, full-text ranking, capability containment, computed presence, the
// authorisation matrix (agent self / other agent, owning user / other member / admin / owner),
// audit entries and isolation between two organisations.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <thread>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

struct TestUser {
  std::string id;
  std::string token;
};

class AgentRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // A further user of the org with the given role (invites are another feature), logged in.
  TestUser add_user(const TestOrg& org, const std::string& role) {
    const std::string email = role + "-" + random_suffix(6) + "@example.com";
    const std::string id = util::new_ulid();
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, 'U', $5)",
              {id, org.id, email, auth::hash_password("user-pass-123", 4), role});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "user-pass-123"}});
    if (r.status != 200) throw std::runtime_error("login failed: " + r.body);
    return {id, std::string(r.data().at("accessToken").as_string())};
  }

  // Agent ids of a list/search reply, in order.
  static std::vector<std::string> ids(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& a : r.data().as_array()) out.emplace_back(a.at("id").as_string());
    return out;
  }

  std::string stored_status(const std::string& id) { return *db().scalar("SELECT status FROM agents WHERE id = $1", {id}); }

  static HubProcess* hub_;
};
HubProcess* AgentRoutes::hub_ = nullptr;

TEST_F(AgentRoutes, ListIsNewestFirstWithContractPagination) {
  auto org = register_org(client(), "list");
  std::vector<std::string> made;
  for (int i = 0; i < 5; ++i) made.push_back(register_agent(client(), org.access_token, "bot-" + std::to_string(i)).id);
  const std::vector<std::string> newest_first(made.rbegin(), made.rend());

  auto all = client().get("/api/v1/agents", org.access_token);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("success"), true);
  EXPECT_EQ(ids(all), newest_first);
  EXPECT_EQ(all.json.at("pagination"), json::parse(R"({"page":1,"limit":20,"total":5,"hasMore":false})"));

  // The Agent shape: exactly the contract's fields, capabilities a real array, no secrets.
  const auto& a = all.data().at(0).as_object();
  for (const char* key : {"id", "org_id", "name", "description", "api_key_prefix", "owner_user_id", "status",
                          "last_heartbeat", "capabilities", "metadata", "created_at", "updated_at"})
    EXPECT_TRUE(a.contains(key)) << key;
  EXPECT_EQ(a.size(), 12u);
  EXPECT_TRUE(a.at("capabilities").is_array());
  EXPECT_TRUE(a.at("metadata").is_object());
  EXPECT_EQ(a.at("status"), "offline");
  EXPECT_EQ(a.at("owner_user_id"), json::value(org.owner_id));

  auto p2 = client().get("/api/v1/agents?page=2&limit=2", org.access_token);
  EXPECT_EQ(ids(p2), (std::vector<std::string>{newest_first[2], newest_first[3]}));
  EXPECT_EQ(p2.json.at("pagination"), json::parse(R"({"page":2,"limit":2,"total":5,"hasMore":true})"));
  auto p3 = client().get("/api/v1/agents?page=3&limit=2", org.access_token);
  EXPECT_EQ(ids(p3), (std::vector<std::string>{newest_first[4]}));
  EXPECT_EQ(p3.json.at("pagination").at("hasMore"), false);
  auto beyond = client().get("/api/v1/agents?page=9&limit=2", org.access_token);
  EXPECT_TRUE(beyond.data().as_array().empty());
  EXPECT_EQ(beyond.json.at("pagination").at("total"), 5);

  EXPECT_EQ(client().get("/api/v1/agents?limit=500", org.access_token).json.at("pagination").at("limit"), 100);
  EXPECT_EQ(client().get("/api/v1/agents?limit=-3", org.access_token).json.at("pagination").at("limit"), 1);
  EXPECT_EQ(client().get("/api/v1/agents?limit=abc", org.access_token).json.at("pagination").at("limit"), 20);
  EXPECT_EQ(client().get("/api/v1/agents?limit=2abc", org.access_token).json.at("pagination").at("limit"), 2);
  auto neg_page = client().get("/api/v1/agents?page=-4&limit=1", org.access_token);
  EXPECT_EQ(neg_page.json.at("pagination").at("page"), 1);
  EXPECT_EQ(ids(neg_page), (std::vector<std::string>{newest_first[0]}));

  // Agents read the list too.
  auto agent = register_agent(client(), org.access_token, "reader");
  EXPECT_EQ(client().get("/api/v1/agents", agent.api_key).json.at("pagination").at("total"), 6);
  EXPECT_EQ(client().get("/api/v1/agents").status, 401);
}

TEST_F(AgentRoutes, GetOneAndUnknownIds) {
  auto org = register_org(client(), "get");
  auto agent = register_agent(client(), org.access_token, "solo");
  auto r = client().get("/api/v1/agents/" + agent.id, agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("id"), json::value(agent.id));
  EXPECT_EQ(r.data().at("name"), "solo");
  EXPECT_FALSE(r.data().as_object().contains("api_key_hash"));
  EXPECT_FALSE(r.data().as_object().contains("search_vector"));
  EXPECT_EQ(r.data().at("api_key_prefix"), json::value(agent.api_key.substr(0, 12)));

  auto missing = client().get("/api/v1/agents/" + util::new_ulid(), org.access_token);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "NOT_FOUND");
  EXPECT_EQ(client().get("/api/v1/agents/not-even-a-ulid", org.access_token).status, 404);
}

TEST_F(AgentRoutes, SearchRanksByRelevanceThenRecency) {
  auto org = register_org(client(), "fts");
  auto patch = [&](const std::string& id, json::object body) {
    auto r = client().patch("/api/v1/agents/" + id, body, org.access_token);
    ASSERT_EQ(r.status, 200) << r.body;
  };
  auto strong = register_agent(client(), org.access_token, "Pricing analyst");
  patch(strong.id, {{"description", "pricing pricing models for listing pricing"}});
  auto weak = register_agent(client(), org.access_token, "Helper");
  patch(weak.id, {{"description", "mostly calendars and email, sometimes pricing questions as well"}});
  auto unrelated = register_agent(client(), org.access_token, "Scheduler");
  patch(unrelated.id, {{"description", "calendars only"}});
  auto tie_old = register_agent(client(), org.access_token, "Twin");
  patch(tie_old.id, {{"description", "zebra"}});
  auto tie_new = register_agent(client(), org.access_token, "Twin");
  patch(tie_new.id, {{"description", "zebra"}});

  auto pricing = client().get("/api/v1/agents/search?q=pricing", org.access_token);
  ASSERT_EQ(pricing.status, 200) << pricing.body;
  EXPECT_EQ(ids(pricing), (std::vector<std::string>{strong.id, weak.id}));
  EXPECT_EQ(pricing.json.at("pagination").at("total"), 2);
  // Stemming: "prices" and "pricing" share the stem.
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?q=prices", org.access_token)),
            (std::vector<std::string>{strong.id, weak.id}));
  // Plain words are ANDed; operators are not interpreted.
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?q=pricing%20models", org.access_token)),
            (std::vector<std::string>{strong.id}));
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?q=pricing%20%7C%20calendars", org.access_token)),
            (std::vector<std::string>{weak.id}));
  // Equal rank: newest first.
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?q=zebra", org.access_token)),
            (std::vector<std::string>{tie_new.id, tie_old.id}));
  // Pages follow the ranked order.
  auto second = client().get("/api/v1/agents/search?q=pricing&limit=1&page=2", org.access_token);
  EXPECT_EQ(ids(second), (std::vector<std::string>{weak.id}));
  EXPECT_EQ(second.json.at("pagination"), json::parse(R"({"page":2,"limit":1,"total":2,"hasMore":false})"));
  EXPECT_TRUE(client().get("/api/v1/agents/search?q=nothingmatches", org.access_token).data().as_array().empty());

  // Without q: every agent, newest first.
  auto everyone = client().get("/api/v1/agents/search", org.access_token);
  EXPECT_EQ(everyone.json.at("pagination").at("total"), 5);
  EXPECT_EQ(everyone.data().at(0).at("id"), json::value(tie_new.id));
  EXPECT_EQ(client().get("/api/v1/agents/search?q=%20%20", org.access_token).json.at("pagination").at("total"), 5);
}

TEST_F(AgentRoutes, SearchByCapabilitiesRequiresAllOfThem) {
  auto org = register_org(client(), "caps");
  auto both = register_agent(client(), org.access_token, "duo");
  auto one = register_agent(client(), org.access_token, "solo");
  auto other = register_agent(client(), org.access_token, "planner");
  client().patch("/api/v1/agents/" + both.id, {{"capabilities", {"pricing", "comps"}}}, org.access_token);
  client().patch("/api/v1/agents/" + one.id, {{"capabilities", {"pricing"}}}, org.access_token);
  client().patch("/api/v1/agents/" + other.id, {{"capabilities", {"scheduling"}}}, org.access_token);

  // Stored as a real JSON array (the reference stored a Postgres array literal).
  EXPECT_EQ(db().scalar("SELECT jsonb_typeof(capabilities) || ':' || capabilities::text FROM agents WHERE id = $1",
                        {both.id}),
            R"(array:["pricing", "comps"])");

  auto pricing = client().get("/api/v1/agents/search?capabilities=pricing", org.access_token);
  EXPECT_EQ(ids(pricing), (std::vector<std::string>{one.id, both.id}));
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?capabilities=pricing,comps", org.access_token)),
            (std::vector<std::string>{both.id}));
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?capabilities=%20comps%20,%20pricing%20,", org.access_token)),
            (std::vector<std::string>{both.id}));
  EXPECT_TRUE(client().get("/api/v1/agents/search?capabilities=pricing,scheduling", org.access_token)
                  .data().as_array().empty());
  EXPECT_TRUE(client().get("/api/v1/agents/search?capabilities=Pricing", org.access_token).data().as_array().empty());
  // An empty list filters nothing; JSON-looking input is just a capability name.
  EXPECT_EQ(client().get("/api/v1/agents/search?capabilities=,%20,", org.access_token).json.at("pagination").at("total"),
            3);
  EXPECT_TRUE(client().get("/api/v1/agents/search?capabilities=%5B%5D", org.access_token).data().as_array().empty());
  // Combined with q.
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?capabilities=pricing&q=solo", org.access_token)),
            (std::vector<std::string>{one.id}));
}

TEST_F(AgentRoutes, PresenceIsComputedFromTheHeartbeat) {
  auto org = register_org(client(), "presence");
  auto live = register_agent(client(), org.access_token, "live");
  auto stale = register_agent(client(), org.access_token, "stale");
  auto busy = register_agent(client(), org.access_token, "busy");
  auto never = register_agent(client(), org.access_token, "never");
  ASSERT_EQ(client().post("/api/v1/agents/" + live.id + "/heartbeat", json::object{}, live.api_key).status, 200);
  ASSERT_EQ(client().post("/api/v1/agents/" + stale.id + "/heartbeat", json::object{}, stale.api_key).status, 200);
  ASSERT_EQ(client().post("/api/v1/agents/" + busy.id + "/heartbeat", {{"status", "busy"}}, busy.api_key).status, 200);
  // stale said it was online, but its last heartbeat is 10 minutes old (timeout: 5 minutes).
  db().exec("UPDATE agents SET last_heartbeat = now() - interval '10 minutes' WHERE id = $1", {stale.id});
  // never claims online in the row but has never sent a heartbeat at all.
  db().exec("UPDATE agents SET status = 'online' WHERE id = $1", {never.id});
  EXPECT_EQ(stored_status(stale.id), "online");

  EXPECT_EQ(client().get("/api/v1/agents/" + live.id, org.access_token).data().at("status"), "online");
  EXPECT_EQ(client().get("/api/v1/agents/" + stale.id, org.access_token).data().at("status"), "offline");
  EXPECT_EQ(client().get("/api/v1/agents/" + busy.id, org.access_token).data().at("status"), "busy");
  EXPECT_EQ(client().get("/api/v1/agents/" + never.id, org.access_token).data().at("status"), "offline");
  const auto listed = client().get("/api/v1/agents", org.access_token);
  for (const auto& a : listed.data().as_array())
    if (a.at("id") == json::value(stale.id)) EXPECT_EQ(a.at("status"), "offline");

  EXPECT_EQ(ids(client().get("/api/v1/agents/search?status=online", org.access_token)),
            (std::vector<std::string>{live.id}));
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?status=busy", org.access_token)),
            (std::vector<std::string>{busy.id}));
  EXPECT_EQ(ids(client().get("/api/v1/agents/search?status=offline", org.access_token)),
            (std::vector<std::string>{never.id, stale.id}));
  auto stale_search = client().get("/api/v1/agents/search?q=stale", org.access_token);
  EXPECT_EQ(stale_search.data().at(0).at("status"), "offline");
  // A stale busy agent is offline too.
  db().exec("UPDATE agents SET last_heartbeat = now() - interval '10 minutes' WHERE id = $1", {busy.id});
  EXPECT_TRUE(client().get("/api/v1/agents/search?status=busy", org.access_token).data().as_array().empty());
  EXPECT_EQ(client().get("/api/v1/agents/search?status=offline", org.access_token).json.at("pagination").at("total"),
            3);

  for (const char* bad : {"away", "ONLINE", "online,busy"}) {
    auto r = client().get(std::string("/api/v1/agents/search?status=") + bad, org.access_token);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
  }
}

TEST_F(AgentRoutes, HeartbeatSetsTimeAndStatus) {
  auto org = register_org(client(), "hb");
  auto agent = register_agent(client(), org.access_token, "beat");
  const std::string path = "/api/v1/agents/" + agent.id + "/heartbeat";
  const auto updated_before = db().scalar("SELECT updated_at::text FROM agents WHERE id = $1", {agent.id});
  EXPECT_FALSE(db().scalar("SELECT last_heartbeat FROM agents WHERE id = $1", {agent.id}));

  // No status: a heartbeat means alive, so offline -> online.
  auto r = client().post(path, json::object{}, agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data(), json::parse(R"({"ok":true})"));
  EXPECT_EQ(stored_status(agent.id), "online");
  EXPECT_EQ(db().scalar("SELECT now() - last_heartbeat < interval '1 minute' FROM agents WHERE id = $1", {agent.id}),
            "t");
  // An explicit status wins; a busy agent stays busy on a bare heartbeat.
  client().post(path, {{"status", "busy"}}, agent.api_key);
  EXPECT_EQ(stored_status(agent.id), "busy");
  client().post(path, json::object{}, agent.api_key);
  EXPECT_EQ(stored_status(agent.id), "busy");
  client().post(path, {{"status", "offline"}}, agent.api_key);
  EXPECT_EQ(stored_status(agent.id), "offline");
  EXPECT_EQ(client().get("/api/v1/agents/" + agent.id, org.access_token).data().at("status"), "offline");
  client().post(path, {{"status", "online"}}, agent.api_key);
  EXPECT_EQ(client().get("/api/v1/agents/" + agent.id, org.access_token).data().at("status"), "online");
  // Heartbeats are not edits.
  EXPECT_EQ(db().scalar("SELECT updated_at::text FROM agents WHERE id = $1", {agent.id}), updated_before);

  for (json::value bad : {json::value("away"), json::value(nullptr), json::value(1)}) {
    auto e = client().post(path, {{"status", bad}}, agent.api_key);
    EXPECT_EQ(e.status, 400) << json::serialize(bad);
    EXPECT_EQ(e.error_code(), "VALIDATION_ERROR");
  }
  // Unknown id: 404, not the reference's ok.
  auto unknown = client().post("/api/v1/agents/" + util::new_ulid() + "/heartbeat", json::object{}, org.access_token);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "NOT_FOUND");
}

TEST_F(AgentRoutes, HeartbeatAndPatchAuthorisationMatrix) {
  auto org = register_org(client(), "authz");
  auto admin = add_user(org, "admin");
  auto member = add_user(org, "member");
  auto other_member = add_user(org, "member");
  auto viewer = add_user(org, "viewer");
  auto owners_agent = register_agent(client(), org.access_token, "owners");
  auto members_agent = register_agent(client(), member.token, "members");
  EXPECT_EQ(client().get("/api/v1/agents/" + members_agent.id, org.access_token).data().at("owner_user_id"),
            json::value(member.id));

  auto heartbeat = [&](const std::string& id, const std::string& token) {
    return client().post("/api/v1/agents/" + id + "/heartbeat", json::object{}, token).status;
  };
  auto rename = [&](const std::string& id, const std::string& token) {
    return client().patch("/api/v1/agents/" + id, {{"name", "renamed-" + random_suffix(4)}}, token).status;
  };
  for (auto op : {std::function<int(const std::string&, const std::string&)>(heartbeat),
                  std::function<int(const std::string&, const std::string&)>(rename)}) {
    // An agent acts on itself only.
    EXPECT_EQ(op(owners_agent.id, owners_agent.api_key), 200);
    EXPECT_EQ(op(members_agent.id, owners_agent.api_key), 403);
    // A user on the agents they own; owners and admins on any; others never.
    EXPECT_EQ(op(members_agent.id, member.token), 200);
    EXPECT_EQ(op(owners_agent.id, member.token), 403);
    EXPECT_EQ(op(members_agent.id, other_member.token), 403);
    EXPECT_EQ(op(members_agent.id, viewer.token), 403);
    EXPECT_EQ(op(members_agent.id, admin.token), 200);
    EXPECT_EQ(op(members_agent.id, org.access_token), 200);
    EXPECT_EQ(op(owners_agent.id, admin.token), 200);
  }
  auto denied = client().patch("/api/v1/agents/" + owners_agent.id, {{"name", "x"}}, member.token);
  EXPECT_EQ(denied.error_code(), "FORBIDDEN");
  // Nothing changed by the refused attempts, and no audit entry claims otherwise.
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'agent.updated' AND "
                        "actor_id IN ($2, $3)",
                        {org.id, other_member.id, viewer.id}),
            "0");
  EXPECT_EQ(db().scalar("SELECT name FROM agents WHERE id = $1", {owners_agent.id}).value().rfind("renamed-", 0), 0u);
}

TEST_F(AgentRoutes, PatchValidatesUpdatesAndAudits) {
  auto org = register_org(client(), "patch");
  auto agent = register_agent(client(), org.access_token, "patchme");
  const std::string path = "/api/v1/agents/" + agent.id;

  auto r = client().patch(path,
                          {{"name", "Renamed"},
                           {"description", "Does things"},
                           {"capabilities", {"a", "b"}},
                           {"metadata", {{"model", "x"}, {"n", 1}}},
                           {"status", "online"},
                           {"api_key_hash", "x"},
                           {"org_id", "hijack"}},
                          agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& a = r.data().as_object();
  EXPECT_EQ(a.at("name"), "Renamed");
  EXPECT_EQ(a.at("description"), "Does things");
  EXPECT_EQ(a.at("capabilities"), json::parse(R"(["a","b"])"));
  EXPECT_EQ(a.at("metadata"), json::parse(R"({"model":"x","n":1})"));
  EXPECT_EQ(a.at("status"), "offline");  // not a PATCH field
  EXPECT_EQ(a.at("org_id"), json::value(org.id));
  EXPECT_FALSE(a.contains("api_key_hash"));
  EXPECT_FALSE(a.contains("search_vector"));
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(db().scalar("SELECT updated_at > created_at FROM agents WHERE id = $1", {agent.id}), "t");

  // Absent fields stay; null description clears; capabilities replace.
  auto partial = client().patch(path, {{"description", nullptr}, {"capabilities", json::array{}}}, agent.api_key);
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(partial.data().at("name"), "Renamed");
  EXPECT_TRUE(partial.data().at("description").is_null());
  EXPECT_EQ(partial.data().at("capabilities"), json::array{});
  EXPECT_EQ(partial.data().at("metadata").at("model"), "x");
  // The stored search vector follows the new name.
  EXPECT_EQ(client().get("/api/v1/agents/search?q=renamed", org.access_token).json.at("pagination").at("total"), 1);

  struct Case {
    json::value body;
    std::string fragment;
  };
  std::vector<Case> cases = {
      {json::object{}, "at least one"},
      {json::object{{"unknown", 1}}, "at least one"},
      {json::object{{"name", ""}}, "name"},
      {json::object{{"name", nullptr}}, "name"},
      {json::object{{"name", 7}}, "name"},
      {json::object{{"description", 5}}, "description"},
      {json::object{{"capabilities", "pricing"}}, "capabilities"},
      {json::object{{"capabilities", {1, 2}}}, "capabilities"},
      {json::object{{"capabilities", {""}}}, "capabilities"},
      {json::object{{"metadata", json::array{}}}, "metadata"},
      {json::object{{"metadata", "x"}}, "metadata"},
      {json::object{{"name", "ok"}, {"metadata", 3}}, "metadata"},
  };
  for (const auto& c : cases) {
    auto e = client().patch(path, c.body, agent.api_key);
    EXPECT_EQ(e.status, 400) << json::serialize(c.body);
    EXPECT_EQ(e.error_code(), "VALIDATION_ERROR");
    EXPECT_NE(e.body.find(c.fragment), std::string::npos) << e.body;
  }
  EXPECT_EQ(client().patch("/api/v1/agents/" + util::new_ulid(), {{"name", "x"}}, org.access_token).status, 404);

  // One agent.updated entry per successful PATCH, naming the changed fields, actor and address.
  auto rows = db().query("SELECT actor_id, actor_type, resource_type, resource_id, details::text, ip_address FROM "
                         "activity_log WHERE org_id = $1 AND action = 'agent.updated' ORDER BY created_at",
                         {org.id});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], agent.id);
  EXPECT_EQ(rows[0][1], "agent");
  EXPECT_EQ(rows[0][2], "agent");
  EXPECT_EQ(rows[0][3], agent.id);
  EXPECT_EQ(json::parse(*rows[0][4]), json::parse(R"({"fields":["name","description","capabilities","metadata"]})"));
  EXPECT_EQ(rows[0][5], "127.0.0.1");
  EXPECT_EQ(json::parse(*rows[1][4]), json::parse(R"({"fields":["description","capabilities"]})"));
}

TEST_F(AgentRoutes, DeleteRulesCacheAndAudit) {
  auto org = register_org(client(), "delete");
  auto admin = add_user(org, "admin");
  auto member = add_user(org, "member");
  auto other_member = add_user(org, "member");
  auto members_agent = register_agent(client(), member.token, "members");
  auto owners_agent = register_agent(client(), org.access_token, "owners");
  auto spare = register_agent(client(), org.access_token, "spare");

  // Agents never delete agents, themselves included.
  auto self = client().del("/api/v1/agents/" + members_agent.id, members_agent.api_key);
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(self.error_code(), "FORBIDDEN");
  EXPECT_EQ(client().del("/api/v1/agents/" + spare.id, members_agent.api_key).status, 403);
  EXPECT_EQ(client().del("/api/v1/agents/" + owners_agent.id, member.token).status, 403);
  EXPECT_EQ(client().del("/api/v1/agents/" + members_agent.id, other_member.token).status, 403);
  EXPECT_EQ(db().scalar("SELECT count(*) FROM agents WHERE org_id = $1", {org.id}), "3");

  // The key works (and is now in the verified-key cache) until the agent is deleted...
  ASSERT_EQ(client().get("/api/v1/agents", members_agent.api_key).status, 200);
  auto gone = client().del("/api/v1/agents/" + members_agent.id, member.token);
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(gone.data(), json::parse(R"({"deleted":true})"));
  // ...and stops working at once.
  auto after = client().get("/api/v1/agents", members_agent.api_key);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.error_code(), "INVALID_API_KEY");
  EXPECT_EQ(client().get("/api/v1/agents/" + members_agent.id, org.access_token).status, 404);
  EXPECT_EQ(client().del("/api/v1/agents/" + members_agent.id, member.token).status, 404);

  EXPECT_EQ(client().del("/api/v1/agents/" + owners_agent.id, admin.token).status, 200);
  EXPECT_EQ(client().del("/api/v1/agents/" + spare.id, org.access_token).status, 200);
  EXPECT_EQ(client().del("/api/v1/agents/" + util::new_ulid(), org.access_token).status, 404);

  auto rows = db().query("SELECT actor_id, resource_id, details->>'name' FROM activity_log WHERE org_id = $1 AND "
                         "action = 'agent.deleted' ORDER BY created_at",
                         {org.id});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{member.id, members_agent.id, "members"}));
  EXPECT_EQ(rows[1], (Row{admin.id, owners_agent.id, "owners"}));
  EXPECT_EQ(rows[2], (Row{org.owner_id, spare.id, "spare"}));

  // Another process that had verified a key forgets it as soon as the agent is deleted elsewhere
  // (not when its cache entry would expire, 60 s later).
  {
    HubProcess second(*hub_, {});
    auto doomed = register_agent(client(), org.access_token, "doomed");
    ASSERT_EQ(second.client().get("/api/v1/org", doomed.api_key).status, 200);  // now cached there
    ASSERT_EQ(client().del("/api/v1/agents/" + doomed.id, org.access_token).status, 200);
    int status = 0;
    for (int i = 0; i < 50 && status != 401; ++i) {
      status = second.client().get("/api/v1/org", doomed.api_key).status;
      if (status != 401) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(status, 401) << "the other process still accepts a deleted agent's key";
  }
}

TEST_F(AgentRoutes, TwoOrgsNeverSeeEachOthersAgents) {
  auto a = register_org(client(), "iso-a");
  auto b = register_org(client(), "iso-b");
  auto agent_a = register_agent(client(), a.access_token, "Secretive pricing agent");
  client().patch("/api/v1/agents/" + agent_a.id, {{"capabilities", {"pricing"}}}, a.access_token);
  auto agent_b = register_agent(client(), b.access_token, "B pricing agent");
  client().post("/api/v1/agents/" + agent_a.id + "/heartbeat", json::object{}, agent_a.api_key);

  for (const auto& token : {b.access_token, agent_b.api_key}) {
    EXPECT_EQ(ids(client().get("/api/v1/agents", token)), (std::vector<std::string>{agent_b.id}));
    EXPECT_EQ(ids(client().get("/api/v1/agents/search?q=pricing", token)), (std::vector<std::string>{agent_b.id}));
    EXPECT_TRUE(client().get("/api/v1/agents/search?q=secretive", token).data().as_array().empty());
    EXPECT_TRUE(client().get("/api/v1/agents/search?capabilities=pricing", token).data().as_array().empty());
    EXPECT_TRUE(client().get("/api/v1/agents/search?status=online", token).data().as_array().empty());
    const std::string path = "/api/v1/agents/" + agent_a.id;
    EXPECT_EQ(client().get(path, token).status, 404);
    EXPECT_EQ(client().patch(path, {{"name", "pwned"}}, token).status, 404);
    EXPECT_EQ(client().post(path + "/heartbeat", {{"status", "busy"}}, token).status, 404);
    EXPECT_EQ(client().del(path, token).status, 404);
  }
  auto still = client().get("/api/v1/agents/" + agent_a.id, a.access_token);
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.data().at("name"), "Secretive pricing agent");
  EXPECT_EQ(still.data().at("status"), "online");
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action LIKE 'agent.%' AND "
                        "action <> 'agent.registered'",
                        {b.id}),
            "0");
}

}  // namespace
}  // namespace agenthq::test
