// Dotloop through the hub: the v2 proxies, the OAuth refresh 5 minutes before expiry (stored
// re-encrypted; a failed refresh turns the integration to error), and POST
// /integrations/dotloop/sync importing loops of every profile into re_transactions.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>

#include "support/api_helpers.hpp"
#include "support/fake_provider.hpp"
#include "support/hub_process.hpp"
#include "support/secret_log.hpp"
#include "util/crypto.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

SecretLog secrets;  // this suite's own credentials

json::object loop(int id, const std::string& status, const std::string& type = "PURCHASE_OFFER") {
  return {{"id", id},
          {"name", "Loop " + std::to_string(id)},
          {"transactionType", type},
          {"status", status},
          {"profileId", id < 1000 ? 11 : 12},
          {"updated", "2026-02-01T10:00:00Z"}};
}

json::object detail(int id) {
  return {{"id", id},
          {"sections",
           {{"Property Address",
             {{"Street Number", std::to_string(id)},
              {"Street Name", "Main St"},
              {"Unit Number", "4"},
              {"City", "Chicago"},
              {"State/Prov", "IL"},
              {"Zip/Postal Code", "60614"},
              {"MLS Number", "MLS-" + std::to_string(id)}}},
            {"Financials", {{"Current Price", "$450,000"}, {"Purchase/Sale Price", "440,000.50"}}},
            {"Listing Information", {{"Listing Date", "01/15/2026"}}},
            {"Contract Dates", {{"Contract Agreement Date", "02/01/2026"}, {"Closing Date", "03/02/2026"}}}}}};
}

json::array participants(int id) {
  return {json::object{{"id", 1}, {"fullName", "Listing Agent"}, {"role", "LISTING_AGENT"}},
          json::object{{"id", 2}, {"fullName", "Buyer " + std::to_string(id)}, {"role", "BUYER"}}};
}

class DotloopIntegration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake_ = new FakeProvider();
    fake_->edit([](FakeState& s) {
      s.dotloop_client_secret = secrets.make("dotloop-client-secret");
      s.dotloop_profiles = {json::object{{"id", 11}, {"name", "Agent profile"}, {"default", true}},
                            json::object{{"id", 12}, {"name", "Office profile"}}};
    });
    auto env = fake_->hub_env();
    env["AGENTHQ_PROVIDER_BACKOFF_MS"] = "20";
    env["AGENTHQ_PROVIDER_TIMEOUT_MS"] = "2000";
    hub_ = new HubProcess(env);
  }
  static void TearDownTestSuite() {
    delete hub_;
    delete fake_;
  }
  void TearDown() override {
    fake_->clear_failures();
    // No credential handed to the hub so far is in its log (see SecretLog).
    if (hub_) {
      EXPECT_EQ(secrets.found_in(hub_->log()), std::vector<std::string>{}) << "logged by the hub";
    }
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // Connects Dotloop with the given tokens and waits for the connection check to finish.
  json::object connect(const TestOrg& org, const std::string& access, const std::string& refresh,
                       std::int64_t expires_at, json::object settings = {}) {
    json::object body{{"type", "dotloop"},
                      {"credentials", {{"accessToken", access}, {"refreshToken", refresh}, {"expiresAt", expires_at}}}};
    if (!settings.empty()) body["settings"] = settings;
    auto r = client().post("/api/v1/integrations/connect", body, org.access_token);
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string id(r.data().at("id").as_string());
    json::object row;
    EXPECT_TRUE(eventually([&] {
      row = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();
      return row.at("status") == json::value("error") || !row.at("last_synced_at").is_null();
    }));
    return row;
  }

  // A connected org whose access token the fake accepts and does not need refreshing.
  std::string connected(const TestOrg& org, json::object settings = {}) {
    const std::string access = secrets.make("dl-access");
    fake_->edit([&](FakeState& s) { s.dotloop_tokens.insert(access); });
    auto row = connect(org, access, secrets.make("dl-refresh"), unix_millis_now() + 3600 * 1000, settings);
    EXPECT_EQ(row.at("status"), json::value("connected")) << json::serialize(row);
    return std::string(row.at("id").as_string());
  }

  json::object stored_credentials(const std::string& id) {
    auto sealed = db().scalar("SELECT credentials_encrypted FROM integrations WHERE id = $1", {id});
    auto plain = util::aes256gcm_decrypt(kTestEncryptionKey, sealed.value_or(""));
    return plain ? json::parse(*plain).as_object() : json::object{};
  }

  json::object latest_log(const TestOrg& org, const std::string& id) {
    auto r = client().get("/api/v1/integrations/" + id + "/sync-logs?limit=1", org.access_token);
    return r.data().as_array().empty() ? json::object{} : r.data().as_array()[0].as_object();
  }

  std::string scalar(const std::string& sql, const std::vector<std::string>& params) {
    return db().scalar(sql, params).value_or("NULL");
  }

  static HubProcess* hub_;
  static FakeProvider* fake_;
};
HubProcess* DotloopIntegration::hub_ = nullptr;
FakeProvider* DotloopIntegration::fake_ = nullptr;

