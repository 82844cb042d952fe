// POST /auth/register, /auth/login, /auth/refresh, /auth/agents/register and the auth middleware,
// over real HTTP against a real hub process and PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class AuthRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  static HubProcess* hub_;
};
HubProcess* AuthRoutes::hub_ = nullptr;

json::object registration(const std::string& slug, const std::string& email) {
  return {{"orgName", "Acme"}, {"orgSlug", slug}, {"email", email}, {"password", "password123"}, {"name", "Ann"}};
}

TEST_F(AuthRoutes, RegisterCreatesOrgOwnerAndTokens) {
  const std::string slug = "acme-" + random_suffix(6);
  auto r = client().post("/api/v1/auth/register", registration(slug, slug + "@example.com"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("success"), true);
  const auto& d = r.data();
  EXPECT_EQ(d.at("org").at("slug"), json::value(slug));
  EXPECT_EQ(d.at("org").at("plan"), "free");
  EXPECT_TRUE(d.at("org").at("settings").is_object());
  EXPECT_EQ(d.at("org").at("id").as_string().size(), 26u);
  EXPECT_EQ(d.at("user").at("role"), "owner");
  EXPECT_FALSE(d.at("user").as_object().contains("password_hash"));
  EXPECT_FALSE(d.at("user").as_object().contains("org_id"));  // login has it, register does not
  EXPECT_FALSE(d.at("accessToken").as_string().empty());
  EXPECT_FALSE(d.at("refreshToken").as_string().empty());
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");

  // The default channels and their pinned posts came with it, in the same transaction.
  PgConn db(hub_->database().conninfo());
  const std::string org_id(d.at("org").at("id").as_string());
  EXPECT_EQ(db.scalar("SELECT string_agg(name || ':' || type, ',' ORDER BY name) FROM channels WHERE org_id = $1",
                      {org_id}),
            "alerts:system,audit:system,general:public,learnings:public,updates:public");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM posts WHERE org_id = $1 AND pinned AND author_type = 'system'", {org_id}),
            "6");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM channel_members m JOIN channels c ON c.id = m.channel_id "
                      "WHERE c.org_id = $1",
                      {org_id}),
            "0");
}

TEST_F(AuthRoutes, RegisterConflictsAndValidation) {
  const std::string slug = "dup-" + random_suffix(6);
  const std::string email = slug + "@example.com";
  ASSERT_EQ(client().post("/api/v1/auth/register", registration(slug, email)).status, 201);

  // Slug is checked before email.
  auto both = client().post("/api/v1/auth/register", registration(slug, email));
  EXPECT_EQ(both.status, 409);
  EXPECT_EQ(both.error_code(), "ORG_EXISTS");
  auto email_taken = client().post("/api/v1/auth/register", registration(slug + "-2", email));
  EXPECT_EQ(email_taken.status, 409);
  EXPECT_EQ(email_taken.error_code(), "EMAIL_EXISTS");
  // Nothing of the failed registration was left behind.
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM orgs WHERE slug = $1", {slug + "-2"}), "0");

  struct Case {
    json::object body;
    std::string fragment;
  };
  std::vector<Case> cases = {
      {{{"orgSlug", "x"}, {"email", "a@b.co"}, {"password", "password123"}, {"name", "n"}}, "orgName"},
      {{{"orgName", "A"}, {"orgSlug", "Bad Slug"}, {"email", "a@b.co"}, {"password", "password123"}, {"name", "n"}},
       "orgSlug"},
      {{{"orgName", "A"}, {"orgSlug", "ok"}, {"email", "not-an-email"}, {"password", "password123"}, {"name", "n"}},
       "email"},
      {{{"orgName", "A"}, {"orgSlug", "ok"}, {"email", "a@b.co"}, {"password", "short"}, {"name", "n"}}, "password"},
      {{{"orgName", "A"}, {"orgSlug", "ok"}, {"email", "a@b.co"}, {"password", std::string(73, 'p')}, {"name", "n"}},
       "password"},
      {{{"orgName", "A"}, {"orgSlug", "ok"}, {"email", "a@b.co"}, {"password", "password123"}}, "name"},
      {{{"orgName", 5}, {"orgSlug", "ok"}, {"email", "a@b.co"}, {"password", "password123"}, {"name", "n"}},
       "orgName"},
      {{{"orgName", nullptr}, {"orgSlug", "ok"}, {"email", "a@b.co"}, {"password", "password123"}, {"name", "n"}},
       "orgName"},
  };
  for (const auto& c : cases) {
    auto r = client().post("/api/v1/auth/register", c.body);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    EXPECT_NE(r.body.find(c.fragment), std::string::npos) << r.body;
  }
}

