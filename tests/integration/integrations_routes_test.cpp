// POST /integrations/connect, GET /integrations(/:id), disconnect, delete, sync-logs: validation,
// encryption at rest, the connection check that follows a connect, roles and tenant isolation.
// The providers are the local fakes of support/fake_provider.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/fake_provider.hpp"
#include "support/hub_process.hpp"
#include "support/secret_log.hpp"
#include "util/crypto.hpp"
#include "util/encoding.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

// Every credential this suite hands the hub; none may ever appear in its log.
SecretLog secrets;  // this suite's own credentials

class IntegrationRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake_ = new FakeProvider();
    auto env = fake_->hub_env();
    env["AGENTHQ_PROVIDER_BACKOFF_MS"] = "20";
    env["AGENTHQ_PROVIDER_TIMEOUT_MS"] = "2000";
    env["FUB_SYSTEM_KEY"] = secrets.make("system-key");
    hub_ = new HubProcess(env);
  }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
    delete fake_;
    fake_ = nullptr;
  }
  void TearDown() override {
    // No credential handed to the hub so far is in its log (see SecretLog).
    if (hub_) {
      EXPECT_EQ(secrets.found_in(hub_->log()), std::vector<std::string>{}) << "logged by the hub";
    }
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // A further user of the org with the given role, logged in.
  std::string user_token(const TestOrg& org, const std::string& role) {
    const std::string email = role + "-" + random_suffix(6) + "@example.com";
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, 'U', $5)",
              {util::new_ulid(), org.id, email, auth::hash_password("user-pass-123", 4), role});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "user-pass-123"}});
    return std::string(r.data().at("accessToken").as_string());
  }

  // An API key the fake Follow Up Boss accepts.
  static std::string accepted_fub_key() {
    const std::string key = secrets.make("fub-key");
    fake_->edit([&](FakeState& s) { s.fub_keys.insert(key); });
    return key;
  }

  HttpResult connect_fub(const TestOrg& org, const std::string& key, json::object settings = {}) {
    json::object body{{"type", "fub"}, {"credentials", {{"apiKey", key}}}};
    if (!settings.empty()) body["settings"] = settings;
    return client().post("/api/v1/integrations/connect", body, org.access_token);
  }

  json::object integration(const TestOrg& org, const std::string& id) {
    auto r = client().get("/api/v1/integrations/" + id, org.access_token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.is_object() && r.json.as_object().contains("data") ? r.data().as_object() : json::object{};
  }

  // Waits for the connection check that follows a connect to leave its mark.
  json::object settled(const TestOrg& org, const std::string& id) {
    json::object row;
    EXPECT_TRUE(eventually([&] {
      row = integration(org, id);
      return row.contains("status") &&
             (row.at("status") == json::value("error") || !row.at("last_synced_at").is_null());
    })) << json::serialize(row);
    return row;
  }

  std::optional<std::string> sealed(const std::string& id) {
    return db().scalar("SELECT credentials_encrypted FROM integrations WHERE id = $1", {id});
  }

  static HubProcess* hub_;
  static FakeProvider* fake_;
};
HubProcess* IntegrationRoutes::hub_ = nullptr;
FakeProvider* IntegrationRoutes::fake_ = nullptr;