TEST_F(DotloopIntegration, ProxiesAnswerWithTheProvidersJson) {
  auto org = register_org(client(), "dl-proxy");
  const std::string id = connected(org);
  fake_->edit([](FakeState& s) {
    s.dotloop_loops["11"] = {loop(1, "PRE_OFFER"), loop(2, "SOLD"), loop(3, "ACTIVE_LISTING", "LISTING_FOR_SALE")};
    s.dotloop_details["2"] = detail(2);
    s.dotloop_participants["2"] = participants(2);
  });
  fake_->clear_requests();

  auto profiles = client().get("/api/v1/integrations/dotloop/profiles", org.access_token);
  ASSERT_EQ(profiles.status, 200) << profiles.body;
  EXPECT_EQ(profiles.data().at("data").as_array().size(), 2u);
  auto seen = fake_->requests_to("/dotloop/v2/profile");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].headers.at("authorization").rfind("Bearer dl-access-", 0), 0u);

  auto loops = client().get("/api/v1/integrations/dotloop/profiles/11/loops?batchNumber=2&batchSize=2&limit=9",
                            org.access_token);
  ASSERT_EQ(loops.status, 200) << loops.body;
  EXPECT_EQ(loops.data().at("meta"), (json::value{{"total", 3}}));
  ASSERT_EQ(loops.data().at("data").as_array().size(), 1u);
  EXPECT_EQ(fake_->requests_to("/dotloop/v2/profile/11/loop").back().query,
            (std::map<std::string, std::string>{{"batchNumber", "2"}, {"batchSize", "2"}}));
  // Counted from the v2 wrapper (the reference counted 0 here).
  auto log = latest_log(org, id);
  EXPECT_EQ(log.at("operation"), json::value("dotloop:listLoops"));
  EXPECT_EQ(log.at("records_synced"), json::value(1));

  EXPECT_EQ(client().get("/api/v1/integrations/dotloop/profiles/11/loops/2", org.access_token).data().at("data").at(
                "status"),
            json::value("SOLD"));
  auto d = client().get("/api/v1/integrations/dotloop/profiles/11/loops/2/detail", org.access_token);
  EXPECT_EQ(d.data().at("data"), json::value(detail(2)));
  auto p = client().get("/api/v1/integrations/dotloop/profiles/11/loops/2/participants", org.access_token);
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.data().at("data"), json::value(participants(2)));
  log = latest_log(org, id);
  EXPECT_EQ(log.at("operation"), json::value("dotloop:listParticipants"));
  EXPECT_EQ(log.at("records_synced"), json::value(2));

  for (const char* bad : {"/profiles/x/loops", "/profiles/11/loops/abc", "/profiles/11/loops/2%2E/detail"}) {
    auto r = client().get(std::string("/api/v1/integrations/dotloop") + bad, org.access_token);
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
  }
  auto missing = client().get("/api/v1/integrations/dotloop/profiles/11/loops/999", org.access_token);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "INTEGRATION_ERROR");

  auto other = register_org(client(), "dl-proxy-b");
  for (const char* route : {"/test", "/profiles", "/profiles/11/loops", "/profiles/11/loops/2",
                            "/profiles/11/loops/2/detail", "/profiles/11/loops/2/participants"}) {
    auto r = client().get(std::string("/api/v1/integrations/dotloop") + route, other.access_token);
    EXPECT_EQ(r.error_code(), "INTEGRATION_NOT_FOUND") << route;
  }
  EXPECT_EQ(client().post("/api/v1/integrations/dotloop/sync", json::object{}, other.access_token).error_code(),
            "INTEGRATION_NOT_FOUND");
}

