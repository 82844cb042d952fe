// Real-estate metrics: the rollup's arithmetic on a hand-computed data set, recomputation when a
// transaction changes, GET /re/metrics and the leaderboard, `agenthq re rollup`, and the demo data.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

std::string str(const json::value& v) { return std::string(v.as_string()); }

std::string today_utc() {
  using namespace std::chrono;
  const year_month_day d{floor<days>(system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

// The hand-computed data set (all outcome dates explicit in key_dates):
//   T1 listing A, buyers B: listed 2026-01-01, closed 2026-02-02 (Mon), 500,000 at 3%   -> 15,000 (32 days)
//   T2 listing A:           listed 2026-01-20, closed 2026-02-10 (Tue), 300,000, amount  9,000   (21 days)
//   T3 listing A, buyers C: listed 2026-02-01, closed 2026-02-10 (Tue), 250,000 at 2%   ->  5,000 ( 9 days)
//   T4 listing B:           listed, cancelled 2026-02-12 (Thu)
//   T5 buyers A:            closed 2026-03-03 without a listing date, 400,000 at 2.5% -> 10,000
//   T6 listing C:           pending (open: counts nowhere)
struct DataSet {
  TestOrg org;
  TestAgent a, b, c;
  std::string t1, t2, t3, t4, t5, t6;
};

class ReMetrics : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  std::string create(const std::string& tok, json::object body) {
    body["property_address"] = "Somewhere " + random_suffix(4);
    body["type"] = "sell";
    auto r = client().post("/api/v1/re/transactions", body, tok);
    EXPECT_EQ(r.status, 201) << r.body;
    return str(r.data().at("id"));
  }
  void patch(const std::string& tok, const std::string& id, const json::object& body) {
    auto r = client().patch("/api/v1/re/transactions/" + id, body, tok);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  DataSet build(const std::string& label) {
    DataSet d;
    d.org = register_org(client(), label);
    d.a = register_agent(client(), d.org.access_token, "Alice");
    d.b = register_agent(client(), d.org.access_token, "Bob");
    d.c = register_agent(client(), d.org.access_token, "Carol");
    const auto& tok = d.org.access_token;
    d.t1 = create(tok, {{"listing_agent_id", d.a.id},
                        {"buyers_agent_id", d.b.id},
                        {"key_dates", {{"listed", "2026-01-01"}}}});
    patch(tok, d.t1,
          {{"status", "closed"},
           {"sale_price", 500000},
           {"commission_rate", 0.03},
           {"key_dates", {{"closed", "2026-02-02"}}}});
    d.t2 = create(tok, {{"listing_agent_id", d.a.id}, {"key_dates", {{"listed", "2026-01-20"}}}});
    patch(tok, d.t2,
          {{"status", "closed"},
           {"sale_price", 300000},
           {"commission_amount", 9000},
           {"key_dates", {{"closed", "2026-02-10"}}}});
    d.t3 = create(tok, {{"listing_agent_id", d.a.id}, {"buyers_agent_id", d.c.id}});
    patch(tok, d.t3, {{"status", "listed"}, {"key_dates", {{"listed", "2026-02-01"}}}});
    patch(tok, d.t3,
          {{"status", "closed"},
           {"sale_price", 250000},
           {"commission_rate", 0.02},
           {"key_dates", {{"closed", "2026-02-10"}}}});
    d.t4 = create(tok, {{"listing_agent_id", d.b.id}});
    patch(tok, d.t4, {{"status", "listed"}});
    patch(tok, d.t4, {{"status", "cancelled"}, {"key_dates", {{"cancelled", "2026-02-12"}}}});
    d.t5 = create(tok, {{"buyers_agent_id", d.a.id}});
    patch(tok, d.t5,
          {{"status", "closed"},
           {"sale_price", 400000},
           {"commission_rate", 0.025},
           {"key_dates", {{"closed", "2026-03-03"}}}});
    d.t6 = create(tok, {{"listing_agent_id", d.c.id}});
    patch(tok, d.t6, {{"status", "pending"}});
    return d;
  }

  // metrics of the one row (agent or org-wide when agent empty) for period/period_start; null if none.
  json::value row(const DataSet& d, const std::string& agent, const std::string& period,
                  const std::string& start) {
    PgConn db(hub_->database().conninfo());
    auto rows = db.query(
        "SELECT metrics::text FROM re_metrics WHERE org_id = $1 AND agent_id IS NOT DISTINCT FROM "
        "NULLIF($2, '') AND period = $3 AND period_start = $4::date",
        {d.org.id, agent, period, start});
    EXPECT_LE(rows.size(), 1u) << "duplicate metric rows";
    if (rows.empty()) return nullptr;
    return json::parse(*rows[0][0]);
  }
  static double num(const json::value& v) { return v.to_number<double>(); }
  static void expect_metrics(const json::value& m, int closed, double volume, std::optional<double> avg_days,
                             double commission, int cancelled, double conversion) {
    ASSERT_TRUE(m.is_object()) << "no metrics row";
    EXPECT_EQ(m.at("closed_deals").to_number<int>(), closed) << m;
    EXPECT_EQ(m.at("total_units").to_number<int>(), closed) << m;
    EXPECT_DOUBLE_EQ(num(m.at("total_volume")), volume) << m;
    if (avg_days)
      EXPECT_DOUBLE_EQ(num(m.at("avg_days_to_close")), *avg_days) << m;
    else
      EXPECT_TRUE(m.at("avg_days_to_close").is_null()) << m;
    EXPECT_DOUBLE_EQ(num(m.at("commission_earned")), commission) << m;
    EXPECT_EQ(m.at("cancelled_deals").to_number<int>(), cancelled) << m;
    EXPECT_DOUBLE_EQ(num(m.at("conversion_rate")), conversion) << m;
  }
  static HubProcess* hub_;
};
HubProcess* ReMetrics::hub_ = nullptr;

TEST_F(ReMetrics, HandComputedNumbers) {
  auto d = build("re-numbers");
  // February, monthly. A: T1+T2+T3; avg (32+21+9)/3 = 20.67 -> 20.7.
  expect_metrics(row(d, d.a.id, "monthly", "2026-02-01"), 3, 1050000, 20.7, 29000, 0, 1);
  // B: buyers on T1 (closed), listing on T4 (cancelled).
  expect_metrics(row(d, d.b.id, "monthly", "2026-02-01"), 1, 500000, 32, 15000, 1, 0.5);
  expect_metrics(row(d, d.c.id, "monthly", "2026-02-01"), 1, 250000, 9, 5000, 0, 1);
  // Org-wide counts each deal once: 3 closed, 1 cancelled.
  expect_metrics(row(d, "", "monthly", "2026-02-01"), 3, 1050000, 20.7, 29000, 1, 0.75);
  // ISO weeks start on Monday: 2026-02-02 and 2026-02-09.
  expect_metrics(row(d, d.a.id, "weekly", "2026-02-02"), 1, 500000, 32, 15000, 0, 1);
  expect_metrics(row(d, d.a.id, "weekly", "2026-02-09"), 2, 550000, 15, 14000, 0, 1);
  expect_metrics(row(d, "", "weekly", "2026-02-09"), 2, 550000, 15, 14000, 1, 0.6667);
  expect_metrics(row(d, d.b.id, "weekly", "2026-02-09"), 0, 0, std::nullopt, 0, 1, 0);
  // Days.
  expect_metrics(row(d, d.a.id, "daily", "2026-02-10"), 2, 550000, 15, 14000, 0, 1);
  expect_metrics(row(d, "", "daily", "2026-02-12"), 0, 0, std::nullopt, 0, 1, 0);
  EXPECT_TRUE(row(d, d.a.id, "daily", "2026-02-12").is_null());
  // March: T5 has no listing date, so no days-to-close.
  expect_metrics(row(d, d.a.id, "monthly", "2026-03-01"), 1, 400000, std::nullopt, 10000, 0, 1);
  EXPECT_TRUE(row(d, d.b.id, "monthly", "2026-03-01").is_null());
  // The open deal (T6) counts nowhere: Carol has only February rows.
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM re_metrics WHERE agent_id = $1 AND period_start >= '2026-03-01'",
                      {d.c.id}),
            "0");
  // Exactly one row per (agent, period, start): 4 parties in Feb + 2 in March, monthly; etc.
  EXPECT_EQ(
      db.scalar(
          "SELECT count(*) FROM (SELECT agent_id, period, period_start FROM re_metrics WHERE org_id = $1 "
          "GROUP BY 1, 2, 3 HAVING count(*) > 1) dup",
          {d.org.id}),
      "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM re_metrics WHERE org_id = $1 AND period = 'monthly'", {d.org.id}),
            "6");
}