TEST_F(IntegrationRoutes, ConnectValidatesTypeAndCredentialShapes) {
  auto org = register_org(client(), "shapes");
  const std::string key = secrets.make("shape-key");
  const json::value cases[] = {
      json::object{{"credentials", {{"apiKey", key}}}},                               // type missing
      json::object{{"type", "salesforce"}, {"credentials", {{"apiKey", key}}}},       // unknown type
      json::object{{"type", 7}, {"credentials", {{"apiKey", key}}}},                  // type not a string
      json::object{{"type", "fub"}},                                                  // credentials missing
      json::object{{"type", "fub"}, {"credentials", nullptr}},                        // credentials null
      json::object{{"type", "fub"}, {"credentials", key}},                            // not an object
      json::object{{"type", "fub"}, {"credentials", json::object{}}},                 // apiKey missing
      json::object{{"type", "fub"}, {"credentials", {{"apiKey", ""}}}},               // apiKey empty
      json::object{{"type", "fub"}, {"credentials", {{"apiKey", 12345}}}},            // apiKey not a string
      json::object{{"type", "fub"}, {"credentials", {{"apiKey", "a\r\nX-Evil: 1"}}}}, // header injection
      json::object{{"type", "fub"}, {"credentials", {{"apiKey", key}}}, {"settings", "x"}},
      json::object{{"type", "dotloop"},
                   {"credentials", {{"accessToken", key}, {"expiresAt", 1700000000000}}}},  // refreshToken missing
      json::object{{"type", "dotloop"},
                   {"credentials", {{"accessToken", key}, {"refreshToken", key}, {"expiresAt", "tomorrow"}}}},
      json::object{{"type", "dotloop"}, {"credentials", {{"accessToken", key}, {"refreshToken", key}}}},
      json::object{{"type", "quickbooks"},
                   {"credentials", {{"accessToken", key}, {"refreshToken", key}, {"expiresAt", 1700000000000}}}},
      json::object{{"type", "quickbooks"},
                   {"credentials",
                    {{"accessToken", key}, {"refreshToken", key}, {"realmId", "../x"}, {"expiresAt", 1700000000000}}}},
      json::object{{"type", "quickbooks"},
                   {"credentials",
                    {{"accessToken", key}, {"refreshToken", key}, {"realmId", "123"}, {"expiresAt", -5}}}},
  };
  for (const auto& body : cases) {
    auto r = client().post("/api/v1/integrations/connect", body, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(body) << " -> " << r.body;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << r.body;
    EXPECT_EQ(r.body.find(key), std::string::npos) << "an error message repeats a credential: " << r.body;
  }
  auto named = client().post("/api/v1/integrations/connect", {{"type", "fub"}, {"credentials", json::object{}}},
                             org.access_token);
  EXPECT_NE(named.body.find("credentials.apiKey"), std::string::npos) << named.body;
  EXPECT_EQ(db().scalar("SELECT count(*) FROM integrations WHERE org_id = $1", {org.id}), "0");
}

TEST_F(IntegrationRoutes, ConnectStoresCredentialsEncryptedAndNeverReturnsThem) {
  auto org = register_org(client(), "seal");
  const std::string key = accepted_fub_key();
  auto r = connect_fub(org, key, {{"sync_deals", true}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto& i = r.data().as_object();
  for (const char* k : {"id", "org_id", "type", "status", "settings", "last_error", "last_synced_at", "created_at",
                        "updated_at"})
    EXPECT_TRUE(i.contains(k)) << k;
  EXPECT_EQ(i.size(), 9u) << r.body;
  EXPECT_EQ(i.at("type"), json::value("fub"));
  EXPECT_EQ(i.at("status"), json::value("connected"));
  EXPECT_EQ(i.at("org_id"), json::value(org.id));
  EXPECT_EQ(i.at("settings"), (json::value{{"sync_deals", true}}));
  EXPECT_TRUE(i.at("last_error").is_null());
  EXPECT_TRUE(i.at("last_synced_at").is_null());
  EXPECT_EQ(r.body.find(key), std::string::npos);
  const std::string id(i.at("id").as_string());

  // At rest: base64(IV || tag || ciphertext), not the plaintext and not containing the key;
  // it opens with the hub's key to exactly the submitted object.
  auto stored = sealed(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->find(key), std::string::npos);
  EXPECT_EQ(stored->find("apiKey"), std::string::npos);
  auto raw = util::base64_decode(*stored);
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->size(), 12u + 16u + json::serialize(json::object{{"apiKey", key}}).size());
  auto plain = util::aes256gcm_decrypt(kTestEncryptionKey, *stored);
  ASSERT_TRUE(plain);
  EXPECT_EQ(json::parse(*plain), (json::value{{"apiKey", key}}));
  EXPECT_FALSE(util::aes256gcm_decrypt(std::string(32, '\x01'), *stored)) << "opens only with the hub's key";

  // The check against the provider runs after the reply: FUB GET users?limit=1 with Basic auth.
  auto row = settled(org, id);
  EXPECT_EQ(row.at("status"), json::value("connected"));
  EXPECT_FALSE(row.at("last_synced_at").is_null());
  auto checks = fake_->requests_to("/fub/v1/users");
  ASSERT_FALSE(checks.empty());
  EXPECT_EQ(checks.back().query.at("limit"), "1");
  EXPECT_EQ(checks.back().headers.at("authorization"), "Basic " + util::base64_encode(key + ":"));
  EXPECT_EQ(checks.back().headers.at("x-system"), "AgentHQ");

  // Every read of it leaves the credentials out.
  for (const std::string& target : {std::string("/api/v1/integrations"), "/api/v1/integrations/" + id}) {
    auto g = client().get(target, org.access_token);
    ASSERT_EQ(g.status, 200) << g.body;
    EXPECT_EQ(g.body.find("credentials"), std::string::npos) << g.body;
    EXPECT_EQ(g.body.find(key), std::string::npos);
  }
  // Audited without the secret.
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'integration.connected' "
                        "AND resource_type = 'integration' AND resource_id = $2 AND details->>'type' = 'fub'",
                        {org.id, id}),
            "1");
  EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE details::text LIKE '%' || $1 || '%'", {key}), "0");
}