TEST_F(DotloopIntegration, ATokenAboutToExpireIsRefreshedAndStoredSealed) {
  auto org = register_org(client(), "dl-refresh");
  const std::string old_access = secrets.make("dl-old-access"), old_refresh = secrets.make("dl-old-refresh");
  const std::string new_access = secrets.make("dl-new-access"), new_refresh = secrets.make("dl-new-refresh");
  fake_->edit([&](FakeState& s) {
    s.dotloop_tokens.insert(old_access);
    s.dotloop_grants[old_refresh] = {new_access, new_refresh, 7200};
  });
  fake_->clear_requests();
  // Expires in 2 minutes: inside the 5-minute margin, so the check after connect refreshes first.
  auto row = connect(org, old_access, old_refresh, unix_millis_now() + 120 * 1000);
  ASSERT_EQ(row.at("status"), json::value("connected")) << json::serialize(row);
  const std::string id(row.at("id").as_string());

  auto grants = fake_->requests_to("/dotloop-auth/oauth/token");
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(grants[0].method, "POST");
  EXPECT_EQ(grants[0].headers.at("content-type"), "application/x-www-form-urlencoded");
  auto creds = stored_credentials(id);
  EXPECT_EQ(creds.at("accessToken"), json::value(new_access));
  EXPECT_EQ(creds.at("refreshToken"), json::value(new_refresh));
  const std::int64_t expires = creds.at("expiresAt").as_int64();
  EXPECT_NEAR(static_cast<double>(expires), static_cast<double>(unix_millis_now() + 7200 * 1000), 60 * 1000.0);
  auto sealed = db().scalar("SELECT credentials_encrypted FROM integrations WHERE id = $1", {id}).value_or("");
  EXPECT_EQ(sealed.find(new_access), std::string::npos);
  EXPECT_EQ(scalar("SELECT (updated_at > created_at)::text FROM integrations WHERE id = $1", {id}), "true");

  // Later calls use the new token and do not refresh again.
  auto profiles = client().get("/api/v1/integrations/dotloop/profiles", org.access_token);
  ASSERT_EQ(profiles.status, 200) << profiles.body;
  EXPECT_EQ(fake_->requests_to("/dotloop/v2/profile").back().headers.at("authorization"), "Bearer " + new_access);
  EXPECT_EQ(fake_->requests_to("/dotloop-auth/oauth/token").size(), 1u);
}