TEST_F(ReMetrics, ChangesAreRolledUpAtOnce) {
  auto d = build("re-recompute");
  const auto& tok = d.org.access_token;
  // Moving T2's closing date into March moves it out of February's rows and into March's.
  patch(tok, d.t2, {{"key_dates", {{"closed", "2026-03-05"}}}});
  expect_metrics(row(d, d.a.id, "monthly", "2026-02-01"), 2, 750000, 20.5, 20000, 0, 1);
  expect_metrics(row(d, d.a.id, "weekly", "2026-02-09"), 1, 250000, 9, 5000, 0, 1);
  expect_metrics(row(d, d.a.id, "monthly", "2026-03-01"), 2, 700000, 44, 19000, 0,
                 1);  // T2: 01-20 -> 03-05 = 44
  expect_metrics(row(d, "", "daily", "2026-03-05"), 1, 300000, 44, 9000, 0, 1);
  // A new price on a closed deal; a deal handed to another agent.
  patch(tok, d.t3, {{"sale_price", 260000}, {"buyers_agent_id", d.b.id}});
  expect_metrics(row(d, d.a.id, "monthly", "2026-02-01"), 2, 760000, 20.5, 20000, 0, 1);
  EXPECT_TRUE(row(d, d.c.id, "monthly", "2026-02-01").is_null());  // Carol has no February deal any more
  expect_metrics(row(d, d.b.id, "monthly", "2026-02-01"), 2, 760000, 20.5, 20000, 1, 0.6667);
  // Closing the pending deal today shows up in today's rows.
  patch(tok, d.t6, {{"status", "closed"}, {"sale_price", 100000}, {"commission_rate", 0.01}});
  expect_metrics(row(d, d.c.id, "daily", today_utc()), 1, 100000, std::nullopt, 1000, 0, 1);
}