TEST_F(IntegrationRoutes, ConnectUpsertsOneIntegrationPerType) {
  auto org = register_org(client(), "upsert");
  auto first = connect_fub(org, accepted_fub_key(), {{"team", "north"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string id(first.data().at("id").as_string());
  settled(org, id);
  const auto before = sealed(id);

  // A second connect: same row, new credentials, settings kept when not given, still 201.
  auto again = connect_fub(org, accepted_fub_key());
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.data().at("id"), json::value(id));
  EXPECT_EQ(again.data().at("status"), json::value("connected"));
  EXPECT_EQ(again.data().at("settings"), (json::value{{"team", "north"}}));
  EXPECT_NE(sealed(id), before);
  auto replaced = connect_fub(org, accepted_fub_key(), {{"team", "south"}});
  EXPECT_EQ(replaced.data().at("settings"), (json::value{{"team", "south"}}));
  EXPECT_EQ(db().scalar("SELECT count(*) FROM integrations WHERE org_id = $1", {org.id}), "1");

  // Other types are other rows; the list is newest first, unpaginated.
  const std::string token = secrets.make("dl-token");
  auto dl = client().post("/api/v1/integrations/connect",
                          {{"type", "dotloop"},
                           {"credentials", {{"accessToken", token}, {"refreshToken", token}, {"expiresAt", 4102444800000}}}},
                          org.access_token);
  ASSERT_EQ(dl.status, 201) << dl.body;
  auto list = client().get("/api/v1/integrations", org.access_token);
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(list.json.as_object().contains("pagination"));
  ASSERT_EQ(list.data().as_array().size(), 2u);
  EXPECT_EQ(list.data().as_array()[0].at("type"), json::value("dotloop"));
  EXPECT_EQ(list.data().as_array()[1].at("type"), json::value("fub"));
}

TEST_F(IntegrationRoutes, RefusedCredentialsTurnTheIntegrationToError) {
  auto org = register_org(client(), "refused");
  const std::string key = secrets.make("wrong-key");  // the fake does not know it: 401
  auto r = connect_fub(org, key);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.data().at("status"), json::value("connected")) << "the reply does not wait for the provider";
  auto row = settled(org, std::string(r.data().at("id").as_string()));
  EXPECT_EQ(row.at("status"), json::value("error"));
  const std::string error(row.at("last_error").as_string());
  EXPECT_NE(error.find("Follow Up Boss answered 401"), std::string::npos) << error;
  EXPECT_NE(error.find("Invalid API key"), std::string::npos) << error;
  EXPECT_EQ(error.find(key), std::string::npos);
  EXPECT_TRUE(row.at("last_synced_at").is_null());

  // In error, the provider routes refuse until a test succeeds again.
  auto people = client().get("/api/v1/integrations/fub/people", org.access_token);
  EXPECT_EQ(people.status, 400);
  EXPECT_EQ(people.error_code(), "INTEGRATION_NOT_CONNECTED");
}

TEST_F(IntegrationRoutes, UnreachableProviderTurnsTheIntegrationToError) {
  // A hub whose Follow Up Boss lives on a port nobody listens on.
  unsigned short closed_port;
  {
    FakeProvider gone;
    closed_port = gone.port();
  }
  auto env = fake_->hub_env();
  env["AGENTHQ_FUB_BASE_URL"] = "http://127.0.0.1:" + std::to_string(closed_port) + "/v1/";
  env["AGENTHQ_PROVIDER_BACKOFF_MS"] = "10";
  HubProcess lonely(env);
  auto c = lonely.client();
  auto org = register_org(c, "unreachable");
  const std::string key = secrets.make("lonely-key");
  auto r = c.post("/api/v1/integrations/connect", {{"type", "fub"}, {"credentials", {{"apiKey", key}}}},
                  org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id(r.data().at("id").as_string());
  json::object row;
  ASSERT_TRUE(eventually([&] {
    row = c.get("/api/v1/integrations/" + id, org.access_token).data().as_object();
    return row.at("status") == json::value("error");
  })) << json::serialize(row);
  const std::string error(row.at("last_error").as_string());
  EXPECT_NE(error.find("Could not reach Follow Up Boss"), std::string::npos) << error;

  auto test = c.get("/api/v1/integrations/fub/test", org.access_token);
  ASSERT_EQ(test.status, 200) << test.body;
  EXPECT_EQ(test.json.at("success"), json::value(false));
  EXPECT_NE(std::string(test.json.at("message").as_string()).find("Could not reach"), std::string::npos);
  EXPECT_EQ(lonely.log().find(key), std::string::npos);
}

TEST_F(IntegrationRoutes, DisconnectDropsCredentialsAndDeleteAnswersWithoutData) {
  auto org = register_org(client(), "lifecycle");
  auto r = connect_fub(org, accepted_fub_key());
  const std::string id(r.data().at("id").as_string());
  settled(org, id);

  auto d = client().post("/api/v1/integrations/" + id + "/disconnect", json::object{}, org.access_token);
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.data().at("status"), json::value("disconnected"));
  EXPECT_EQ(d.data().at("id"), json::value(id));
  EXPECT_FALSE(sealed(id)) << "credentials_encrypted is NULL";
  auto people = client().get("/api/v1/integrations/fub/people", org.access_token);
  EXPECT_EQ(people.status, 400);
  EXPECT_EQ(people.error_code(), "INTEGRATION_NOT_CONNECTED");
  auto test = client().get("/api/v1/integrations/fub/test", org.access_token);
  EXPECT_EQ(test.error_code(), "INTEGRATION_NOT_CONNECTED");

  auto del = client().del("/api/v1/integrations/" + id, org.access_token);
  ASSERT_EQ(del.status, 200) << del.body;
  EXPECT_EQ(del.json, (json::value{{"success", true}}));
  EXPECT_EQ(client().get("/api/v1/integrations/" + id, org.access_token).status, 404);
  auto again = client().del("/api/v1/integrations/" + id, org.access_token);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.error_code(), "NOT_FOUND");
  EXPECT_EQ(client().post("/api/v1/integrations/" + id + "/disconnect", json::object{}, org.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/integrations/" + id + "/sync-logs", org.access_token).status, 404);
  auto fub = client().get("/api/v1/integrations/fub/people", org.access_token);
  EXPECT_EQ(fub.status, 404);
  EXPECT_EQ(fub.error_code(), "INTEGRATION_NOT_FOUND");
  for (const char* action : {"integration.disconnected", "integration.deleted"})
    EXPECT_EQ(db().scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = $2 AND resource_id = $3",
                          {org.id, action, id}),
              "1")
        << action;
}

TEST_F(IntegrationRoutes, SyncLogsArePaginatedNewestFirst) {
  auto org = register_org(client(), "logs");
  auto r = connect_fub(org, accepted_fub_key());
  const std::string id(r.data().at("id").as_string());
  settled(org, id);
  auto pg = db();
  for (int i = 0; i < 25; ++i)
    pg.exec("INSERT INTO integration_sync_log (id, integration_id, org_id, operation, status, records_synced, "
            "started_at, completed_at) VALUES ($1, $2, $3, 'fub:listPeople', 'completed', $4::int, "
            "now() - make_interval(mins => $4::int), now())",
            {util::new_ulid(), id, org.id, std::to_string(i)});

  auto p1 = client().get("/api/v1/integrations/" + id + "/sync-logs?limit=10", org.access_token);
  ASSERT_EQ(p1.status, 200) << p1.body;
  EXPECT_EQ(p1.json.at("pagination"), (json::value{{"page", 1}, {"limit", 10}, {"total", 25}, {"hasMore", true}}));
  const auto& rows = p1.data().as_array();
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0].at("records_synced"), json::value(0)) << "newest (started 0 minutes ago) first";
  EXPECT_EQ(rows[9].at("records_synced"), json::value(9));
  const auto& log = rows[0].as_object();
  for (const char* k : {"id", "integration_id", "org_id", "operation", "status", "records_synced", "error", "metadata",
                        "started_at", "completed_at"})
    EXPECT_TRUE(log.contains(k)) << k;
  EXPECT_EQ(log.size(), 10u);

  auto p3 = client().get("/api/v1/integrations/" + id + "/sync-logs?limit=10&page=3", org.access_token);
  EXPECT_EQ(p3.data().as_array().size(), 5u);
  EXPECT_EQ(p3.json.at("pagination").at("hasMore"), json::value(false));
  auto beyond = client().get("/api/v1/integrations/" + id + "/sync-logs?page=9", org.access_token);
  EXPECT_TRUE(beyond.data().as_array().empty());
  auto clamped = client().get("/api/v1/integrations/" + id + "/sync-logs?limit=500&page=abc", org.access_token);
  EXPECT_EQ(clamped.json.at("pagination").at("limit"), json::value(100));
  EXPECT_EQ(clamped.json.at("pagination").at("page"), json::value(1));
  EXPECT_EQ(clamped.data().as_array().size(), 25u);
  auto unknown = client().get("/api/v1/integrations/" + util::new_ulid() + "/sync-logs", org.access_token);
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(IntegrationRoutes, OnlyOwnersAndAdminsChangeCredentialsAndViewersDoNotSync) {
  auto org = register_org(client(), "roles");
  const std::string member = user_token(org, "member");
  const std::string admin = user_token(org, "admin");
  const std::string viewer = user_token(org, "viewer");
  auto agent = register_agent(client(), org.access_token, "crm-bot");
  const std::string key = accepted_fub_key();
  const json::object body{{"type", "fub"}, {"credentials", {{"apiKey", key}}}};

  for (const auto& token : {member, viewer, agent.api_key}) {
    auto r = client().post("/api/v1/integrations/connect", body, token);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(r.error_code(), "FORBIDDEN");
  }
  auto made = client().post("/api/v1/integrations/connect", body, admin);
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string id(made.data().at("id").as_string());
  settled(org, id);
  for (const auto& token : {member, viewer, agent.api_key}) {
    EXPECT_EQ(client().post("/api/v1/integrations/" + id + "/disconnect", json::object{}, token).status, 403);
    EXPECT_EQ(client().del("/api/v1/integrations/" + id, token).status, 403);
    // Reading is for everyone of the org.
    EXPECT_EQ(client().get("/api/v1/integrations/" + id, token).status, 200);
    EXPECT_EQ(client().get("/api/v1/integrations/fub/test", token).status, 200);
  }
  auto sync = client().post("/api/v1/integrations/fub/sync", json::object{}, viewer);
  EXPECT_EQ(sync.status, 403);
  auto event = client().post("/api/v1/integrations/fub/events", {{"type", "Call"}, {"person", 1}}, viewer);
  EXPECT_EQ(event.status, 403);
  EXPECT_EQ(client().post("/api/v1/integrations/fub/sync", json::object{}, agent.api_key).status, 200);
}

