// Real-estate agent profiles: upsert and read, who may write them, validation, audit, isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using boost::beast::http::verb;

class ReProfiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  HttpResult put(const std::string& agent_id, const json::object& body, const std::string& token) {
    return client().request(verb::put, "/api/v1/re/agents/" + agent_id + "/profile", json::value(body),
                            token);
  }
  HttpResult get(const std::string& agent_id, const std::string& token) {
    return client().get("/api/v1/re/agents/" + agent_id + "/profile", token);
  }
  // A user of the org with this role, added straight into the database, logged in.
  std::string user_token(const TestOrg& org, const std::string& role) {
    PgConn db(hub_->database().conninfo());
    const std::string email = role + "-" + random_suffix(6) + "@example.com";
    db.exec(
        "INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, 'U', $5)",
        {util::new_ulid(), org.id, email, auth::hash_password("user-pass-1", 4), role});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "user-pass-1"}});
    return std::string(r.data().at("accessToken").as_string());
  }
  static HubProcess* hub_;
};
HubProcess* ReProfiles::hub_ = nullptr;

TEST_F(ReProfiles, UpsertReadAndList) {
  auto org = register_org(client(), "re-prof");
  auto zed = register_agent(client(), org.access_token, "Zed");
  auto amy = register_agent(client(), org.access_token, "Amy");
  auto none = register_agent(client(), org.access_token, "NoProfile");

  auto missing = get(zed.id, org.access_token);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "NOT_FOUND");

  auto created = put(zed.id,
                     {{"role", "listing_agent"},
                      {"license_number", "LIC-1"},
                      {"specializations", json::array{"luxury", "waterfront"}},
                      {"territories", json::array{"Harbourside"}},
                      {"agent_id", "ignored"}},
                     org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto& p = created.data().as_object();
  EXPECT_EQ(p.size(), 8u);
  EXPECT_EQ(p.at("agent_id"), json::value(zed.id));
  EXPECT_EQ(p.at("agent_name"), "Zed");
  EXPECT_EQ(p.at("role"), "listing_agent");
  EXPECT_EQ(p.at("license_number"), "LIC-1");
  EXPECT_EQ(p.at("specializations"), json::parse(R"(["luxury","waterfront"])"));
  EXPECT_EQ(p.at("territories"), json::parse(R"(["Harbourside"])"));
  EXPECT_EQ(std::string(p.at("created_at").as_string()).size(), 24u);
  EXPECT_EQ(get(zed.id, amy.api_key).data(), created.data());

  // PUT replaces the whole profile: absent fields go back to their defaults.
  auto updated = put(zed.id, {{"role", "broker"}}, org.access_token);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.data().at("role"), "broker");
  EXPECT_TRUE(updated.data().at("license_number").is_null());
  EXPECT_EQ(updated.data().at("specializations"), json::array());
  EXPECT_EQ(updated.data().at("created_at"), p.at("created_at"));
  EXPECT_GE(updated.data().at("updated_at").as_string(), p.at("updated_at").as_string());

  ASSERT_EQ(put(amy.id, {{"role", "buyers_agent"}, {"license_number", "L-2"}}, org.access_token).status, 201);
  auto all = client().get("/api/v1/re/profiles", org.access_token);
  ASSERT_EQ(all.status, 200);
  EXPECT_FALSE(all.json.as_object().contains("pagination"));
  ASSERT_EQ(all.data().as_array().size(), 2u);          // agents without a profile are not listed
  EXPECT_EQ(all.data().at(0).at("agent_name"), "Amy");  // by name
  EXPECT_EQ(all.data().at(1).at("agent_name"), "Zed");
  auto brokers = client().get("/api/v1/re/profiles?role=broker", org.access_token);
  ASSERT_EQ(brokers.data().as_array().size(), 1u);
  EXPECT_EQ(brokers.data().at(0).at("agent_id"), json::value(zed.id));
  EXPECT_EQ(client().get("/api/v1/re/profiles?role=boss", org.access_token).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(get(none.id, org.access_token).status, 404);

  PgConn db(hub_->database().conninfo());
  auto rows = db.query(
      "SELECT resource_type, resource_id, details::text FROM activity_log WHERE org_id = $1 AND "
      "action = 're_profile.updated' ORDER BY created_at, id",
      {org.id});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(*rows[0][0], "re_profile");
  EXPECT_EQ(*rows[0][1], zed.id);
  EXPECT_EQ(json::parse(*rows[0][2]), json::parse(R"({"role":"listing_agent","created":true})"));
  EXPECT_EQ(json::parse(*rows[1][2]), json::parse(R"({"role":"broker","created":false})"));

  // Deleting the agent deletes its profile.
  ASSERT_EQ(client().del("/api/v1/agents/" + amy.id, org.access_token).status, 200);
  EXPECT_EQ(client().get("/api/v1/re/profiles", org.access_token).data().as_array().size(), 1u);
}