TEST_F(AuthRoutes, LoginAndRefresh) {
  auto org = register_org(client(), "login");
  auto login = client().post("/api/v1/auth/login", {{"email", org.owner_email}, {"password", org.password}});
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.data().at("user").at("org_id"), json::value(org.id));
  EXPECT_EQ(login.data().at("user").at("role"), "owner");
  const std::string access(login.data().at("accessToken").as_string());
  const std::string refresh(login.data().at("refreshToken").as_string());
  EXPECT_EQ(client().get("/api/v1/org", access).status, 200);

  // Unknown email and wrong password are indistinguishable.
  auto wrong = client().post("/api/v1/auth/login", {{"email", org.owner_email}, {"password", "wrong-password"}});
  auto unknown = client().post("/api/v1/auth/login", {{"email", "nobody-" + org.owner_email}, {"password", "x"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.error_code(), "INVALID_CREDENTIALS");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.error_code(), "INVALID_CREDENTIALS");
  EXPECT_EQ(wrong.json.at("error").at("message"), unknown.json.at("error").at("message"));
  EXPECT_EQ(client().post("/api/v1/auth/login", {{"email", "bad"}, {"password", "x"}}).error_code(), "VALIDATION_ERROR");

  // Login is audited.
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'user.login'", {org.id}), "1");

  auto refreshed = client().post("/api/v1/auth/refresh", {{"refreshToken", refresh}});
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const std::string new_access(refreshed.data().at("accessToken").as_string());
  EXPECT_EQ(client().get("/api/v1/org", new_access).status, 200);

  EXPECT_EQ(client().post("/api/v1/auth/refresh", json::object{}).error_code(), "MISSING_TOKEN");
  EXPECT_EQ(client().post("/api/v1/auth/refresh", json::object{}).status, 400);
  auto access_as_refresh = client().post("/api/v1/auth/refresh", {{"refreshToken", access}});
  EXPECT_EQ(access_as_refresh.status, 401);
  EXPECT_EQ(access_as_refresh.error_code(), "INVALID_TOKEN");
  EXPECT_EQ(client().post("/api/v1/auth/refresh", {{"refreshToken", "garbage"}}).error_code(), "INVALID_TOKEN");

  // A refresh token is never an access token.
  auto refresh_as_access = client().get("/api/v1/org", refresh);
  EXPECT_EQ(refresh_as_access.status, 401);
  EXPECT_EQ(refresh_as_access.error_code(), "INVALID_TOKEN");
}