TEST_F(ReMetrics, ConcurrentClosingsLeaveConsistentRows) {
  auto org = register_org(client(), "re-concurrent");
  auto agent = register_agent(client(), org.access_token, "busy");
  const auto& tok = org.access_token;
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(create(tok, {{"listing_agent_id", agent.id}}));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&, i] {
      auto r = client().patch(
          "/api/v1/re/transactions/" + ids[i],
          {{"status", "closed"}, {"sale_price", 1000 * (i + 1)}, {"key_dates", {{"closed", "2026-01-15"}}}},
          tok);
      if (r.status == 200) ++ok;
    });
  for (auto& t : threads) t.join();
  ASSERT_EQ(ok.load(), 12);
  DataSet d;
  d.org = org;
  // 1000 * (1 + ... + 12) = 78,000; one row each, no duplicates from racing rollups.
  expect_metrics(row(d, agent.id, "monthly", "2026-01-01"), 12, 78000, std::nullopt, 0, 0, 1);
  expect_metrics(row(d, "", "daily", "2026-01-15"), 12, 78000, std::nullopt, 0, 0, 1);
}

TEST_F(ReMetrics, MetricsRouteFiltersAndShape) {
  auto d = build("re-route");
  const auto& tok = d.a.api_key;
  auto all = client().get("/api/v1/re/metrics", tok);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_FALSE(all.json.as_object().contains("pagination"));
  const auto& rows = all.data().as_array();
  // Parties x periods: Feb (A, B, C, org) + Mar (A, org) monthly; weeks 02-02 (A, B, org), 02-09 (A, B, C,
  // org), 03-02 (A, org); days 02-02 (A, B, org), 02-10 (A, C, org), 02-12 (B, org), 03-03 (A, org).
  EXPECT_EQ(rows.size(), 6u + 9u + 10u);
  std::string previous = "9999";
  for (const auto& r : rows) {
    const auto& o = r.as_object();
    EXPECT_EQ(o.size(), 7u);
    for (const char* key : {"id", "org_id", "agent_id", "period", "period_start", "metrics", "created_at"})
      EXPECT_TRUE(o.contains(key)) << key;
    const std::string start = str(o.at("period_start"));
    EXPECT_EQ(start.size(), 24u);
    EXPECT_EQ(start.substr(10), "T00:00:00.000Z");
    EXPECT_LE(start, previous);  // period_start descending
    previous = start;
  }
  auto feb = client().get(
      "/api/v1/re/metrics?period=monthly&agent_id=" + d.a.id + "&from=2026-02-01&to=2026-02-28", tok);
  ASSERT_EQ(feb.data().as_array().size(), 1u);
  EXPECT_EQ(feb.data().at(0).at("period_start"), "2026-02-01T00:00:00.000Z");
  EXPECT_EQ(feb.data().at(0).at("agent_id"), json::value(d.a.id));
  EXPECT_EQ(feb.data().at(0).at("metrics").at("closed_deals"), 3);
  auto weeks = client().get("/api/v1/re/metrics?period=weekly&from=2026-02-09T00:00:00Z", tok);
  EXPECT_EQ(weeks.data().as_array().size(), 4u + 2u);
  auto upto = client().get("/api/v1/re/metrics?period=daily&to=2026-02-02", tok);
  EXPECT_EQ(upto.data().as_array().size(), 3u);
  EXPECT_EQ(client().get("/api/v1/re/metrics?period=yearly", tok).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().get("/api/v1/re/metrics?from=last-week", tok).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().get("/api/v1/re/metrics?to=2026-13-01", tok).error_code(), "VALIDATION_ERROR");
  EXPECT_TRUE(client().get("/api/v1/re/metrics?agent_id=nobody", tok).data().as_array().empty());
}