TEST_F(DotloopIntegration, AFailedRefreshTurnsTheIntegrationToError) {
  auto org = register_org(client(), "dl-refresh-fail");
  const std::string first_access = secrets.make("dl-a1"), first_refresh = secrets.make("dl-r1");
  const std::string second_access = secrets.make("dl-a2"), second_refresh = secrets.make("dl-r2");  // r2 is not granted
  fake_->edit([&](FakeState& s) {
    s.dotloop_tokens.insert(first_access);
    s.dotloop_grants[first_refresh] = {second_access, second_refresh, 60};  // again inside the margin
  });
  auto row = connect(org, first_access, first_refresh, unix_millis_now() - 1000);
  ASSERT_EQ(row.at("status"), json::value("connected")) << json::serialize(row);

  auto r = client().get("/api/v1/integrations/dotloop/profiles", org.access_token);
  EXPECT_EQ(r.status, 502) << r.body;
  EXPECT_EQ(r.error_code(), "INTEGRATION_ERROR");
  EXPECT_NE(r.body.find("Token refresh failed"), std::string::npos);
  EXPECT_EQ(r.body.find(second_refresh), std::string::npos);
  auto after = client().get("/api/v1/integrations/" + std::string(row.at("id").as_string()), org.access_token).data();
  EXPECT_EQ(after.at("status"), json::value("error"));
  EXPECT_EQ(after.at("last_error"), json::value("Token refresh failed"));
  EXPECT_EQ(client().get("/api/v1/integrations/dotloop/profiles", org.access_token).error_code(),
            "INTEGRATION_NOT_CONNECTED");

  // Connecting with tokens the provider refuses to refresh ends in error right after the connect.
  auto other = register_org(client(), "dl-refresh-fail-2");
  auto refused = connect(other, secrets.make("dl-a3"), secrets.make("dl-r3"), unix_millis_now() - 1000);
  EXPECT_EQ(refused.at("status"), json::value("error"));
  EXPECT_EQ(std::string(refused.at("last_error").as_string()).rfind("Token refresh failed", 0), 0u)
      << json::serialize(refused);
}

TEST_F(DotloopIntegration, SyncImportsTheLoopsOfEveryProfileOnceAndForAll) {
  fake_->edit([](FakeState& s) {
    s.dotloop_loops["11"].clear();
    for (int i = 1; i <= 120; ++i) {
      s.dotloop_loops["11"].push_back(loop(i, i % 2 ? "SOLD" : "UNDER_CONTRACT"));
      s.dotloop_details[std::to_string(i)] = detail(i);
      s.dotloop_participants[std::to_string(i)] = participants(i);
    }
    s.dotloop_loops["12"] = {loop(1001, "ACTIVE_LISTING", "LISTING_FOR_SALE"), loop(1002, "ARCHIVED"),
                             loop(1003, "PRE_LISTING", "LISTING_FOR_LEASE")};
  });
  auto org = register_org(client(), "dl-sync");
  const std::string id = connected(org);
  fake_->clear_requests();

  auto r = client().post("/api/v1/integrations/dotloop/sync", json::object{}, org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& log = r.data().as_array()[0];
  EXPECT_EQ(log.at("operation"), json::value("dotloop:listLoops"));
  EXPECT_EQ(log.at("records_synced"), json::value(123));
  EXPECT_EQ(log.at("metadata").at("created"), json::value(123));
  std::vector<std::string> batches;
  for (const auto& req : fake_->requests_to("/dotloop/v2/profile/11/loop"))
    if (req.path == "/dotloop/v2/profile/11/loop") batches.push_back(req.raw_query);
  EXPECT_EQ(batches, (std::vector<std::string>{"batchNumber=1&batchSize=100", "batchNumber=2&batchSize=100"}));
  EXPECT_EQ(fake_->requests_to("/dotloop/v2/profile/11/loop/").size(), 240u) << "detail + participants per loop";
  EXPECT_EQ(scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "123");

  auto row = [&](const std::string& loop_id) {
    return db().query(
        "SELECT t.property_address, t.mls_number, t.status, t.type, t.listing_price::text, t.sale_price::text, "
        "t.client_name, t.key_dates::text, t.id FROM re_transactions t JOIN integration_links l "
        "ON l.transaction_id = t.id WHERE l.org_id = $1 AND l.external_type = 'dotloop_loop' AND l.external_id = $2",
        {org.id, loop_id})[0];
  };
  auto sold = row("7");
  EXPECT_EQ(sold[0], "7 Main St Unit 4, Chicago, IL 60614");
  EXPECT_EQ(sold[1], "MLS-7");
  EXPECT_EQ(sold[2], "closed");
  EXPECT_EQ(sold[3], "buy");
  EXPECT_EQ(sold[4], "450000.00");
  EXPECT_EQ(sold[5], "440000.50");
  EXPECT_EQ(sold[6], "Buyer 7");
  EXPECT_EQ(json::parse(*sold[7]), (json::value{{"listed", "2026-01-15"},
                                                {"under_contract", "2026-02-01"},
                                                {"closing", "2026-03-02"},
                                                {"closed", "2026-03-02"}}));
  EXPECT_EQ(row("8")[2], "under_contract");
  EXPECT_EQ(row("1001")[2], "listed");
  EXPECT_EQ(row("1001")[3], "sell");
  EXPECT_EQ(row("1001")[0], "Loop 1001") << "no detail: the loop's name";
  EXPECT_EQ(row("1002")[2], "cancelled");
  EXPECT_EQ(row("1003")[2], "prospecting");
  EXPECT_EQ(row("1003")[3], "lease");

  // Re-run after the provider moved one loop on: the same 123 transactions, one updated.
  fake_->edit([](FakeState& s) { s.dotloop_loops["12"][0] = loop(1001, "UNDER_CONTRACT", "LISTING_FOR_SALE"); });
  auto again = client().post("/api/v1/integrations/dotloop/sync", json::object{}, org.access_token);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.data().as_array()[0].at("metadata"),
            (json::value{{"fetched", 123}, {"created", 0}, {"updated", 1}, {"unchanged", 122}}));
  EXPECT_EQ(scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "123");
  EXPECT_EQ(row("1001")[2], "under_contract");

  // settings.profileId limits a sync to that profile.
  auto office = register_org(client(), "dl-sync-office");
  connected(office, {{"profileId", 12}});
  auto only = client().post("/api/v1/integrations/dotloop/sync", json::object{}, office.access_token);
  ASSERT_EQ(only.status, 200) << only.body;
  EXPECT_EQ(only.data().as_array()[0].at("records_synced"), json::value(3));
  EXPECT_EQ(scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {office.id}), "3");
  EXPECT_EQ(scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "123");
}