TEST_F(AuthRoutes, RejectsBadTokens) {
  auto org = register_org(client(), "tokens");
  json::object claims{{"sub", org.owner_id}, {"org_id", org.id}, {"role", "owner"}, {"type", "access"}};
  EXPECT_EQ(client().get("/api/v1/org", forge_jwt(claims, 600)).status, 200);  // the forger itself works

  auto expect_401 = [&](const std::string& token, const std::string& code, const char* what) {
    auto r = client().get("/api/v1/org", token);
    EXPECT_EQ(r.status, 401) << what << ": " << r.body;
    EXPECT_EQ(r.error_code(), code) << what;
  };
  expect_401(forge_jwt(claims, -60), "UNAUTHORIZED", "expired");
  expect_401(forge_jwt(claims, 600, "HS256", std::string(40, 'x')), "UNAUTHORIZED", "forged with another secret");
  expect_401(forge_jwt(claims, 600, "none"), "UNAUTHORIZED", "alg none");
  expect_401(forge_jwt(claims, 600, "HS512"), "UNAUTHORIZED", "HS512 with the right secret");
  expect_401("not.a.jwt", "UNAUTHORIZED", "garbage");
  expect_401("ahq_" + std::string(43, 'A'), "INVALID_API_KEY", "unknown api key");
  expect_401("ahq_short", "INVALID_API_KEY", "malformed api key");

  auto no_header = client().get("/api/v1/org");
  EXPECT_EQ(no_header.status, 401);
  EXPECT_EQ(no_header.error_code(), "UNAUTHORIZED");
  auto basic = client().request(boost::beast::http::verb::get, "/api/v1/org", std::nullopt, "",
                                {{"Authorization", "Basic abc"}});
  EXPECT_EQ(basic.status, 401);
  EXPECT_EQ(basic.error_code(), "UNAUTHORIZED");
  json::object no_org{{"sub", org.owner_id}, {"role", "owner"}, {"type", "access"}};
  EXPECT_EQ(client().get("/api/v1/org", forge_jwt(no_org, 600)).status, 401);
}

TEST_F(AuthRoutes, AgentRegistrationAndApiKeys) {
  auto org = register_org(client(), "agents");
  auto r = client().post("/api/v1/auth/agents/register", {{"name", "scout"}, {"description", ""}}, org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto& agent = r.data().at("agent");
  const std::string key(r.data().at("apiKey").as_string());
  EXPECT_EQ(key.size(), 47u);
  EXPECT_EQ(key.rfind("ahq_", 0), 0u);
  EXPECT_EQ(agent.at("api_key_prefix"), json::value(key.substr(0, 12)));
  EXPECT_EQ(agent.at("org_id"), json::value(org.id));
  EXPECT_EQ(agent.at("owner_user_id"), json::value(org.owner_id));
  EXPECT_EQ(agent.at("status"), "offline");
  EXPECT_TRUE(agent.at("description").is_null());  // empty string stored as null
  EXPECT_TRUE(agent.at("capabilities").is_array());
  EXPECT_TRUE(agent.at("metadata").is_object());
  EXPECT_FALSE(agent.as_object().contains("api_key_hash"));
  EXPECT_FALSE(agent.as_object().contains("search_vector"));

  // The database keeps only a bcrypt hash and the prefix, never the key.
  PgConn db(hub_->database().conninfo());
  const std::string id(agent.at("id").as_string());
  auto hash = db.scalar("SELECT api_key_hash FROM agents WHERE id = $1", {id});
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$2b$", 0), 0u);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM agents WHERE api_key_hash LIKE '%' || $1 || '%'", {key.substr(12)}), "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM activity_log WHERE action = 'agent.registered' AND resource_id = $1", {id}),
            "1");

  // The key authenticates (twice: the second time from the verified-key cache).
  for (int i = 0; i < 2; ++i) {
    auto me = client().get("/api/v1/org", key);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.data().at("id"), json::value(org.id));
  }
  // A key with one character changed does not.
  std::string wrong = key;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(client().get("/api/v1/org", wrong).error_code(), "INVALID_API_KEY");

  // Agents cannot register agents; users must give a name.
  auto by_agent = client().post("/api/v1/auth/agents/register", {{"name", "x"}}, key);
  EXPECT_EQ(by_agent.status, 403);
  EXPECT_EQ(by_agent.error_code(), "FORBIDDEN");
  EXPECT_EQ(client().post("/api/v1/auth/agents/register", json::object{}, org.access_token).error_code(),
            "VALIDATION_ERROR");
  EXPECT_EQ(client().post("/api/v1/auth/agents/register", {{"name", "x"}}).status, 401);
}

}  // namespace
}  // namespace agenthq::test
