// Follow Up Boss through the hub: the test route, the proxies (query passthrough, auth headers,
// sync logs), retries and error mapping of contract 7.2, and POST /integrations/fub/sync
// importing deals into re_transactions (idempotent; all or nothing).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>

#include "support/api_helpers.hpp"
#include "support/fake_provider.hpp"
#include "support/hub_process.hpp"
#include "support/secret_log.hpp"
#include "support/ws_client.hpp"
#include "util/encoding.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using std::chrono::steady_clock;

SecretLog secrets;  // this suite's own credentials

json::object deal(int id, const std::string& stage, double price, const std::string& pipeline = "Buyers") {
  return {{"id", id},
          {"name", std::to_string(id) + " Oak Street, Springfield"},
          {"stageName", stage},
          {"pipelineName", pipeline},
          {"price", price},
          {"status", "Active"},
          {"projectedCloseDate", "2026-05-01"},
          {"people", json::array{json::object{{"id", 5000 + id}, {"name", "Client " + std::to_string(id)}}}}};
}

json::array deals(int n) {
  json::array out;
  const char* stages[] = {"Lead", "Active Listing", "Under Contract", "Pending", "Closed", "Terminated"};
  for (int i = 1; i <= n; ++i) out.push_back(deal(i, stages[i % 6], 100000.0 + i * 1000, i % 2 ? "Buyers" : "Sellers"));
  return out;
}

class FubIntegration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake_ = new FakeProvider();
    auto env = fake_->hub_env();
    env["AGENTHQ_PROVIDER_BACKOFF_MS"] = "20";
    env["AGENTHQ_PROVIDER_TIMEOUT_MS"] = "1500";
    env["FUB_SYSTEM_NAME"] = "AgentHQ-Test";
    system_key_ = new std::string(secrets.make("fub-system-key"));
    env["FUB_SYSTEM_KEY"] = *system_key_;
    hub_ = new HubProcess(env);
  }
  static void TearDownTestSuite() {
    delete hub_;
    delete fake_;
    delete system_key_;
  }
  void TearDown() override {
    fake_->clear_failures();
    fake_->release_hangs();
    // No credential handed to the hub so far is in its log (see SecretLog).
    if (hub_) {
      EXPECT_EQ(secrets.found_in(hub_->log()), std::vector<std::string>{}) << "logged by the hub";
    }
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // An org with a connected FUB integration the fake accepts; returns the integration id.
  std::string connect(const TestOrg& org, std::string* key_out = nullptr) {
    const std::string key = secrets.make("fub-key");
    fake_->edit([&](FakeState& s) { s.fub_keys.insert(key); });
    auto r = client().post("/api/v1/integrations/connect", {{"type", "fub"}, {"credentials", {{"apiKey", key}}}},
                           org.access_token);
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string id(r.data().at("id").as_string());
    // Let the check that follows a connect finish so it does not mingle with the test's requests.
    EXPECT_TRUE(eventually([&] {
      return !client().get("/api/v1/integrations/" + id, org.access_token).data().at("last_synced_at").is_null();
    }));
    if (key_out) *key_out = key;
    return id;
  }

  json::object latest_log(const std::string& integration_id, const TestOrg& org) {
    auto r = client().get("/api/v1/integrations/" + integration_id + "/sync-logs?limit=1", org.access_token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.data().as_array().empty() ? json::object{} : r.data().as_array()[0].as_object();
  }

  std::string count(const std::string& sql, const std::vector<std::string>& params) {
    return db().scalar(sql, params).value_or("NULL");
  }

  // Every transaction of the org as text, to compare before and after.
  std::vector<std::string> snapshot(const TestOrg& org) {
    std::vector<std::string> out;
    for (const auto& row : db().query("SELECT t::text FROM re_transactions t WHERE org_id = $1 ORDER BY id", {org.id}))
      out.push_back(row[0].value_or(""));
    return out;
  }

  static HubProcess* hub_;
  static FakeProvider* fake_;
  static std::string* system_key_;
};
HubProcess* FubIntegration::hub_ = nullptr;
FakeProvider* FubIntegration::fake_ = nullptr;
std::string* FubIntegration::system_key_ = nullptr;

TEST_F(FubIntegration, TestRouteAnswersAndRecordsTheOutcome) {
  auto org = register_org(client(), "fub-test");
  std::string key;
  const std::string id = connect(org, &key);
  auto before = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();

  auto ok = client().get("/api/v1/integrations/fub/test", org.access_token);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json, (json::value{{"success", true}, {"message", "Connected to Follow Up Boss"}}));
  auto after = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();
  EXPECT_EQ(after.at("status"), json::value("connected"));
  EXPECT_GE(std::string(after.at("last_synced_at").as_string()), std::string(before.at("last_synced_at").as_string()));

  // The provider stops accepting the key: success false, integration in error, last_synced_at kept.
  fake_->edit([&](FakeState& s) { s.fub_keys.erase(key); });
  auto refused = client().get("/api/v1/integrations/fub/test", org.access_token);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json.at("success"), json::value(false));
  const std::string message(refused.json.at("message").as_string());
  EXPECT_NE(message.find("Follow Up Boss answered 401: {\"errorMessage\":\"Invalid API key.\"}"), std::string::npos)
      << message;
  auto errored = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();
  EXPECT_EQ(errored.at("status"), json::value("error"));
  EXPECT_EQ(errored.at("last_error"), json::value(message));
  EXPECT_EQ(errored.at("last_synced_at"), after.at("last_synced_at"));
  EXPECT_EQ(client().get("/api/v1/integrations/fub/users", org.access_token).error_code(),
            "INTEGRATION_NOT_CONNECTED");

  // Accepted again: the test brings it back.
  fake_->edit([&](FakeState& s) { s.fub_keys.insert(key); });
  EXPECT_EQ(client().get("/api/v1/integrations/fub/test", org.access_token).json.at("success"), json::value(true));
  auto back = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();
  EXPECT_EQ(back.at("status"), json::value("connected"));
  EXPECT_TRUE(back.at("last_error").is_null());
  EXPECT_TRUE(latest_log(id, org).empty()) << "connection tests are not sync-logged";
}

