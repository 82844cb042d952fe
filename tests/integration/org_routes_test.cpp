// GET/PATCH /org, roles, and isolation between two organisations.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class OrgRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  // A member user added straight into the database (invites are a later feature), logged in.
  std::string member_token(const TestOrg& org) {
    PgConn db(hub_->database().conninfo());
    const std::string email = "member-" + random_suffix(6) + "@example.com";
    db.exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, 'M', 'member')",
            {util::new_ulid(), org.id, email, auth::hash_password("member-pass", 4)});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "member-pass"}});
    return std::string(r.data().at("accessToken").as_string());
  }
  static HubProcess* hub_;
};
HubProcess* OrgRoutes::hub_ = nullptr;

TEST_F(OrgRoutes, GetOrgWithJwtAndApiKey) {
  auto org = register_org(client(), "get");
  auto agent = register_agent(client(), org.access_token, "bot");
  for (const auto& token : {org.access_token, agent.api_key}) {
    auto r = client().get("/api/v1/org", token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto& o = r.data().as_object();
    EXPECT_EQ(o.at("id"), json::value(org.id));
    for (const char* key : {"id", "name", "slug", "plan", "settings", "created_at", "updated_at"})
      EXPECT_TRUE(o.contains(key)) << key;
    EXPECT_EQ(o.size(), 7u);
    // Timestamps are ISO-8601 UTC with milliseconds.
    std::string created(o.at("created_at").as_string());
    EXPECT_EQ(created.size(), 24u) << created;
    EXPECT_EQ(created.back(), 'Z');
  }
  EXPECT_EQ(client().get("/api/v1/org/current", org.access_token).data().at("id"), json::value(org.id));
}

TEST_F(OrgRoutes, MembersListsPeopleThenAgentsOfTheOrgOnly) {
  auto org = register_org(client(), "members");
  auto zed = register_agent(client(), org.access_token, "zed-bot");
  auto amy = register_agent(client(), org.access_token, "Amy-bot");
  const std::string member = member_token(org);
  auto other = register_org(client(), "members-other");
  register_agent(client(), other.access_token, "stranger-bot");

  for (const auto& token : {member, zed.api_key}) {
    auto r = client().get("/api/v1/org/members", token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto& list = r.data().as_array();
    ASSERT_EQ(list.size(), 4u) << r.body;  // owner, member, two agents; nobody of the other org
    EXPECT_EQ(list.at(0).at("type"), "user");
    EXPECT_EQ(list.at(1).at("type"), "user");
    std::set<std::string> roles{std::string(list.at(0).at("role").as_string()), std::string(list.at(1).at("role").as_string())};
    EXPECT_EQ(roles, (std::set<std::string>{"owner", "member"}));
    EXPECT_EQ(list.at(2).at("id"), json::value(amy.id)) << "by name, case-insensitively";
    EXPECT_EQ(list.at(3).at("id"), json::value(zed.id));
    EXPECT_TRUE(list.at(3).at("role").is_null());
    for (const auto& m : list) EXPECT_EQ(m.as_object().size(), 4u) << "no emails or key material";
  }
  EXPECT_EQ(client().get("/api/v1/org/members").status, 401);
}

TEST_F(OrgRoutes, PatchOrgOnlyNameAndSettingsByAdmins) {
  auto org = register_org(client(), "patch");
  auto r = client().patch("/api/v1/org",
                          {{"name", "Renamed"}, {"settings", {{"theme", "dark"}}}, {"slug", "hijack"},
                           {"plan", "enterprise"}, {"id", "X"}},
                          org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("name"), "Renamed");
  EXPECT_EQ(r.data().at("settings").at("theme"), "dark");
  EXPECT_EQ(r.data().at("slug"), json::value(org.slug));  // mass assignment ignored
  EXPECT_EQ(r.data().at("plan"), "free");
  EXPECT_EQ(r.data().at("id"), json::value(org.id));
  EXPECT_GT(r.data().at("updated_at").as_string(), r.data().at("created_at").as_string());

  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'org.updated'", {org.id}), "1");

  EXPECT_EQ(client().patch("/api/v1/org", {{"name", ""}}, org.access_token).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().patch("/api/v1/org", {{"settings", "x"}}, org.access_token).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().patch("/api/v1/org", json::object{}, org.access_token).error_code(), "VALIDATION_ERROR");

  auto member = client().patch("/api/v1/org", {{"name", "Mine"}}, member_token(org));
  EXPECT_EQ(member.status, 403);
  EXPECT_EQ(member.error_code(), "FORBIDDEN");
  auto agent = register_agent(client(), org.access_token, "bot");
  EXPECT_EQ(client().patch("/api/v1/org", {{"name", "Mine"}}, agent.api_key).status, 403);
  EXPECT_EQ(client().get("/api/v1/org", org.access_token).data().at("name"), "Renamed");
}

TEST_F(OrgRoutes, TwoOrgsNeverSeeEachOther) {
  auto a = register_org(client(), "iso-a");
  auto b = register_org(client(), "iso-b");
  auto agent_b = register_agent(client(), b.access_token, "b-bot");
  EXPECT_EQ(client().get("/api/v1/org", a.access_token).data().at("id"), json::value(a.id));
  EXPECT_EQ(client().get("/api/v1/org", agent_b.api_key).data().at("id"), json::value(b.id));
  client().patch("/api/v1/org", {{"name", "B renamed"}}, b.access_token);
  EXPECT_EQ(client().get("/api/v1/org", a.access_token).data().at("name"), json::value("Org " + a.slug));

  // A token claiming an org that is not the user's cannot reach it either: the claims are signed.
  json::object claims{{"sub", a.owner_id}, {"org_id", b.id}, {"role", "owner"}, {"type", "access"}};
  auto forged = client().get("/api/v1/org", forge_jwt(claims, 600, "HS256", std::string(40, 'z')));
  EXPECT_EQ(forged.status, 401);
}

TEST_F(OrgRoutes, RowLevelSecurityIsTheSecondWall) {
  // The hub's runtime role cannot read another org's rows even if a query forgot org_id.
  auto a = register_org(client(), "rls-a");
  auto b = register_org(client(), "rls-b");
  PgConn admin(hub_->database().conninfo());
  auto role = admin.scalar("SELECT grantee FROM information_schema.role_table_grants WHERE table_name = 'orgs' "
                           "AND privilege_type = 'SELECT' AND grantee LIKE 't_app%' LIMIT 1");
  ASSERT_TRUE(role);
  PgConn app(with_conninfo_param(hub_->database().conninfo(), "user", *role));
  app.exec("SELECT set_config('app.org_id', $1, false)", {a.id});
  EXPECT_EQ(app.scalar("SELECT count(*) FROM orgs"), "1");
  EXPECT_EQ(app.scalar("SELECT count(*) FROM users WHERE org_id = $1", {b.id}), "0");
  EXPECT_EQ(app.scalar("SELECT count(*) FROM channels WHERE org_id = $1", {b.id}), "0");
  auto err = app.try_exec("INSERT INTO channels (id, org_id, name) VALUES ('x', $1, 'sneaky')", {b.id});
  ASSERT_TRUE(err);
  EXPECT_EQ(err->sqlstate, "42501");  // new row violates row-level security policy
}

}  // namespace
}  // namespace agenthq::test
