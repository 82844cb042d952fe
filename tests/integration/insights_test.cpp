// POST /insights/generate, GET /insights (every filter), GET /insights/:id, PATCH /insights/:id:
// shapes, validation (source ids must be the org's own), audit entries, and isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class InsightRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // A post in the org's #general channel, straight into the table (posts are another route group).
  std::string insert_post(const std::string& org_id) {
    const std::string id = util::new_ulid();
    db().exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) SELECT $1, $2, c.id, "
              "'fixture', 'user', 'source post' FROM channels c WHERE c.org_id = $2 AND c.name = 'general'",
              {id, org_id});
    return id;
  }

  std::string member_token(const TestOrg& org) {
    const std::string email = "member-" + random_suffix(6) + "@example.com";
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, 'M', 'member')",
              {util::new_ulid(), org.id, email, auth::hash_password("member-pass", 4)});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "member-pass"}});
    return std::string(r.data().at("accessToken").as_string());
  }

  std::string generate(const std::string& token, json::object body) {
    if (!body.contains("title")) body["title"] = "A title";
    if (!body.contains("content")) body["content"] = "Some content";
    if (!body.contains("type")) body["type"] = "trend";
    auto r = client().post("/api/v1/insights/generate", body, token);
    if (r.status != 201) throw std::runtime_error("generate failed: " + r.body);
    return std::string(r.data().at("id").as_string());
  }

  static std::vector<std::string> ids(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.data().as_array()) out.emplace_back(e.at("id").as_string());
    return out;
  }

  static HubProcess* hub_;
};
HubProcess* InsightRoutes::hub_ = nullptr;

TEST_F(InsightRoutes, GenerateStoresAndAuditsAnInsight) {
  auto org = register_org(client(), "gen");
  auto agent = register_agent(client(), org.access_token, "analyst");
  const std::string post = insert_post(org.id);

  auto r = client().post("/api/v1/insights/generate",
                         {{"type", "anomaly"},
                          {"title", "Listings spike"},
                          {"content", "Listings doubled overnight."},
                          {"data", {{"delta", 2}}},
                          {"source_posts", {post}},
                          {"source_agents", {agent.id}},
                          {"confidence", 0.75},
                          {"reviewed", true},
                          {"org_id", "other"}},
                         agent.api_key);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto& i = r.data().as_object();
  for (const char* key : {"id", "org_id", "type", "title", "content", "data", "source_posts", "source_agents",
                          "confidence", "reviewed", "created_at"})
    EXPECT_TRUE(i.contains(key)) << key;
  EXPECT_EQ(i.size(), 11u);  // never search_vector
  EXPECT_EQ(i.at("org_id"), json::value(org.id));
  EXPECT_EQ(i.at("type"), "anomaly");
  EXPECT_EQ(i.at("title"), "Listings spike");
  EXPECT_EQ(i.at("data"), json::parse(R"({"delta":2})"));
  EXPECT_EQ(i.at("source_posts"), json::array{json::value(post)});
  EXPECT_EQ(i.at("source_agents"), json::array{json::value(agent.id)});
  EXPECT_EQ(i.at("confidence"), 0.75);
  EXPECT_EQ(i.at("reviewed"), false);  // not settable at creation
  const std::string id(i.at("id").as_string());
  EXPECT_EQ(db().scalar("SELECT jsonb_typeof(source_posts) || jsonb_typeof(source_agents) FROM insights WHERE id = $1",
                        {id}),
            "arrayarray");

  auto minimal = client().post("/api/v1/insights/generate",
                               {{"type", "summary"}, {"title", "T"}, {"content", "C"}}, org.access_token);
  ASSERT_EQ(minimal.status, 201) << minimal.body;
  EXPECT_EQ(minimal.data().at("data"), json::object{});
  EXPECT_EQ(minimal.data().at("source_posts"), json::array{});
  EXPECT_EQ(minimal.data().at("source_agents"), json::array{});
  EXPECT_TRUE(minimal.data().at("confidence").is_null());
  for (double edge : {0.0, 1.0}) {
    auto e = client().post("/api/v1/insights/generate",
                           {{"type", "trend"}, {"title", "T"}, {"content", "C"}, {"confidence", edge}}, org.access_token);
    ASSERT_EQ(e.status, 201) << e.body;
    EXPECT_EQ(e.data().at("confidence").to_number<double>(), edge);
  }

  auto rows = db().query("SELECT actor_id, actor_type, resource_type, resource_id, details->>'type', ip_address FROM "
                         "activity_log WHERE org_id = $1 AND action = 'insight.created' ORDER BY created_at",
                         {org.id});
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (Row{agent.id, "agent", "insight", id, "anomaly", "127.0.0.1"}));
  EXPECT_EQ(rows[1][0], org.owner_id);
}

