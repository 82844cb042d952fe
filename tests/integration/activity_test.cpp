// POST /activity, GET /activity (every filter), GET /activity/recent, the append-only audit
// trail in the database itself, and isolation between two organisations.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class ActivityRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // An entry with a chosen timestamp, straight into the table (INSERT is allowed, even by hand).
  std::string insert_entry(const std::string& org_id, const std::string& action, const std::string& created_at,
                           const std::string& actor_id = "fixture-actor", const std::string& actor_type = "user",
                           const std::string& resource_type = "fixture") {
    const std::string id = util::new_ulid();
    db().exec("INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)",
              {id, org_id, actor_id, actor_type, action, resource_type, created_at});
    return id;
  }

  static std::vector<std::string> ids(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.data().as_array()) out.emplace_back(e.at("id").as_string());
    return out;
  }
  std::int64_t total(const std::string& target, const std::string& token) {
    auto r = client().get(target, token);
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    return r.status == 200 ? r.json.at("pagination").at("total").as_int64() : -1;
  }

  static HubProcess* hub_;
};
HubProcess* ActivityRoutes::hub_ = nullptr;

TEST_F(ActivityRoutes, PostLogsAnEntryForTheCaller) {
  auto org = register_org(client(), "post");
  auto agent = register_agent(client(), org.access_token, "logger");

  auto r = client().post("/api/v1/activity",
                         {{"action", "deal.closed"},
                          {"resource_type", "transaction"},
                          {"resource_id", "tx-1"},
                          {"details", {{"amount", 5}}},
                          {"actor_id", "someone-else"},
                          {"ip_address", "6.6.6.6"},
                          {"org_id", "other"}},
                         agent.api_key);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("success"), true);
  const auto& e = r.data().as_object();
  for (const char* key : {"id", "org_id", "actor_id", "actor_type", "action", "resource_type", "resource_id",
                          "details", "ip_address", "created_at"})
    EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_EQ(e.size(), 10u);
  EXPECT_EQ(e.at("id").as_string().size(), 26u);
  EXPECT_EQ(e.at("org_id"), json::value(org.id));
  EXPECT_EQ(e.at("actor_id"), json::value(agent.id));  // from the identity, never the body
  EXPECT_EQ(e.at("actor_type"), "agent");
  EXPECT_EQ(e.at("action"), "deal.closed");
  EXPECT_EQ(e.at("resource_type"), "transaction");
  EXPECT_EQ(e.at("resource_id"), "tx-1");
  EXPECT_EQ(e.at("details"), json::parse(R"({"amount":5})"));
  EXPECT_EQ(e.at("ip_address"), "127.0.0.1");  // the socket's address
  EXPECT_EQ(e.at("created_at").as_string().size(), 24u);

  // Minimal body: details default to {}, resources to null; users are actors too.
  auto minimal = client().post("/api/v1/activity", {{"action", "x"}}, org.access_token);
  ASSERT_EQ(minimal.status, 201) << minimal.body;
  EXPECT_EQ(minimal.data().at("details"), json::object{});
  EXPECT_TRUE(minimal.data().at("resource_type").is_null());
  EXPECT_TRUE(minimal.data().at("resource_id").is_null());
  EXPECT_EQ(minimal.data().at("actor_id"), json::value(org.owner_id));
  EXPECT_EQ(minimal.data().at("actor_type"), "user");
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action IN ('x', 'deal.closed')",
                        {org.id}),
            "2");

  struct Case {
    json::value body;
    std::string fragment;
  };
  std::vector<Case> cases = {
      {json::object{}, "action"},
      {json::object{{"action", ""}}, "action"},
      {json::object{{"action", nullptr}}, "action"},
      {json::object{{"action", 12}}, "action"},
      {json::object{{"action", std::string(201, 'a')}}, "action"},
      {json::object{{"action", "ok"}, {"resource_type", 5}}, "resource_type"},
      {json::object{{"action", "ok"}, {"resource_id", nullptr}}, "resource_id"},
      {json::object{{"action", "ok"}, {"details", json::array{}}}, "details"},
      {json::object{{"action", "ok"}, {"details", "text"}}, "details"},
  };
  for (const auto& c : cases) {
    auto bad = client().post("/api/v1/activity", c.body, org.access_token);
    EXPECT_EQ(bad.status, 400) << json::serialize(c.body);
    EXPECT_EQ(bad.error_code(), "VALIDATION_ERROR");
    EXPECT_NE(bad.body.find(c.fragment), std::string::npos) << bad.body;
  }
  EXPECT_EQ(client().post("/api/v1/activity", {{"action", std::string(200, 'a')}}, org.access_token).status, 201);
  EXPECT_EQ(client().post("/api/v1/activity", {{"action", "x"}}).status, 401);
}

