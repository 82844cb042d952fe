// Issue 12, how the hub writes numbers: plain decimals everywhere (no exponent, integers as
// integers), and money and rates of computed reports exact, as NUMERIC decimal strings with the
// scale of their source columns.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <regex>
#include <set>
#include <vector>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/json_numbers.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

std::string today_utc() {
  using namespace std::chrono;
  const year_month_day d{floor<days>(system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return text;
}

class NumberFormat : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  std::map<std::string, std::string> command_env() const {
    return {{"DATABASE_URL", hub_->app_conninfo()}, {"DATABASE_ADMIN_URL", hub_->database().conninfo()}};
  }
  static HubProcess* hub_;
};
HubProcess* NumberFormat::hub_ = nullptr;

TEST_F(NumberFormat, ThousandsOfCentsSumToExactDecimals) {
  auto org = register_org(client(), "num-cents");
  auto agent = register_agent(client(), org.access_token, "Penny");
  // 3,000 closed deals of 0.10 / 0.20 (commissions 0.10 / 0.20 / 0.30) and one cancelled deal.
  // Summed in binary floating point these are 449.99999999999994 and 600.00000000001125.
  double float_volume = 0, float_commission = 0;
  for (int g = 1; g <= 3000; ++g) {
    float_volume += g % 2 == 0 ? 0.10 : 0.20;
    float_commission += g % 3 == 0 ? 0.10 : g % 3 == 1 ? 0.20 : 0.30;
  }
  ASSERT_NE(float_volume, 450.0) << "the data set must be one that floating point cannot sum exactly";
  ASSERT_NE(float_commission, 600.0);
  PgConn db(hub_->database().conninfo());
  const std::string prefix = "01NUM" + random_suffix(6);
  db.exec(
      "INSERT INTO re_transactions (id, org_id, property_address, status, type, sale_price, commission_amount, "
      "listing_agent_id, key_dates) SELECT $1 || lpad(g::text, 15, '0'), $2, 'Cent street ' || g, "
      "CASE WHEN g <= 3000 THEN 'closed' ELSE 'cancelled' END, 'sell', "
      "CASE WHEN g > 3000 THEN NULL WHEN g % 2 = 0 THEN 0.10 ELSE 0.20 END, "
      "CASE WHEN g > 3000 THEN NULL WHEN g % 3 = 0 THEN 0.10 WHEN g % 3 = 1 THEN 0.20 ELSE 0.30 END, $3, "
      "CASE WHEN g <= 3000 THEN '{\"closed\": \"2026-05-14\"}' ELSE '{\"cancelled\": \"2026-05-14\"}' END::jsonb "
      "FROM generate_series(1, 3001) g",
      {prefix, org.id, agent.id});
  auto rollup = run_agenthq({"re", "rollup", "--org", org.id}, command_env());
  ASSERT_EQ(rollup.exit_code, 0) << rollup.output;

  auto expect_exact = [](const json::value& m, const std::string& where) {
    EXPECT_EQ(m.at("total_volume"), json::value("450.00")) << where << ": " << m;
    EXPECT_EQ(m.at("commission_earned"), json::value("600.00")) << where << ": " << m;
    EXPECT_EQ(m.at("conversion_rate"), json::value("0.9997")) << where << ": " << m;  // 3000 / 3001
    EXPECT_EQ(m.at("closed_deals"), json::value(3000)) << where;                       // counts: integers
    EXPECT_EQ(m.at("cancelled_deals"), json::value(1)) << where;
  };
  for (const char* period : {"daily", "weekly", "monthly"}) {
    auto r = client().get(std::string("/api/v1/re/metrics?period=") + period + "&agent_id=" + agent.id,
                          agent.api_key);
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.data().as_array().size(), 1u) << r.body;
    expect_exact(r.data().at(0).at("metrics"), period);
    EXPECT_NE(r.body.find(R"("total_volume":"450.00")"), std::string::npos) << r.body;
    EXPECT_TRUE(exponent_numbers(r.body).empty()) << r.body;
  }
  auto org_wide = client().get("/api/v1/re/metrics?period=monthly", org.access_token);
  ASSERT_EQ(org_wide.data().as_array().size(), 2u) << org_wide.body;  // the agent's row and the org's
  for (const auto& row : org_wide.data().as_array()) expect_exact(row.at("metrics"), "monthly, both rows");

  auto board = client().get("/api/v1/re/metrics/leaderboard?period_start=2026-05-14", org.access_token);
  ASSERT_EQ(board.status, 200) << board.body;
  ASSERT_EQ(board.data().as_array().size(), 1u) << board.body;
  expect_exact(board.data().at(0).at("metrics"), "leaderboard");
  EXPECT_TRUE(exponent_numbers(board.body).empty()) << board.body;
}