TEST_F(DotloopIntegration, ASyncFailingOnTheSecondBatchImportsNothing) {
  fake_->edit([](FakeState& s) {
    s.dotloop_loops["11"].clear();
    for (int i = 1; i <= 150; ++i) s.dotloop_loops["11"].push_back(loop(i, "SOLD"));
  });
  auto org = register_org(client(), "dl-half");
  const std::string id = connected(org);
  fake_->fail({"/dotloop/v2/profile/11/loop", "batchNumber=2", 500, R"({"error":"server_error"})", std::nullopt, false,
               -1});
  auto r = client().post("/api/v1/integrations/dotloop/sync", json::object{}, org.access_token);
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(r.error_code(), "INTEGRATION_ERROR");
  EXPECT_EQ(scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM integration_links WHERE org_id = $1", {org.id}), "0");
  auto log = latest_log(org, id);
  EXPECT_EQ(log.at("operation"), json::value("dotloop:listLoops"));
  EXPECT_EQ(log.at("status"), json::value("failed"));
  EXPECT_NE(std::string(log.at("error").as_string()).find("Dotloop answered 500"), std::string::npos);
}

TEST_F(DotloopIntegration, NoCredentialReachesTheLog) {
  auto org = register_org(client(), "dl-log");
  const std::string access = secrets.make("dl-log-access"), refresh = secrets.make("dl-log-refresh");
  const std::string next_access = secrets.make("dl-log-next-access"), next_refresh = secrets.make("dl-log-next-refresh");
  fake_->edit([&](FakeState& s) { s.dotloop_grants[refresh] = {next_access, next_refresh, 3600}; });
  EXPECT_EQ(connect(org, access, refresh, unix_millis_now()).at("status"), json::value("connected"));
  EXPECT_EQ(client().get("/api/v1/integrations/dotloop/profiles", org.access_token).status, 200);
  const std::string log = hub_->log();
  ASSERT_NE(log.find("integration check"), std::string::npos);
  for (const auto& s : secrets.all()) EXPECT_EQ(log.find(s), std::string::npos) << "logged: " << s;
}

}  // namespace
}  // namespace agenthq::test