TEST_F(FubIntegration, ListProxiesPassTheirParametersAndAreSyncLogged) {
  auto org = register_org(client(), "fub-lists");
  std::string key;
  const std::string id = connect(org, &key);
  fake_->edit([](FakeState& s) {
    s.fub_people = {json::object{{"id", 1}, {"firstName", "Ann"}}, json::object{{"id", 2}, {"firstName", "Bo"}},
                    json::object{{"id", 3}, {"firstName", "Cy"}}};
    s.fub_users = {json::object{{"id", 9}, {"name", "Agent Nine"}}};
  });
  fake_->clear_requests();

  auto r = client().get("/api/v1/integrations/fub/people?sort=-created&limit=2&offset=1&page=4&secret=x",
                        org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("_metadata"),
            (json::value{{"collection", "people"}, {"offset", 1}, {"limit", 2}, {"total", 3}}));
  ASSERT_EQ(r.data().at("people").as_array().size(), 2u);
  EXPECT_EQ(r.data().at("people").as_array()[0].at("id"), json::value(2));
  auto seen = fake_->requests_to("/fub/v1/people");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].query, (std::map<std::string, std::string>{{"sort", "-created"}, {"limit", "2"}, {"offset", "1"}}));
  EXPECT_EQ(seen[0].headers.at("authorization"), "Basic " + util::base64_encode(key + ":"));
  EXPECT_EQ(seen[0].headers.at("x-system"), "AgentHQ-Test");
  EXPECT_EQ(seen[0].headers.at("x-system-key"), *system_key_);
  EXPECT_EQ(seen[0].headers.at("content-type"), "application/json");
  auto log = latest_log(id, org);
  EXPECT_EQ(log.at("operation"), json::value("fub:listPeople"));
  EXPECT_EQ(log.at("status"), json::value("completed"));
  EXPECT_EQ(log.at("records_synced"), json::value(2));
  EXPECT_FALSE(log.at("completed_at").is_null());

  // users passes limit and offset only; deals and events sort too.
  auto users = client().get("/api/v1/integrations/fub/users?limit=5&offset=0&sort=name", org.access_token);
  ASSERT_EQ(users.status, 200) << users.body;
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").back().query,
            (std::map<std::string, std::string>{{"limit", "5"}, {"offset", "0"}}));
  EXPECT_EQ(latest_log(id, org).at("operation"), json::value("fub:listUsers"));
  EXPECT_EQ(client().get("/api/v1/integrations/fub/deals?sort=price", org.access_token).status, 200);
  EXPECT_EQ(latest_log(id, org).at("operation"), json::value("fub:listDeals"));
  EXPECT_EQ(client().get("/api/v1/integrations/fub/events", org.access_token).status, 200);
  EXPECT_EQ(latest_log(id, org).at("operation"), json::value("fub:listEvents"));

  // A refused list call is logged as failed with the error, and answered with the upstream status.
  fake_->fail({"/fub/v1/people", "", 403, R"({"errorMessage":"Forbidden for this account"})", std::nullopt, false, 1});
  auto denied = client().get("/api/v1/integrations/fub/people", org.access_token);
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(denied.error_code(), "INTEGRATION_ERROR");
  auto failed = latest_log(id, org);
  EXPECT_EQ(failed.at("status"), json::value("failed"));
  EXPECT_EQ(failed.at("records_synced"), json::value(0));
  EXPECT_NE(std::string(failed.at("error").as_string()).find("answered 403"), std::string::npos);
}