TEST_F(ReMetrics, LeaderboardOrderAndParameters) {
  auto d = build("re-board");
  const auto& tok = d.org.access_token;
  auto board = client().get("/api/v1/re/metrics/leaderboard?period_start=2026-02-01", tok);
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_FALSE(board.json.as_object().contains("pagination"));
  const auto& entries = board.data().as_array();
  ASSERT_EQ(entries.size(), 3u);  // agents only, no org-wide row
  // By volume as a number: 1,050,000 > 500,000 > 250,000 (as text "1050000" would sort last).
  EXPECT_EQ(entries[0].at("id"), json::value(d.a.id));
  EXPECT_EQ(entries[0].at("name"), "Alice");
  EXPECT_EQ(entries[1].at("id"), json::value(d.b.id));
  EXPECT_EQ(entries[2].at("id"), json::value(d.c.id));
  EXPECT_EQ(entries[0].as_object().size(), 3u);
  EXPECT_EQ(entries[0].at("metrics").at("closed_deals"), 3);

  // Weekly, asked with a day inside the week: that ISO week (Mon 2026-02-09). Bob has only a cancellation
  // (0).
  auto week = client().get("/api/v1/re/metrics/leaderboard?period=weekly&period_start=2026-02-11", tok);
  ASSERT_EQ(week.data().as_array().size(), 3u);
  EXPECT_EQ(week.data().at(0).at("id"), json::value(d.a.id));
  EXPECT_EQ(week.data().at(1).at("id"), json::value(d.c.id));
  EXPECT_EQ(week.data().at(2).at("id"), json::value(d.b.id));
  auto day = client().get("/api/v1/re/metrics/leaderboard?period=daily&period_start=2026-03-03", tok);
  ASSERT_EQ(day.data().as_array().size(), 1u);
  EXPECT_TRUE(
      client().get("/api/v1/re/metrics/leaderboard?period_start=2025-02-01", tok).data().as_array().empty());

  auto missing = client().get("/api/v1/re/metrics/leaderboard", tok);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_code(), "MISSING_PARAM");
  EXPECT_EQ(client().get("/api/v1/re/metrics/leaderboard?period_start=", tok).error_code(), "MISSING_PARAM");
  for (const char* bad : {"2026-2-1", "2026-02-30", "02/01/2026", "2026-02-01T00:00:00Z"})
    EXPECT_EQ(
        client().get(std::string("/api/v1/re/metrics/leaderboard?period_start=") + bad, tok).error_code(),
        "VALIDATION_ERROR")
        << bad;
  EXPECT_EQ(
      client().get("/api/v1/re/metrics/leaderboard?period=hourly&period_start=2026-02-01", tok).error_code(),
      "VALIDATION_ERROR");
}

TEST_F(ReMetrics, TenantIsolation) {
  auto d = build("re-iso-metrics");
  auto other = register_org(client(), "re-iso-metrics-b");
  auto other_agent = register_agent(client(), other.access_token, "nosy");
  for (const auto& tok : {other.access_token, other_agent.api_key}) {
    EXPECT_TRUE(client().get("/api/v1/re/metrics", tok).data().as_array().empty());
    EXPECT_TRUE(client().get("/api/v1/re/metrics?agent_id=" + d.a.id, tok).data().as_array().empty());
    EXPECT_TRUE(client()
                    .get("/api/v1/re/metrics/leaderboard?period_start=2026-02-01", tok)
                    .data()
                    .as_array()
                    .empty());
  }
}

