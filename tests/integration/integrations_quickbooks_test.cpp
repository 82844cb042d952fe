// QuickBooks Online through the hub: company URL per realm, minorversion/format on every call,
// the query paging of contract 7.5, Fault bodies, no retries, the OAuth refresh with the
// client's Basic credentials, and POST /integrations/quickbooks/sync (counts, no import).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <regex>

#include "support/api_helpers.hpp"
#include "support/fake_provider.hpp"
#include "support/hub_process.hpp"
#include "support/secret_log.hpp"
#include "util/crypto.hpp"
#include "util/encoding.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

SecretLog secrets;  // this suite's own credentials

class QuickBooksIntegration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake_ = new FakeProvider();
    fake_->edit([](FakeState& s) {
      s.qbo_client_secret = secrets.make("qbo-client-secret");
      json::array invoices;
      for (int i = 1; i <= 2500; ++i) invoices.push_back(json::object{{"Id", std::to_string(i)}, {"TotalAmt", i}});
      s.qbo_entities["Invoice"] = std::move(invoices);
      s.qbo_entities["Account"] = {json::object{{"Id", "35"}, {"Name", "Checking"}},
                                   json::object{{"Id", "36"}, {"Name", "Savings"}}};
      s.qbo_entities["Payment"] = {json::object{{"Id", "7"}, {"TotalAmt", 100}}};
      s.qbo_entities["Bill"] = {};
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

  json::object connect(const TestOrg& org, const std::string& access, const std::string& refresh,
                       const std::string& realm, std::int64_t expires_at) {
    auto r = client().post(
        "/api/v1/integrations/connect",
        {{"type", "quickbooks"},
         {"credentials",
          {{"accessToken", access}, {"refreshToken", refresh}, {"realmId", realm}, {"expiresAt", expires_at}}}},
        org.access_token);
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string id(r.data().at("id").as_string());
    json::object row;
    EXPECT_TRUE(eventually([&] {
      row = client().get("/api/v1/integrations/" + id, org.access_token).data().as_object();
      return row.at("status") == json::value("error") || !row.at("last_synced_at").is_null();
    }));
    return row;
  }

  std::string connected(const TestOrg& org, std::string* access_out = nullptr) {
    const std::string access = secrets.make("qbo-access");
    std::string realm;
    fake_->edit([&](FakeState& s) {
      s.qbo_tokens.insert(access);
      realm = s.qbo_realm;
    });
    auto row = connect(org, access, secrets.make("qbo-refresh"), realm, unix_millis_now() + 3600 * 1000);
    EXPECT_EQ(row.at("status"), json::value("connected")) << json::serialize(row);
    if (access_out) *access_out = access;
    return std::string(row.at("id").as_string());
  }

  std::vector<std::string> queries() {
    std::vector<std::string> out;
    for (const auto& r : fake_->requests())
      if (r.path.size() > 6 && r.path.substr(r.path.size() - 6) == "/query") out.push_back(r.query.at("query"));
    return out;
  }

  json::object latest_log(const TestOrg& org, const std::string& id) {
    auto r = client().get("/api/v1/integrations/" + id + "/sync-logs?limit=1", org.access_token);
    return r.data().as_array().empty() ? json::object{} : r.data().as_array()[0].as_object();
  }

  static HubProcess* hub_;
  static FakeProvider* fake_;
};
HubProcess* QuickBooksIntegration::hub_ = nullptr;
FakeProvider* QuickBooksIntegration::fake_ = nullptr;

TEST_F(QuickBooksIntegration, TestReadsTheCompanyAndReportsFaults) {
  auto org = register_org(client(), "qbo-test");
  std::string access;
  connected(org, &access);
  fake_->clear_requests();
  auto ok = client().get("/api/v1/integrations/quickbooks/test", org.access_token);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json, (json::value{{"success", true}, {"message", "Connected to QuickBooks"}}));
  auto seen = fake_->requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].path, "/qbo/v3/company/9130350000000001/companyinfo/9130350000000001");
  EXPECT_EQ(seen[0].query, (std::map<std::string, std::string>{{"minorversion", "75"}, {"format", "json"}}));
  EXPECT_EQ(seen[0].headers.at("authorization"), "Bearer " + access);
  EXPECT_EQ(seen[0].headers.at("accept"), "application/json");
  static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  EXPECT_TRUE(std::regex_match(seen[0].headers.at("request-id"), uuid)) << seen[0].headers.at("request-id");

  // A Fault inside a 200 is a failure too.
  fake_->fail({"/qbo/v3/company/", "", 200, R"({"Fault":{"Error":[{"Message":"Company is locked"}]},"time":"x"})",
               std::nullopt, false, 1});
  auto fault = client().get("/api/v1/integrations/quickbooks/test", org.access_token);
  EXPECT_EQ(fault.json.at("success"), json::value(false));
  EXPECT_NE(std::string(fault.json.at("message").as_string()).find("Company is locked"), std::string::npos)
      << fault.body;

  // A realm the token does not open: QuickBooks answers 403 with a Fault.
  auto other = register_org(client(), "qbo-test-realm");
  const std::string token = secrets.make("qbo-access");
  fake_->edit([&](FakeState& s) { s.qbo_tokens.insert(token); });
  auto row = connect(other, token, secrets.make("qbo-refresh"), "123", unix_millis_now() + 3600 * 1000);
  EXPECT_EQ(row.at("status"), json::value("error"));
  EXPECT_NE(std::string(row.at("last_error").as_string()).find("QuickBooks answered 403"), std::string::npos);
}