TEST_F(FubIntegration, SingleItemsAndEvents) {
  auto org = register_org(client(), "fub-items");
  const std::string id = connect(org);
  fake_->edit([](FakeState& s) {
    s.fub_people = {json::object{{"id", 41}, {"firstName", "Dee"}}};
    s.fub_deals = {deal(77, "Pending", 300000)};
  });
  auto person = client().get("/api/v1/integrations/fub/people/41", org.access_token);
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_EQ(person.data(), (json::value{{"id", 41}, {"firstName", "Dee"}}));
  EXPECT_EQ(client().get("/api/v1/integrations/fub/deals/77", org.access_token).data().at("stageName"),
            json::value("Pending"));
  auto bad = client().get("/api/v1/integrations/fub/people/abc", org.access_token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "VALIDATION_ERROR");
  auto missing = client().get("/api/v1/integrations/fub/people/999", org.access_token);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(missing.error_code(), "INTEGRATION_ERROR");
  EXPECT_NE(missing.body.find("Follow Up Boss answered 404"), std::string::npos);

  for (const json::value& body : {json::value(json::object{{"person", 41}}), json::value({{"type", ""}, {"person", 41}}),
                                  json::value({{"type", "Call"}}), json::value({{"type", "Call"}, {"person", "41"}}),
                                  json::value({{"type", "Call"}, {"person", 41}, {"metadata", "x"}})}) {
    auto r = client().post("/api/v1/integrations/fub/events", body, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(body) << " " << r.body;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
  }
  fake_->clear_requests();
  auto created = client().post(
      "/api/v1/integrations/fub/events",
      {{"type", "Property Inquiry"}, {"person", 41}, {"description", "Asked about 12 Oak"}, {"metadata", {{"k", 1}}},
       {"org_id", "ignored"}},
      org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.data().at("id").is_int64());
  auto sent = fake_->requests_to("/fub/v1/events");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].method, "POST");
  EXPECT_EQ(json::parse(sent[0].body), (json::value{{"type", "Property Inquiry"},
                                                    {"person", 41},
                                                    {"description", "Asked about 12 Oak"},
                                                    {"metadata", {{"k", 1}}}}));
  EXPECT_TRUE(latest_log(id, org).empty()) << "single reads and event posts are not sync-logged";
}