TEST_F(InsightRoutes, GenerateValidation) {
  auto org = register_org(client(), "val");
  auto other = register_org(client(), "val-other");
  auto foreign_agent = register_agent(client(), other.access_token, "foreign");
  const std::string foreign_post = insert_post(other.id);
  const std::string own_post = insert_post(org.id);
  auto own_agent = register_agent(client(), org.access_token, "own");

  json::object ok{{"type", "trend"}, {"title", "T"}, {"content", "C"}};
  auto with = [&](const std::string& key, json::value v) {
    json::object b = ok;
    b[key] = std::move(v);
    return b;
  };
  auto without = [&](const std::string& key) {
    json::object b = ok;
    b.erase(key);
    return b;
  };
  struct Case {
    json::object body;
    std::string fragment;
  };
  std::vector<Case> cases = {
      {without("type"), "type"},
      {with("type", "prediction"), "type"},
      {with("type", 3), "type"},
      {without("title"), "title"},
      {with("title", ""), "title"},
      {without("content"), "content"},
      {with("content", ""), "content"},
      {with("data", json::array{}), "data"},
      {with("data", nullptr), "data"},
      {with("source_posts", "abc"), "source_posts"},
      {with("source_posts", {1}), "source_posts"},
      {with("source_agents", {json::object{}}), "source_agents"},
      {with("confidence", 1.5), "confidence"},
      {with("confidence", -0.01), "confidence"},
      {with("confidence", "0.5"), "confidence"},
      {with("confidence", nullptr), "confidence"},
      // Source ids must be posts/agents of the caller's org.
      {with("source_posts", {util::new_ulid()}), "source_posts"},
      {with("source_posts", {own_post, foreign_post}), "source_posts"},
      {with("source_posts", {own_agent.id}), "source_posts"},
      {with("source_agents", {foreign_agent.id}), "source_agents"},
      {with("source_agents", {own_post}), "source_agents"},
  };
  for (const auto& c : cases) {
    auto r = client().post("/api/v1/insights/generate", c.body, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << json::serialize(c.body);
    EXPECT_NE(r.json.at("error").at("message").as_string().find(c.fragment), std::string::npos) << r.body;
  }
  // Nothing was stored or audited by the refused requests.
  EXPECT_EQ(db().scalar("SELECT count(*) FROM insights WHERE org_id = $1", {org.id}), "0");
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'insight.created'", {org.id}),
            "0");
  auto fine = client().post("/api/v1/insights/generate",
                            with("source_posts", {own_post, own_post}), org.access_token);
  EXPECT_EQ(fine.status, 201) << fine.body;
  EXPECT_EQ(client().post("/api/v1/insights/generate", ok).status, 401);
}

TEST_F(InsightRoutes, ListIsNewestFirstWithEveryFilter) {
  auto org = register_org(client(), "list");
  const std::string& t = org.access_token;
  auto i1 = generate(t, {{"type", "trend"}, {"confidence", 0.2}});
  auto i2 = generate(t, {{"type", "summary"}, {"confidence", 0.8}});
  auto i3 = generate(t, {{"type", "trend"}});
  auto i4 = generate(t, {{"type", "trend"}, {"confidence", 0.9}});
  // Known timestamps for the `since` filter (insights are not append-only).
  const char* times[] = {"2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z",
                         "2026-01-04T00:00:00Z"};
  int n = 0;
  for (const auto& id : {i1, i2, i3, i4})
    db().exec("UPDATE insights SET created_at = $2::timestamptz WHERE id = $1", {id, times[n++]});
  ASSERT_EQ(client().patch("/api/v1/insights/" + i2, {{"reviewed", true}}, t).status, 200);
  db().exec("UPDATE insights SET reviewed = NULL WHERE id = $1", {i3});  // the column is nullable

  auto all = client().get("/api/v1/insights", t);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all), (std::vector<std::string>{i4, i3, i2, i1}));
  EXPECT_EQ(all.json.at("pagination"), json::parse(R"({"page":1,"limit":20,"total":4,"hasMore":false})"));
  for (const auto& i : all.data().as_array()) EXPECT_FALSE(i.as_object().contains("search_vector"));

  EXPECT_EQ(ids(client().get("/api/v1/insights?type=trend", t)), (std::vector<std::string>{i4, i3, i1}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?type=anomaly", t)), std::vector<std::string>{});
  EXPECT_EQ(ids(client().get("/api/v1/insights?since=2026-01-02T00:00:00Z", t)), (std::vector<std::string>{i4, i3, i2}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?since=2026-01-03", t)), (std::vector<std::string>{i4, i3}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?reviewed=true", t)), (std::vector<std::string>{i2}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?reviewed=false", t)), (std::vector<std::string>{i4, i3, i1}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?min_confidence=0.8", t)), (std::vector<std::string>{i4, i2}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?min_confidence=0", t)), (std::vector<std::string>{i4, i2, i1}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?min_confidence=.85", t)), (std::vector<std::string>{i4}));
  EXPECT_EQ(ids(client().get("/api/v1/insights?type=trend&reviewed=false&min_confidence=0.5&since=2026-01-01", t)),
            (std::vector<std::string>{i4}));
  EXPECT_EQ(client().get("/api/v1/insights?type=&since=&reviewed=&min_confidence=", t).json.at("pagination").at("total"),
            4);

  for (const char* bad : {"since=last-week", "since=2026-02-30", "reviewed=yes", "reviewed=1", "min_confidence=high",
                          "min_confidence=0.5x", "min_confidence=nan"}) {
    auto r = client().get(std::string("/api/v1/insights?") + bad, t);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << bad;
  }

  auto p2 = client().get("/api/v1/insights?page=2&limit=3", t);
  EXPECT_EQ(ids(p2), (std::vector<std::string>{i1}));
  EXPECT_EQ(p2.json.at("pagination"), json::parse(R"({"page":2,"limit":3,"total":4,"hasMore":false})"));
  EXPECT_EQ(client().get("/api/v1/insights?limit=2", t).json.at("pagination").at("hasMore"), true);
  EXPECT_TRUE(client().get("/api/v1/insights?page=3&limit=2", t).data().as_array().empty());
  EXPECT_EQ(client().get("/api/v1/insights?limit=101", t).json.at("pagination").at("limit"), 100);
  EXPECT_EQ(client().get("/api/v1/insights?limit=-7", t).json.at("pagination").at("limit"), 1);
  EXPECT_EQ(client().get("/api/v1/insights?limit=0&page=0", t).json.at("pagination"),
            json::parse(R"({"page":1,"limit":20,"total":4,"hasMore":false})"));
}