TEST_F(QuickBooksIntegration, QueriesReturnOnePageUnlessAskedForAll) {
  auto org = register_org(client(), "qbo-query");
  const std::string id = connected(org);
  fake_->clear_requests();

  auto first = client().get("/api/v1/integrations/quickbooks/invoices", org.access_token);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto& qr = first.data().at("QueryResponse");
  EXPECT_EQ(qr.at("Invoice").as_array().size(), 1000u);
  EXPECT_EQ(qr.at("startPosition"), json::value(1));
  EXPECT_EQ(qr.at("maxResults"), json::value(1000));
  EXPECT_TRUE(first.data().as_object().contains("time"));
  EXPECT_EQ(queries(), (std::vector<std::string>{"select * from Invoice startposition 1 maxresults 1000"}));
  auto log = latest_log(org, id);
  EXPECT_EQ(log.at("operation"), json::value("quickbooks:queryInvoices"));
  EXPECT_EQ(log.at("records_synced"), json::value(1000));

  // Any non-empty `query` fetches everything; its text is not sent upstream.
  fake_->clear_requests();
  auto all = client().get("/api/v1/integrations/quickbooks/invoices?query=select%20*%20from%20Account",
                          org.access_token);
  ASSERT_EQ(all.status, 200) << all.body;
  const auto& invoices = all.data().at("QueryResponse").at("Invoice").as_array();
  ASSERT_EQ(invoices.size(), 2500u);
  EXPECT_EQ(invoices[2499].at("Id"), json::value("2500"));
  EXPECT_EQ(all.data().at("QueryResponse").at("maxResults"), json::value(2500));
  EXPECT_EQ(queries(), (std::vector<std::string>{"select * from Invoice startposition 1 maxresults 1000",
                                                 "select * from Invoice startposition 1001 maxresults 1000",
                                                 "select * from Invoice startposition 2001 maxresults 1000"}));
  EXPECT_EQ(latest_log(org, id).at("records_synced"), json::value(2500));

  auto accounts = client().get("/api/v1/integrations/quickbooks/accounts", org.access_token);
  EXPECT_EQ(accounts.data().at("QueryResponse").at("Account").as_array().size(), 2u);
  auto bills = client().get("/api/v1/integrations/quickbooks/bills?query=all", org.access_token);
  ASSERT_EQ(bills.status, 200) << bills.body;
  EXPECT_EQ(latest_log(org, id).at("operation"), json::value("quickbooks:queryBills"));
  EXPECT_EQ(latest_log(org, id).at("records_synced"), json::value(0));
  EXPECT_EQ(client().get("/api/v1/integrations/quickbooks/payments", org.access_token).status, 200);
  EXPECT_EQ(latest_log(org, id).at("operation"), json::value("quickbooks:queryPayments"));
}

TEST_F(QuickBooksIntegration, ReadsByIdUnwrappedAndNeverRetries) {
  auto org = register_org(client(), "qbo-read");
  const std::string id = connected(org);
  auto account = client().get("/api/v1/integrations/quickbooks/accounts/35", org.access_token);
  ASSERT_EQ(account.status, 200) << account.body;
  EXPECT_EQ(account.data(), (json::value{{"Id", "35"}, {"Name", "Checking"}}));
  EXPECT_EQ(client().get("/api/v1/integrations/quickbooks/invoices/2500", org.access_token).data().at("TotalAmt"),
            json::value(2500));
  auto bad = client().get("/api/v1/integrations/quickbooks/accounts/3.5", org.access_token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "VALIDATION_ERROR");
  auto missing = client().get("/api/v1/integrations/quickbooks/payments/404", org.access_token);
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(missing.error_code(), "INTEGRATION_ERROR");
  EXPECT_NE(missing.body.find("Object Not Found"), std::string::npos);
  EXPECT_TRUE(latest_log(org, id).empty()) << "reads by id are not sync-logged";

  fake_->clear_requests();
  fake_->fail({"/qbo/v3/company/", "", 503, "unavailable", std::nullopt, false, 1});
  auto down = client().get("/api/v1/integrations/quickbooks/accounts", org.access_token);
  EXPECT_EQ(down.status, 503) << down.body;
  EXPECT_EQ(down.error_code(), "INTEGRATION_ERROR");
  EXPECT_EQ(fake_->requests().size(), 1u) << "QuickBooks calls are not retried";
  EXPECT_EQ(latest_log(org, id).at("status"), json::value("failed"));
}