TEST_F(FubIntegration, RetriesRateLimitsAndServerErrorsThenMapsWhatRemains) {
  auto org = register_org(client(), "fub-retry");
  connect(org);
  fake_->clear_requests();

  // 429 with Retry-After: 1 -> waits a second, then succeeds.
  fake_->fail({"/fub/v1/users", "", 429, R"({"errorMessage":"Slow down"})", 1, false, 1});
  auto started = steady_clock::now();
  auto r = client().get("/api/v1/integrations/fub/users", org.access_token);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_GE(steady_clock::now() - started, std::chrono::milliseconds(950));
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").size(), 2u);

  // Two 5xx, then an answer: the third attempt wins.
  fake_->clear_requests();
  fake_->fail({"/fub/v1/users", "", 503, "upstream down", std::nullopt, false, 2});
  EXPECT_EQ(client().get("/api/v1/integrations/fub/users", org.access_token).status, 200);
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").size(), 3u);

  // 5xx on every attempt: the upstream status after 3 attempts.
  fake_->clear_requests();
  fake_->fail({"/fub/v1/users", "", 500, R"({"errorMessage":"Internal"})", std::nullopt, false, 3});
  auto down = client().get("/api/v1/integrations/fub/users", org.access_token);
  EXPECT_EQ(down.status, 500) << down.body;
  EXPECT_EQ(down.error_code(), "INTEGRATION_ERROR");
  EXPECT_NE(down.body.find("Follow Up Boss answered 500: {\\\"errorMessage\\\":\\\"Internal\\\"}"), std::string::npos)
      << down.body;
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").size(), 3u);

  // 429 on every attempt: 502.
  fake_->clear_requests();
  fake_->fail({"/fub/v1/users", "", 429, "{}", 0, false, 3});
  auto limited = client().get("/api/v1/integrations/fub/users", org.access_token);
  EXPECT_EQ(limited.status, 502) << limited.body;
  EXPECT_EQ(limited.error_code(), "INTEGRATION_ERROR");
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").size(), 3u);

  // Other 4xx: no retry; the message holds at most 200 characters of the body.
  fake_->clear_requests();
  fake_->fail({"/fub/v1/users", "", 422, "{\"errorMessage\":\"" + std::string(400, 'x') + "\"}", std::nullopt, false, 1});
  auto invalid = client().get("/api/v1/integrations/fub/users", org.access_token);
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(fake_->requests_to("/fub/v1/users").size(), 1u);
  const std::string message(invalid.json.at("error").at("message").as_string());
  EXPECT_EQ(message, "Follow Up Boss answered 422: {\"errorMessage\":\"" + std::string(200 - 17, 'x')) << message;
}

TEST_F(FubIntegration, AHangingProviderIsATimeoutWithoutRetry) {
  auto org = register_org(client(), "fub-hang");
  const std::string id = connect(org);
  fake_->clear_requests();
  fake_->fail({"/fub/v1/people", "", 0, "", std::nullopt, true, 1});
  auto started = steady_clock::now();
  auto r = client().get("/api/v1/integrations/fub/people", org.access_token);
  const auto took = steady_clock::now() - started;
  EXPECT_EQ(r.status, 408) << r.body;
  EXPECT_EQ(r.error_code(), "INTEGRATION_TIMEOUT");
  EXPECT_NE(r.body.find("did not answer within 1500 ms"), std::string::npos) << r.body;
  EXPECT_GE(took, std::chrono::milliseconds(1400));
  EXPECT_LT(took, std::chrono::milliseconds(4000));
  EXPECT_EQ(fake_->requests_to("/fub/v1/people").size(), 1u);
  EXPECT_EQ(latest_log(id, org).at("status"), json::value("failed"));
  // The hub stayed responsive meanwhile and still is.
  EXPECT_EQ(client().get("/api/v1/integrations/fub/users", org.access_token).status, 200);
}