TEST_F(ActivityRoutes, ListIsNewestFirstWithEveryFilter) {
  auto org = register_org(client(), "filters");
  const std::string& t = org.access_token;
  auto e1 = insert_entry(org.id, "deal.opened", "2026-01-01T10:00:00Z", "u1", "user", "transaction");
  auto e2 = insert_entry(org.id, "deal.closed", "2026-01-02T10:00:00Z", "a1", "agent", "transaction");
  auto e3 = insert_entry(org.id, "deal.closed", "2026-01-03T10:00:00Z", "u1", "user", "listing");
  auto e4 = insert_entry(org.id, "deal.closed.late", "2026-01-04T10:00:00.000500Z", "a1", "agent", "listing");

  auto all = client().get("/api/v1/activity", t);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all), (std::vector<std::string>{e4, e3, e2, e1}));
  EXPECT_EQ(all.json.at("pagination"), json::parse(R"({"page":1,"limit":20,"total":4,"hasMore":false})"));

  EXPECT_EQ(ids(client().get("/api/v1/activity?actor_id=u1", t)), (std::vector<std::string>{e3, e1}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?action=deal.closed", t)), (std::vector<std::string>{e3, e2}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?action=deal", t)), std::vector<std::string>{});  // exact, not prefix
  EXPECT_EQ(ids(client().get("/api/v1/activity?actor_type=agent", t)), (std::vector<std::string>{e4, e2}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?resource_type=listing", t)), (std::vector<std::string>{e4, e3}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?actor_type=agent&resource_type=listing", t)),
            (std::vector<std::string>{e4}));

  // Bounds are inclusive, exact to the microsecond, and accept offsets and bare dates.
  EXPECT_EQ(ids(client().get("/api/v1/activity?from=2026-01-02T10:00:00Z", t)), (std::vector<std::string>{e4, e3, e2}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?to=2026-01-02T10:00:00.000Z", t)), (std::vector<std::string>{e2, e1}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?from=2026-01-02&to=2026-01-03T10:00:00Z", t)),
            (std::vector<std::string>{e3, e2}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?to=2026-01-04T10:00:00.000499Z", t)),
            (std::vector<std::string>{e3, e2, e1}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?from=2026-01-04T10:00:00.000500Z", t)), (std::vector<std::string>{e4}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?from=2026-01-03T12:00:00%2B02:00", t)),
            (std::vector<std::string>{e4, e3}));
  // The web app's names for the same bounds.
  EXPECT_EQ(ids(client().get("/api/v1/activity?date_from=2026-01-02&date_to=2026-01-02T23:59:59Z", t)),
            (std::vector<std::string>{e2}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?from=2026-01-01&date_from=2026-01-03", t)),
            (std::vector<std::string>{e4, e3}));
  EXPECT_EQ(ids(client().get("/api/v1/activity?action=deal.closed&actor_id=a1&from=2026-01-02&to=2026-01-05", t)),
            (std::vector<std::string>{e2}));
  // Empty values do not filter.
  EXPECT_EQ(total("/api/v1/activity?actor_id=&from=&action=", t), 4);

  for (const char* bad : {"from=yesterday", "to=2026-13-01", "date_from=2026-02-30", "date_to=12:00",
                          "from=2026-01-01T25:00:00Z"}) {
    auto r = client().get(std::string("/api/v1/activity?") + bad, t);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << bad;
  }

  // Pagination math.
  auto p2 = client().get("/api/v1/activity?page=2&limit=3", t);
  EXPECT_EQ(ids(p2), (std::vector<std::string>{e1}));
  EXPECT_EQ(p2.json.at("pagination"), json::parse(R"({"page":2,"limit":3,"total":4,"hasMore":false})"));
  EXPECT_EQ(client().get("/api/v1/activity?page=1&limit=3", t).json.at("pagination").at("hasMore"), true);
  EXPECT_TRUE(client().get("/api/v1/activity?page=5&limit=3", t).data().as_array().empty());
  EXPECT_EQ(client().get("/api/v1/activity?limit=1000", t).json.at("pagination").at("limit"), 100);
  EXPECT_EQ(client().get("/api/v1/activity?limit=-1", t).json.at("pagination").at("limit"), 1);
  EXPECT_EQ(client().get("/api/v1/activity?page=x&limit=y", t).json.at("pagination"),
            json::parse(R"({"page":1,"limit":20,"total":4,"hasMore":false})"));
}