TEST_F(ReMetrics, RollupCommandRebuildsEverything) {
  auto d = build("re-rollup");
  PgConn db(hub_->database().conninfo());
  const std::string before = *db.scalar(
      "SELECT string_agg(coalesce(agent_id, '-') || period || period_start || metrics::text, '|' ORDER BY "
      "agent_id, "
      "period, period_start) FROM re_metrics WHERE org_id = $1",
      {d.org.id});
  // A closed deal imported without any dates counts on its updated_at day.
  db.exec(
      "INSERT INTO re_transactions (id, org_id, property_address, status, type, sale_price, "
      "commission_amount, "
      "listing_agent_id, key_dates, updated_at) VALUES ($1, $2, 'Imported', 'closed', 'sell', 123456.78, "
      "1000, $3, "
      "'{\"closed\": \"garbage\"}', '2025-04-15 12:00+00')",
      {"01IMPORTED" + random_suffix(16), d.org.id, d.c.id});
  db.exec("DELETE FROM re_metrics WHERE org_id = $1", {d.org.id});

  const std::map<std::string, std::string> env{{"DATABASE_URL", hub_->app_conninfo()},
                                               {"DATABASE_ADMIN_URL", hub_->database().conninfo()}};
  auto one = run_agenthq({"re", "rollup", "--org", d.org.id}, env);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find(d.org.id), std::string::npos) << one.output;
  expect_metrics(row(d, d.c.id, "monthly", "2025-04-01"), 1, 123456.78, std::nullopt, 1000, 0, 1);
  db.exec("DELETE FROM re_transactions WHERE property_address = 'Imported' AND org_id = $1", {d.org.id});

  // Without --org: every organisation.
  db.exec("DELETE FROM re_metrics WHERE org_id = $1", {d.org.id});
  auto all = run_agenthq({"re", "rollup"}, env);
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_NE(all.output.find(d.org.id), std::string::npos) << all.output;
  const std::string after = *db.scalar(
      "SELECT string_agg(coalesce(agent_id, '-') || period || period_start || metrics::text, '|' ORDER BY "
      "agent_id, "
      "period, period_start) FROM re_metrics WHERE org_id = $1",
      {d.org.id});
  EXPECT_EQ(after, before);
  EXPECT_EQ(
      db.scalar("SELECT count(*) FROM re_metrics WHERE org_id = $1 AND id !~ '^[0-9A-HJKMNP-TV-Z]{26}$'",
                {d.org.id}),
      "0");

  auto unknown = run_agenthq({"re", "rollup", "--org", "no-such-org"}, env);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("no organisation with id no-such-org"), std::string::npos) << unknown.output;
}

TEST_F(ReMetrics, DemoOrganisationHasRealEstateData) {
  const std::map<std::string, std::string> env{{"DATABASE_URL", hub_->app_conninfo()},
                                               {"DATABASE_ADMIN_URL", hub_->database().conninfo()}};
  auto seeded = run_agenthq({"seed"}, env);
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  auto login = client().post("/api/v1/auth/login",
                             {{"email", "owner@demo.agenthq.dev"}, {"password", "demo-owner-pass"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string tok(login.data().at("accessToken").as_string());
  EXPECT_EQ(client().get("/api/v1/re/transactions", tok).json.at("pagination").at("total"), 10);
  std::set<std::string> statuses;
  auto listed = client().get("/api/v1/re/transactions", tok);
  for (const auto& t : listed.data().as_array()) statuses.insert(str(t.at("status")));
  EXPECT_EQ(statuses.size(), 6u);
  EXPECT_EQ(client().get("/api/v1/re/profiles", tok).data().as_array().size(), 3u);
  auto board = client().get("/api/v1/re/metrics/leaderboard?period_start=" + today_utc(), tok);
  ASSERT_EQ(board.status, 200);
  EXPECT_GE(board.data().as_array().size(), 2u) << board.body;
  EXPECT_FALSE(client().get("/api/v1/re/metrics?period=monthly", tok).data().as_array().empty());
  // Seeding again leaves the existing organisation alone.
  auto again = run_agenthq({"seed"}, env);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(client().get("/api/v1/re/transactions", tok).json.at("pagination").at("total"), 10);
}

}  // namespace
}  // namespace agenthq::test