TEST_F(FubIntegration, SyncImportsDealsAndAReRunUpdatesInPlace) {
  auto org = register_org(client(), "fub-sync");
  const std::string id = connect(org);
  fake_->edit([](FakeState& s) { s.fub_deals = deals(150); });
  fake_->clear_requests();

  auto r = client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.data().as_array().size(), 1u);
  const auto& log = r.data().as_array()[0].as_object();
  EXPECT_EQ(log.at("operation"), json::value("fub:listDeals"));
  EXPECT_EQ(log.at("status"), json::value("completed"));
  EXPECT_EQ(log.at("records_synced"), json::value(150));
  EXPECT_EQ(log.at("metadata"), (json::value{{"fetched", 150}, {"created", 150}, {"updated", 0}, {"unchanged", 0}}));
  auto pages = fake_->requests_to("/fub/v1/deals");
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].query, (std::map<std::string, std::string>{{"limit", "100"}, {"offset", "0"}}));
  EXPECT_EQ(pages[1].query, (std::map<std::string, std::string>{{"limit", "100"}, {"offset", "100"}}));

  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "150");
  EXPECT_EQ(count("SELECT count(*) FROM integration_links WHERE org_id = $1 AND integration_id = $2 AND "
                  "external_type = 'fub_deal'",
                  {org.id, id}),
            "150");
  // Deal 8: "Under Contract" in a Sellers pipeline; deal 10: "Closed" (its price is the sale price too).
  auto row = [&](int deal_id) {
    return db().query(
        "SELECT t.property_address, t.status, t.type, t.listing_price::text, t.sale_price::text, t.client_name, "
        "t.key_dates::text, t.id, t.updated_at::text FROM re_transactions t JOIN integration_links l ON l.transaction_id = t.id "
        "WHERE l.org_id = $1 AND l.external_id = $2",
        {org.id, std::to_string(deal_id)})[0];
  };
  auto d8 = row(8);
  EXPECT_EQ(d8[0], "8 Oak Street, Springfield");
  EXPECT_EQ(d8[1], "under_contract");
  EXPECT_EQ(d8[2], "sell");
  EXPECT_EQ(d8[3], "108000.00");
  EXPECT_FALSE(d8[4]);
  EXPECT_EQ(d8[5], "Client 8");
  EXPECT_EQ(d8[6], R"({"closing": "2026-05-01"})");
  auto d10 = row(10);
  EXPECT_EQ(d10[1], "closed");
  EXPECT_EQ(d10[4], "110000.00");
  EXPECT_EQ(json::parse(*d10[6]), (json::value{{"closing", "2026-05-01"}, {"closed", "2026-05-01"}}));
  EXPECT_EQ(row(6)[1], "prospecting");  // Lead
  EXPECT_EQ(row(7)[1], "listed");       // Active Listing
  EXPECT_EQ(row(9)[1], "pending");      // Pending
  EXPECT_EQ(row(11)[1], "cancelled");   // Terminated
  EXPECT_EQ(row(7)[2], "buy");

  // The import feeds the computed metrics: 25 closed deals (ids 4, 10, ... 148), closed on their
  // projected close date.
  EXPECT_EQ(count("SELECT metrics->>'closed_deals' FROM re_metrics WHERE org_id = $1 AND agent_id IS NULL AND "
                  "period = 'monthly' AND period_start = '2026-05-01'",
                  {org.id}),
            "25");
  auto integration = client().get("/api/v1/integrations/" + id, org.access_token).data();
  EXPECT_FALSE(integration.at("last_synced_at").is_null());
  EXPECT_EQ(count("SELECT details->>'created' FROM activity_log WHERE org_id = $1 AND action = 'integration.synced'",
                  {org.id}),
            "150");

  // Hub-side work on an imported deal (agents, commission) survives a re-run.
  db().exec("UPDATE re_transactions SET commission_rate = 0.03 WHERE id = $1", {*d8[7]});
  const std::string untouched_before = *row(20)[8];

  // The provider changes deal 8, adds deal 151: one created, one updated, nothing duplicated.
  fake_->edit([](FakeState& s) {
    s.fub_deals[7] = deal(8, "Closed", 111000, "Sellers");
    s.fub_deals.push_back(deal(151, "Lead", 99000));
  });
  auto again = client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.data().as_array()[0].at("metadata"),
            (json::value{{"fetched", 151}, {"created", 1}, {"updated", 1}, {"unchanged", 149}}));
  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "151");
  auto d8_after = row(8);
  EXPECT_EQ(d8_after[7], d8[7]) << "the same transaction was updated";
  EXPECT_EQ(d8_after[1], "closed");
  EXPECT_EQ(d8_after[3], "111000.00");
  EXPECT_EQ(d8_after[4], "111000.00");
  EXPECT_EQ(count("SELECT commission_rate::text FROM re_transactions WHERE id = $1", {*d8[7]}), "0.0300");
  EXPECT_EQ(*row(20)[8], untouched_before) << "an unchanged deal is not rewritten";

  // A third run with nothing new changes nothing.
  auto third = client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token);
  EXPECT_EQ(third.data().as_array()[0].at("metadata"),
            (json::value{{"fetched", 151}, {"created", 0}, {"updated", 0}, {"unchanged", 151}}));
  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "151");

  // Another org's sync of the same provider data makes its own transactions.
  auto other = register_org(client(), "fub-sync-b");
  connect(other);
  ASSERT_EQ(client().post("/api/v1/integrations/fub/sync", json::object{}, other.access_token).status, 200);
  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {other.id}), "151");
  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "151");
}