TEST_F(ReProfiles, Validation) {
  auto org = register_org(client(), "re-prof-valid");
  auto agent = register_agent(client(), org.access_token, "a");
  struct Case {
    json::object body;
    std::string message_part;
  };
  std::vector<Case> cases{
      {json::object{}, "role is required"},
      {{{"role", "boss"}},
       "role must be one of: listing_agent, buyers_agent, broker, transaction_coordinator"},
      {{{"role", nullptr}}, "role must be one of"},
      {{{"role", "broker"}, {"license_number", 12}}, "license_number must be a string"},
      {{{"role", "broker"}, {"specializations", "luxury"}}, "specializations must be an array of strings"},
      {{{"role", "broker"}, {"specializations", json::array{1}}},
       "specializations must be an array of strings"},
      {{{"role", "broker"}, {"territories", json::array{""}}}, "territories must not contain empty strings"},
  };
  for (const auto& c : cases) {
    auto r = put(agent.id, c.body, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    EXPECT_NE(r.body.find(c.message_part), std::string::npos) << r.body;
  }
  auto unknown = put("01NOSUCHAGENT0000000000000", {{"role", "broker"}}, org.access_token);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "NOT_FOUND");
  // license_number null clears it.
  ASSERT_EQ(put(agent.id, {{"role", "broker"}, {"license_number", "X"}}, org.access_token).status, 201);
  auto cleared = put(agent.id, {{"role", "broker"}, {"license_number", nullptr}}, org.access_token);
  EXPECT_TRUE(cleared.data().at("license_number").is_null());
}

TEST_F(ReProfiles, WhoMayWriteAProfile) {
  auto org = register_org(client(), "re-prof-auth");
  const std::string member = user_token(org, "member");
  const std::string other_member = user_token(org, "member");
  const std::string admin = user_token(org, "admin");
  auto owned = register_agent(client(), member, "members-bot");
  auto owners_bot = register_agent(client(), org.access_token, "owners-bot");
  const json::object body{{"role", "buyers_agent"}};

  EXPECT_EQ(put(owned.id, body, owned.api_key).status, 201);     // the agent itself
  EXPECT_EQ(put(owned.id, body, member).status, 200);            // the user who owns it
  EXPECT_EQ(put(owned.id, body, admin).status, 200);             // admins
  EXPECT_EQ(put(owned.id, body, org.access_token).status, 200);  // owners
  auto other_agent = put(owners_bot.id, body, owned.api_key);    // another agent
  EXPECT_EQ(other_agent.status, 403);
  EXPECT_EQ(other_agent.error_code(), "FORBIDDEN");
  EXPECT_EQ(put(owned.id, body, other_member).status, 403);  // a member who does not own it
  EXPECT_EQ(put(owners_bot.id, body, member).status, 403);
  EXPECT_EQ(get(owners_bot.id, member).status, 404);  // nothing written by the refused calls
  // Everyone of the org may read.
  EXPECT_EQ(get(owned.id, other_member).status, 200);
  EXPECT_EQ(get(owned.id, owners_bot.api_key).status, 200);
  EXPECT_EQ(put(owned.id, body, "").status, 401);
}

TEST_F(ReProfiles, TenantIsolation) {
  auto a = register_org(client(), "re-prof-iso-a");
  auto b = register_org(client(), "re-prof-iso-b");
  auto agent_a = register_agent(client(), a.access_token, "a-agent");
  auto agent_b = register_agent(client(), b.access_token, "b-agent");
  ASSERT_EQ(put(agent_a.id, {{"role", "broker"}}, a.access_token).status, 201);
  for (const auto& tok : {b.access_token, agent_b.api_key}) {
    EXPECT_EQ(get(agent_a.id, tok).status, 404);
    auto p = put(agent_a.id, {{"role", "listing_agent"}}, tok);
    EXPECT_EQ(p.status, 404);
    EXPECT_EQ(p.error_code(), "NOT_FOUND");
    EXPECT_TRUE(client().get("/api/v1/re/profiles", tok).data().as_array().empty());
  }
  EXPECT_EQ(get(agent_a.id, a.access_token).data().at("role"), "broker");
}

}  // namespace
}  // namespace agenthq::test