TEST_F(IntegrationRoutes, AnotherOrgSeesNoneOfIt) {
  auto a = register_org(client(), "iso-a");
  auto b = register_org(client(), "iso-b");
  auto made = connect_fub(a, accepted_fub_key());
  const std::string id(made.data().at("id").as_string());
  settled(a, id);
  db().exec("INSERT INTO integration_sync_log (id, integration_id, org_id, operation, status) "
            "VALUES ($1, $2, $3, 'fub:listPeople', 'completed')",
            {util::new_ulid(), id, a.id});

  EXPECT_TRUE(client().get("/api/v1/integrations", b.access_token).data().as_array().empty());
  EXPECT_EQ(client().get("/api/v1/integrations/" + id, b.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/integrations/" + id + "/sync-logs", b.access_token).status, 404);
  EXPECT_EQ(client().post("/api/v1/integrations/" + id + "/disconnect", json::object{}, b.access_token).status, 404);
  EXPECT_EQ(client().del("/api/v1/integrations/" + id, b.access_token).status, 404);
  // B has no FUB integration of its own: A's is not used for B's calls.
  const char* routes[] = {"/fub/test", "/fub/people", "/fub/people/1", "/fub/deals", "/fub/deals/1", "/fub/events",
                          "/fub/users"};
  for (const char* route : routes) {
    auto r = client().get(std::string("/api/v1/integrations") + route, b.access_token);
    EXPECT_EQ(r.status, 404) << route << " " << r.body;
    EXPECT_EQ(r.error_code(), "INTEGRATION_NOT_FOUND") << route;
  }
  EXPECT_EQ(client().post("/api/v1/integrations/fub/sync", json::object{}, b.access_token).error_code(),
            "INTEGRATION_NOT_FOUND");
  EXPECT_EQ(client().post("/api/v1/integrations/fub/events", {{"type", "Call"}, {"person", 1}}, b.access_token).status,
            404);

  // B connecting its own FUB makes a second row and leaves A's alone.
  auto own = connect_fub(b, accepted_fub_key());
  ASSERT_EQ(own.status, 201);
  EXPECT_NE(own.data().at("id"), json::value(id));
  EXPECT_EQ(integration(a, id).at("status"), json::value("connected"));
  EXPECT_EQ(client().get("/api/v1/integrations/" + id, a.access_token).status, 200);
}

// Connects that log "integration check" lines, then nothing this suite gave the hub as a credential
// appears in anything the hub logged (every test's TearDown checks the same for its own).
TEST_F(IntegrationRoutes, NoCredentialReachesTheLog) {
  auto org = register_org(client(), "log-grep");
  settled(org, std::string(connect_fub(org, accepted_fub_key()).data().at("id").as_string()));
  const std::string token = secrets.make("log-dl-token");  // refused by the fake: the check fails with 401
  auto dl = client().post("/api/v1/integrations/connect",
                          {{"type", "dotloop"},
                           {"credentials", {{"accessToken", token}, {"refreshToken", token}, {"expiresAt", 4102444800000}}}},
                          org.access_token);
  ASSERT_EQ(settled(org, std::string(dl.data().at("id").as_string())).at("status"), json::value("error"));
  EXPECT_EQ(client().get("/api/v1/integrations/fub/people", org.access_token).status, 200);

  const std::string log = hub_->log();
  ASSERT_NE(log.find("integration check"), std::string::npos) << "the checks did log";
  for (const auto& s : secrets.all()) EXPECT_EQ(log.find(s), std::string::npos) << "logged: " << s;
}

}  // namespace
}  // namespace agenthq::test