TEST_F(FubIntegration, ASyncFailingHalfWayLeavesTransactionsAsTheyWere) {
  auto org = register_org(client(), "fub-half");
  const std::string id = connect(org);
  fake_->edit([](FakeState& s) { s.fub_deals = deals(150); });

  // Nothing imported yet: a failure on the second page imports nothing.
  fake_->fail({"/fub/v1/deals", "offset=100", 500, R"({"errorMessage":"boom"})", std::nullopt, false, -1});
  auto first = client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token);
  EXPECT_EQ(first.status, 500) << first.body;
  EXPECT_EQ(first.error_code(), "INTEGRATION_ERROR");
  EXPECT_EQ(count("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "0");
  auto failed = latest_log(id, org);
  EXPECT_EQ(failed.at("operation"), json::value("fub:listDeals"));
  EXPECT_EQ(failed.at("status"), json::value("failed"));
  EXPECT_EQ(failed.at("records_synced"), json::value(0));
  EXPECT_NE(std::string(failed.at("error").as_string()).find("answered 500"), std::string::npos);
  EXPECT_FALSE(failed.at("completed_at").is_null());

  // After a good run, a failing run with changed data leaves every row exactly as it was.
  fake_->clear_failures();
  ASSERT_EQ(client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token).status, 200);
  const auto before = snapshot(org);
  ASSERT_EQ(before.size(), 150u);
  fake_->edit([](FakeState& s) {
    for (auto& d : s.fub_deals) d.as_object()["price"] = 1.0;
    s.fub_deals.push_back(deal(999, "Lead", 5));
  });
  fake_->fail({"/fub/v1/deals", "offset=100", 502, "bad gateway", std::nullopt, false, -1});
  auto second = client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token);
  EXPECT_EQ(second.status, 502) << second.body;
  EXPECT_EQ(snapshot(org), before);
  EXPECT_EQ(count("SELECT count(*) FROM integration_links WHERE org_id = $1", {org.id}), "150");
  EXPECT_EQ(latest_log(id, org).at("status"), json::value("failed"));
  EXPECT_EQ(client().get("/api/v1/integrations/" + id, org.access_token).data().at("status"),
            json::value("connected"))
      << "a failed sync does not disable the integration";
  EXPECT_EQ(count("SELECT count(*) FROM integration_sync_log WHERE integration_id = $1 AND status = 'started'", {id}),
            "0");
}

TEST_F(FubIntegration, ChangesAreAnnouncedToTheOrgOnly) {
  auto org = register_org(client(), "fub-ws");
  auto other = register_org(client(), "fub-ws-other");
  WsClient ws(hub_->port(), "/ws?token=" + org.access_token);
  WsClient stranger(hub_->port(), "/ws?token=" + other.access_token);
  for (WsClient* c : {&ws, &stranger}) {
    c->send(json::object{{"event", "heartbeat"}});
    ASSERT_TRUE(c->receive_event("heartbeat_ack"));
  }
  std::string key;
  const std::string id = connect(org, &key);
  auto connected = ws.receive_event("integration:updated");
  ASSERT_TRUE(connected);
  EXPECT_EQ(connected->at("data").at("id"), json::value(id));
  EXPECT_EQ(json::serialize(*connected).find(key), std::string::npos);
  auto checked = ws.receive_event("integration:updated");
  ASSERT_TRUE(checked) << "the check after connect announces its outcome";
  EXPECT_FALSE(checked->at("data").at("last_synced_at").is_null());

  fake_->edit([](FakeState& s) { s.fub_deals = deals(2); });
  ASSERT_EQ(client().post("/api/v1/integrations/fub/sync", json::object{}, org.access_token).status, 200);
  for (int i = 0; i < 2; ++i) {
    auto created = ws.receive_event("transaction:new");
    ASSERT_TRUE(created) << i;
    EXPECT_EQ(created->at("data").at("org_id"), json::value(org.id));
  }
  EXPECT_TRUE(ws.receive_event("activity:new"));
  EXPECT_FALSE(stranger.receive_event("integration:updated", std::chrono::milliseconds(300)));
  EXPECT_FALSE(stranger.receive_event("transaction:new", std::chrono::milliseconds(100)));
}

TEST_F(FubIntegration, NoCredentialReachesTheLog) {
  auto org = register_org(client(), "fub-log");
  std::string key;
  connect(org, &key);
  EXPECT_EQ(client().get("/api/v1/integrations/fub/users", org.access_token).status, 200);
  fake_->edit([&](FakeState& s) { s.fub_keys.erase(key); });
  EXPECT_EQ(client().get("/api/v1/integrations/fub/users", org.access_token).status, 401);
  const std::string log = hub_->log();
  ASSERT_NE(log.find("integration check"), std::string::npos);
  for (const auto& s : secrets.all()) {
    EXPECT_EQ(log.find(s), std::string::npos) << "logged: " << s;
    EXPECT_EQ(log.find(util::base64_encode(s + ":")), std::string::npos) << "logged as Basic auth: " << s;
  }
}

}  // namespace
}  // namespace agenthq::test