TEST_F(QuickBooksIntegration, ExpiringTokensAreRefreshedWithTheClientCredentials) {
  auto org = register_org(client(), "qbo-refresh");
  const std::string old_access = secrets.make("qbo-old-access"), old_refresh = secrets.make("qbo-old-refresh");
  const std::string new_access = secrets.make("qbo-new-access"), new_refresh = secrets.make("qbo-new-refresh");
  std::string realm, client_id, client_secret;
  fake_->edit([&](FakeState& s) {
    s.qbo_grants[old_refresh] = {new_access, new_refresh, 3600};
    realm = s.qbo_realm;
    client_id = s.qbo_client_id;
    client_secret = s.qbo_client_secret;
  });
  fake_->clear_requests();
  auto row = connect(org, old_access, old_refresh, realm, unix_millis_now() + 60 * 1000);
  ASSERT_EQ(row.at("status"), json::value("connected")) << json::serialize(row);

  auto grants = fake_->requests_to("/qbo-auth/oauth2/v1/tokens/bearer");
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(grants[0].headers.at("authorization"), "Basic " + util::base64_encode(client_id + ":" + client_secret));
  EXPECT_EQ(grants[0].body, "grant_type=refresh_token&refresh_token=" + old_refresh);
  auto sealed = db().scalar("SELECT credentials_encrypted FROM integrations WHERE id = $1",
                            {std::string(row.at("id").as_string())});
  auto creds = json::parse(*util::aes256gcm_decrypt(kTestEncryptionKey, sealed.value_or("")));
  EXPECT_EQ(creds.at("accessToken"), json::value(new_access));
  EXPECT_EQ(creds.at("refreshToken"), json::value(new_refresh));
  EXPECT_EQ(creds.at("realmId"), json::value(realm));
  auto info = fake_->requests_to("/qbo/v3/company/");
  ASSERT_FALSE(info.empty());
  EXPECT_EQ(info.back().headers.at("authorization"), "Bearer " + new_access);
}

TEST_F(QuickBooksIntegration, SyncCountsTheFourEntities) {
  auto org = register_org(client(), "qbo-sync");
  const std::string id = connected(org);
  auto r = client().post("/api/v1/integrations/quickbooks/sync", json::object{}, org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  std::map<std::string, std::int64_t> counts;
  for (const auto& log : r.data().as_array()) {
    EXPECT_EQ(log.at("status"), json::value("completed"));
    counts[std::string(log.at("operation").as_string())] = log.at("records_synced").as_int64();
  }
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"quickbooks:queryAccounts", 2},
                                                         {"quickbooks:queryInvoices", 2500},
                                                         {"quickbooks:queryPayments", 1},
                                                         {"quickbooks:queryBills", 0}}));
  EXPECT_EQ(db().scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "0");
  EXPECT_EQ(db().scalar("SELECT details->'counts'->>'Invoice' FROM activity_log WHERE org_id = $1 AND "
                        "action = 'integration.synced' AND resource_id = $2",
                        {org.id, id}),
            "2500");

  auto other = register_org(client(), "qbo-sync-b");
  for (const char* route : {"/test", "/accounts", "/invoices/1", "/payments", "/bills/1"}) {
    auto g = client().get(std::string("/api/v1/integrations/quickbooks") + route, other.access_token);
    EXPECT_EQ(g.error_code(), "INTEGRATION_NOT_FOUND") << route;
  }
  EXPECT_EQ(client().post("/api/v1/integrations/quickbooks/sync", json::object{}, other.access_token).error_code(),
            "INTEGRATION_NOT_FOUND");
}

TEST_F(QuickBooksIntegration, NoCredentialReachesTheLog) {
  auto org = register_org(client(), "qbo-log");
  connected(org);
  EXPECT_EQ(client().get("/api/v1/integrations/quickbooks/accounts", org.access_token).status, 200);
  const std::string log = hub_->log();
  ASSERT_NE(log.find("integration check"), std::string::npos);
  for (const auto& s : secrets.all()) EXPECT_EQ(log.find(s), std::string::npos) << "logged: " << s;
}

}  // namespace
}  // namespace agenthq::test