TEST_F(NumberFormat, DemoOrganisationNumbersArePlainDecimals) {
  auto seeded = run_agenthq({"seed"}, command_env());
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  auto login =
      client().post("/api/v1/auth/login", {{"email", "owner@demo.agenthq.dev"}, {"password", "demo-owner-pass"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string tok(login.data().at("accessToken").as_string());
  // Numbers that Boost.JSON alone would write as 8.5E-1, 1.25E-4, 1E21, 2.5E-1 and 1E-7.
  auto insight = client().post("/api/v1/insights/generate",
                               {{"type", "trend"},
                                {"title", "Days on market"},
                                {"content", "Shorter in spring"},
                                {"confidence", 0.85},
                                {"data", {{"ratio", 0.000125}, {"big", 1e21}, {"n", 3}}}},
                               tok);
  ASSERT_EQ(insight.status, 201) << insight.body;
  auto agents = client().get("/api/v1/agents", tok);
  ASSERT_FALSE(agents.data().as_array().empty()) << agents.body;
  const std::string agent_id(agents.data().at(0).at("id").as_string());
  auto patched = client().patch("/api/v1/agents/" + agent_id, {{"metadata", {{"score", 0.25}, {"tiny", 1e-7}}}}, tok);
  ASSERT_EQ(patched.status, 200) << patched.body;

  std::set<std::string> seen;
  const std::regex money(R"(\d+\.\d{2})"), rate(R"(\d\.\d{4})");
  const std::vector<std::string> targets{"/api/v1/re/metrics",
                                         "/api/v1/re/metrics/leaderboard?period_start=" + today_utc(),
                                         "/api/v1/re/transactions",
                                         "/api/v1/insights",
                                         "/api/v1/insights/" + std::string(insight.data().at("id").as_string()),
                                         "/api/v1/agents",
                                         "/api/v1/agents/" + agent_id,
                                         "/api/v1/feed"};
  for (const auto& target : targets) {
    auto r = client().get(target, tok);
    ASSERT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_TRUE(exponent_numbers(r.body).empty()) << target << ": " << r.body;
    for (auto& t : json_number_tokens(r.body)) seen.insert(t);
  }
  for (const char* expected : {"0.85", "0.000125", "1000000000000000000000", "3", "0.25", "0.0000001"})
    EXPECT_TRUE(seen.count(expected)) << expected;

  // Money and rates keep their columns' scale: amounts 2 places, rates 4, in reports and transactions.
  auto metrics = client().get("/api/v1/re/metrics", tok);
  ASSERT_FALSE(metrics.data().as_array().empty());
  for (const auto& row : metrics.data().as_array()) {
    const auto& m = row.at("metrics");
    for (const char* key : {"total_volume", "commission_earned"})
      EXPECT_TRUE(std::regex_match(std::string(m.at(key).as_string()), money)) << key << ": " << m;
    EXPECT_TRUE(std::regex_match(std::string(m.at("conversion_rate").as_string()), rate)) << m;
    EXPECT_TRUE(m.at("closed_deals").is_int64()) << m;
  }
  auto transactions = client().get("/api/v1/re/transactions", tok);
  int priced = 0;
  for (const auto& t : transactions.data().as_array()) {
    if (t.at("sale_price").is_null()) continue;
    ++priced;
    EXPECT_TRUE(std::regex_match(std::string(t.at("sale_price").as_string()), money)) << t;
  }
  EXPECT_GT(priced, 0);
}

}  // namespace
}  // namespace agenthq::test