TEST_F(ActivityRoutes, RecentReturnsTheNewestEntries) {
  auto org = register_org(client(), "recent");
  std::vector<std::string> made;
  for (int i = 0; i < 25; ++i) {
    char ts[32];
    std::snprintf(ts, sizeof ts, "2020-03-01T00:00:%02dZ", i);
    made.push_back(insert_entry(org.id, "tick", ts));
  }
  auto r = client().get("/api/v1/activity/recent", org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = ids(r);
  ASSERT_EQ(got.size(), 20u);
  EXPECT_EQ(got.front(), made.back());
  EXPECT_EQ(got.back(), made[5]);
  EXPECT_EQ(r.json.at("pagination"), json::parse(R"({"page":1,"limit":20,"total":25,"hasMore":true})"));
  auto five = client().get("/api/v1/activity/recent?limit=5&page=3", org.access_token);
  EXPECT_EQ(ids(five), (std::vector<std::string>{made[24], made[23], made[22], made[21], made[20]}));
  EXPECT_EQ(five.json.at("pagination").at("page"), 1);
  EXPECT_EQ(client().get("/api/v1/activity/recent?limit=500", org.access_token).data().as_array().size(), 25u);
  EXPECT_EQ(client().get("/api/v1/activity/recent?limit=500", org.access_token).json.at("pagination").at("limit"), 100);
  auto agent = register_agent(client(), org.access_token, "reader");
  // The agent registration itself is audited, so it is the newest entry now.
  auto by_agent = client().get("/api/v1/activity/recent?limit=1", agent.api_key);
  ASSERT_EQ(by_agent.status, 200);
  EXPECT_EQ(by_agent.data().at(0).at("action"), "agent.registered");
  EXPECT_EQ(by_agent.data().at(0).at("resource_id"), json::value(agent.id));
}

TEST_F(ActivityRoutes, AuditTrailIsAppendOnlyInTheDatabase) {
  auto org = register_org(client(), "append");
  ASSERT_EQ(client().post("/api/v1/activity", {{"action", "keep.me"}}, org.access_token).status, 201);
  const std::string before = *db().scalar("SELECT count(*) FROM activity_log");

  // Even the superuser cannot change or remove a row: the trigger of migration 006 refuses.
  PgConn admin = db();
  for (const std::string sql : {"UPDATE activity_log SET action = 'forged'",
                                "UPDATE activity_log SET details = '{}' WHERE action = 'keep.me'",
                                "DELETE FROM activity_log", "DELETE FROM activity_log WHERE action = 'keep.me'",
                                "TRUNCATE activity_log"}) {
    auto err = admin.try_exec(sql);
    ASSERT_TRUE(err) << sql << " succeeded";
    EXPECT_NE(std::string(err->what()).find("append-only"), std::string::npos) << err->what();
  }
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log"), before);
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE action = 'forged'"), "0");

  // The hub's runtime role does not even hold the privileges.
  auto role = db().scalar("SELECT grantee FROM information_schema.role_table_grants WHERE table_name = "
                          "'activity_log' AND privilege_type = 'INSERT' AND grantee LIKE 't_app%' LIMIT 1");
  ASSERT_TRUE(role);
  EXPECT_EQ(db().scalar("SELECT has_table_privilege($1, 'activity_log', 'SELECT') AND has_table_privilege($1, "
                        "'activity_log', 'INSERT')",
                        {*role}),
            "t");
  for (const char* privilege : {"UPDATE", "DELETE", "TRUNCATE"})
    EXPECT_EQ(db().scalar("SELECT has_table_privilege($1, 'activity_log', $2)", {*role, privilege}), "f") << privilege;
  PgConn app(with_conninfo_param(hub_->database().conninfo(), "user", *role));
  app.exec("SELECT set_config('app.org_id', $1, false)", {org.id});
  for (const std::string sql : {"UPDATE activity_log SET action = 'forged'", "DELETE FROM activity_log",
                                "TRUNCATE activity_log"}) {
    auto err = app.try_exec(sql);
    ASSERT_TRUE(err) << sql << " succeeded";
    EXPECT_EQ(err->sqlstate, "42501") << sql;  // insufficient privilege
  }
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log"), before);

  // And no route edits or deletes an entry.
  const std::string id(client().get("/api/v1/activity?action=keep.me", org.access_token).data().at(0).at("id").as_string());
  EXPECT_EQ(client().patch("/api/v1/activity/" + id, {{"action", "forged"}}, org.access_token).status, 404);
  EXPECT_EQ(client().del("/api/v1/activity/" + id, org.access_token).status, 404);
  EXPECT_EQ(client().del("/api/v1/activity", org.access_token).status, 404);
}

TEST_F(ActivityRoutes, TwoOrgsNeverSeeEachOthersEntries) {
  auto a = register_org(client(), "iso-a");
  auto b = register_org(client(), "iso-b");
  auto agent_b = register_agent(client(), b.access_token, "b-bot");
  ASSERT_EQ(client().post("/api/v1/activity", {{"action", "secret.a"}, {"resource_type", "r"}}, a.access_token).status,
            201);
  insert_entry(a.id, "secret.a", "2026-01-01T00:00:00Z");
  for (const auto& token : {b.access_token, agent_b.api_key}) {
    // (Named results: a range-for over a temporary's member would dangle.)
    const auto listed = client().get("/api/v1/activity?limit=100", token);
    for (const auto& e : listed.data().as_array()) EXPECT_EQ(e.at("org_id"), json::value(b.id));
    const auto recent = client().get("/api/v1/activity/recent?limit=100", token);
    for (const auto& e : recent.data().as_array()) EXPECT_EQ(e.at("org_id"), json::value(b.id));
    EXPECT_FALSE(listed.data().as_array().empty());  // b's own agent registration
    EXPECT_EQ(total("/api/v1/activity?action=secret.a", token), 0);
    EXPECT_EQ(total("/api/v1/activity?actor_id=" + a.owner_id, token), 0);
    EXPECT_EQ(total("/api/v1/activity?resource_type=r", token), 0);
  }
  EXPECT_EQ(total("/api/v1/activity?action=secret.a", a.access_token), 2);
  // An entry is always written into the caller's own org, whatever the body says.
  auto posted = client().post("/api/v1/activity", {{"action", "b.thing"}, {"org_id", a.id}}, agent_b.api_key);
  EXPECT_EQ(posted.data().at("org_id"), json::value(b.id));
  EXPECT_EQ(total("/api/v1/activity?action=b.thing", a.access_token), 0);
}

}  // namespace
}  // namespace agenthq::test