TEST_F(InsightRoutes, GetOneAndMarkReviewed) {
  auto org = register_org(client(), "review");
  auto agent = register_agent(client(), org.access_token, "analyst");
  const std::string id = generate(agent.api_key, {{"confidence", 0.5}});

  auto got = client().get("/api/v1/insights/" + id, agent.api_key);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.data().at("id"), json::value(id));
  EXPECT_EQ(got.data().as_object().size(), 11u);
  EXPECT_EQ(client().get("/api/v1/insights/" + util::new_ulid(), org.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/insights/" + util::new_ulid(), org.access_token).error_code(), "NOT_FOUND");

  // Reviewing is a human's call: agents are refused.
  auto by_agent = client().patch("/api/v1/insights/" + id, {{"reviewed", true}}, agent.api_key);
  EXPECT_EQ(by_agent.status, 403);
  EXPECT_EQ(by_agent.error_code(), "FORBIDDEN");

  auto reviewed = client().patch("/api/v1/insights/" + id, {{"reviewed", true}, {"title", "changed"}}, member_token(org));
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.data().at("reviewed"), true);
  EXPECT_EQ(reviewed.data().at("title"), "A title");  // only reviewed can change
  EXPECT_EQ(reviewed.data().as_object().size(), 11u);
  EXPECT_EQ(client().get("/api/v1/insights/" + id, agent.api_key).data().at("reviewed"), true);
  auto undone = client().patch("/api/v1/insights/" + id, {{"reviewed", false}}, org.access_token);
  EXPECT_EQ(undone.data().at("reviewed"), false);

  for (json::value bad : {json::value(nullptr), json::value("true"), json::value(1)}) {
    auto r = client().patch("/api/v1/insights/" + id, {{"reviewed", bad}}, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(bad);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
  }
  EXPECT_EQ(client().patch("/api/v1/insights/" + id, json::object{}, org.access_token).status, 400);
  EXPECT_EQ(client().patch("/api/v1/insights/" + util::new_ulid(), {{"reviewed", true}}, org.access_token).status, 404);

  auto rows = db().query("SELECT actor_type, resource_id, details::text FROM activity_log WHERE org_id = $1 AND "
                         "action = 'insight.reviewed' ORDER BY created_at",
                         {org.id});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "user");
  EXPECT_EQ(rows[0][1], id);
  EXPECT_EQ(json::parse(*rows[0][2]), json::parse(R"({"reviewed":true})"));
  EXPECT_EQ(json::parse(*rows[1][2]), json::parse(R"({"reviewed":false})"));
}

TEST_F(InsightRoutes, TwoOrgsNeverSeeEachOthersInsights) {
  auto a = register_org(client(), "iso-a");
  auto b = register_org(client(), "iso-b");
  auto agent_b = register_agent(client(), b.access_token, "b-bot");
  const std::string secret = generate(a.access_token, {{"type", "anomaly"}, {"confidence", 0.99}});
  const std::string mine = generate(b.access_token, {{"type", "summary"}});

  for (const auto& token : {b.access_token, agent_b.api_key}) {
    EXPECT_EQ(ids(client().get("/api/v1/insights", token)), (std::vector<std::string>{mine}));
    EXPECT_TRUE(client().get("/api/v1/insights?type=anomaly", token).data().as_array().empty());
    EXPECT_TRUE(client().get("/api/v1/insights?min_confidence=0.9", token).data().as_array().empty());
    EXPECT_EQ(client().get("/api/v1/insights/" + secret, token).status, 404);
  }
  EXPECT_EQ(client().patch("/api/v1/insights/" + secret, {{"reviewed", true}}, b.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/insights/" + secret, a.access_token).data().at("reviewed"), false);
  EXPECT_EQ(ids(client().get("/api/v1/insights", a.access_token)), (std::vector<std::string>{secret}));
}

}  // namespace
}  // namespace agenthq::test
