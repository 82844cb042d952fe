// Real-estate transactions: create/list/get/patch, the status pipeline, validation, key_dates
// merging and stamping, derived commission, audit entries, real-time events, tenant isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using boost::beast::http::verb;

std::string today_utc() {
  using namespace std::chrono;
  const year_month_day d{floor<days>(system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

class ReTransactions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  // A transaction created through the API (201 asserted); returns its JSON.
  json::object create(const std::string& token, json::object body) {
    if (!body.contains("property_address")) body["property_address"] = "1 Test Street";
    if (!body.contains("type")) body["type"] = "sell";
    auto r = client().post("/api/v1/re/transactions", body, token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.data().as_object() : json::object{};
  }
  HttpResult patch(const std::string& token, const json::object& t, const json::object& body) {
    return client().patch("/api/v1/re/transactions/" + str(t.at("id")), body, token);
  }
  std::string status_of(const std::string& token, const json::object& t) {
    return str(client().get("/api/v1/re/transactions/" + str(t.at("id")), token).data().at("status"));
  }
  static HubProcess* hub_;
};
HubProcess* ReTransactions::hub_ = nullptr;

TEST_F(ReTransactions, CreateReturnsTheTransactionWithDefaults) {
  auto org = register_org(client(), "re-create");
  auto lister = register_agent(client(), org.access_token, "lister");
  auto buyer = register_agent(client(), org.access_token, "buyer");
  auto r = client().post("/api/v1/re/transactions",
                         {{"property_address", "42 Harbour View Rd"},
                          {"type", "sell"},
                          {"mls_number", "MLS-1"},
                          {"listing_price", 450000},
                          {"listing_agent_id", lister.id},
                          {"buyers_agent_id", buyer.id},
                          {"client_name", "The Okafors"},
                          {"key_dates", {{"listed", "2026-01-10"}, {"inspection", "next week"}}},
                          {"status", "closed"},  // not settable at creation: ignored
                          {"sale_price", 1}},    // idem
                         org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto& t = r.data().as_object();
  for (const char* key : {"id", "org_id", "property_address", "mls_number", "status", "type", "listing_price",
                          "sale_price", "commission_rate", "commission_amount", "listing_agent_id",
                          "buyers_agent_id", "client_name", "key_dates", "created_at", "updated_at"})
    EXPECT_TRUE(t.contains(key)) << key;
  EXPECT_EQ(t.size(), 16u);
  EXPECT_EQ(str(t.at("id")).size(), 26u);
  EXPECT_EQ(t.at("org_id"), json::value(org.id));
  EXPECT_EQ(t.at("status"), "prospecting");
  EXPECT_EQ(t.at("listing_price"), "450000.00");  // numeric as a decimal string, like the reference
  EXPECT_TRUE(t.at("sale_price").is_null());
  EXPECT_TRUE(t.at("commission_rate").is_null());
  EXPECT_TRUE(t.at("commission_amount").is_null());
  EXPECT_EQ(t.at("listing_agent_id"), json::value(lister.id));
  EXPECT_EQ(t.at("buyers_agent_id"), json::value(buyer.id));
  EXPECT_EQ(t.at("key_dates"),
            json::parse(R"({"listed":"2026-01-10","inspection":"next week","prospecting":")" + today_utc() +
                        "\"}"));

  // listing_price 0 is stored as 0 (the reference stored null); an agent may create too.
  auto zero =
      client().post("/api/v1/re/transactions",
                    {{"property_address", "Lot 9"}, {"type", "lease"}, {"listing_price", 0}}, lister.api_key);
  ASSERT_EQ(zero.status, 201) << zero.body;
  EXPECT_EQ(zero.data().at("listing_price"), "0.00");
  EXPECT_TRUE(zero.data().at("mls_number").is_null());
  auto fraction = create(org.access_token, {{"listing_price", 1234.5}});
  EXPECT_EQ(fraction.at("listing_price"), "1234.50");

  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(
      db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'transaction.created' AND "
                "resource_type = 'transaction' AND resource_id = $2 AND actor_id = $3",
                {org.id, str(t.at("id")), org.owner_id}),
      "1");
  EXPECT_EQ(
      db.scalar("SELECT actor_type FROM activity_log WHERE resource_id = $1", {str(zero.data().at("id"))}),
      "agent");
}

TEST_F(ReTransactions, CreateValidation) {
  auto org = register_org(client(), "re-valid");
  auto other = register_org(client(), "re-valid-other");
  auto foreign_agent = register_agent(client(), other.access_token, "theirs");
  struct Case {
    json::object body;
    std::string message_part;
  };
  const json::object ok{{"property_address", "1 A St"}, {"type", "buy"}};
  auto with = [&](const char* key, json::value v) {
    json::object b = ok;
    b[key] = std::move(v);
    return b;
  };
  std::vector<Case> cases{
      {{{"type", "buy"}}, "property_address is required"},
      {with("property_address", ""), "property_address is required"},
      {with("property_address", 5), "property_address must be a string"},
      {{{"property_address", "x"}}, "type is required"},
      {with("type", "rent"), "type must be one of: buy, sell, lease"},
      {with("listing_price", -1), "listing_price must be a non-negative amount"},
      {with("listing_price", "100"), "listing_price must be a number"},
      {with("listing_price", nullptr), "listing_price must be a number"},
      {with("listing_price", 1e10), "listing_price must be a non-negative amount"},
      {with("listing_agent_id", "01NOSUCHAGENT0000000000000"),
       "listing_agent_id is not an agent of this organisation"},
      {with("buyers_agent_id", json::value(foreign_agent.id)),
       "buyers_agent_id is not an agent of this organisation"},
      {with("listing_agent_id", nullptr), "listing_agent_id must be the id of an agent"},
      {with("key_dates", json::array{"2026-01-01"}), "key_dates must be an object"},
      {with("key_dates", {{"closed", "yesterday"}}), "key_dates.closed must be a date (YYYY-MM-DD)"},
      {with("key_dates", {{"listed", "2026-02-30"}}), "key_dates.listed must be a date (YYYY-MM-DD)"},
      {with("key_dates", {{"appraisal", 20260101}}), "key_dates.appraisal must be a string"},
      {with("key_dates", {{"appraisal", nullptr}}), "key_dates.appraisal must be a string"},
  };
  for (const auto& c : cases) {
    auto r = client().post("/api/v1/re/transactions", c.body, org.access_token);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << json::serialize(c.body);
    EXPECT_NE(r.body.find(c.message_part), std::string::npos) << r.body;
  }
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM re_transactions WHERE org_id = $1", {org.id}), "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action LIKE 'transaction.%'",
                      {org.id}),
            "0");
}

TEST_F(ReTransactions, ListFiltersPaginationAndGet) {
  auto org = register_org(client(), "re-list");
  auto a = register_agent(client(), org.access_token, "a");
  auto b = register_agent(client(), org.access_token, "b");
  const auto& tok = org.access_token;
  auto t1 = create(tok, {{"type", "sell"}, {"listing_agent_id", a.id}});
  auto t2 = create(tok, {{"type", "buy"}, {"buyers_agent_id", a.id}});
  auto t3 = create(tok, {{"type", "sell"}, {"listing_agent_id", b.id}, {"buyers_agent_id", a.id}});
  auto t4 = create(tok, {{"type", "lease"}});
  ASSERT_EQ(patch(tok, t3, {{"status", "listed"}}).status, 200);

  auto ids = [&](const std::string& query) {
    auto r = client().get("/api/v1/re/transactions" + query, tok);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    for (const auto& t : r.data().as_array()) out.push_back(str(t.at("id")));
    return out;
  };
  using V = std::vector<std::string>;
  const auto id = [](const json::object& t) { return str(t.at("id")); };
  EXPECT_EQ(ids(""), V({id(t4), id(t3), id(t2), id(t1)}));  // newest first
  EXPECT_EQ(ids("?status=listed"), V({id(t3)}));
  EXPECT_EQ(ids("?status=prospecting"), V({id(t4), id(t2), id(t1)}));
  EXPECT_EQ(ids("?type=sell"), V({id(t3), id(t1)}));
  EXPECT_EQ(ids("?listing_agent_id=" + a.id), V({id(t1)}));
  EXPECT_EQ(ids("?buyers_agent_id=" + a.id), V({id(t3), id(t2)}));
  EXPECT_EQ(ids("?buyers_agent_id=" + a.id + "&listing_agent_id=" + b.id + "&type=sell&status=listed"),
            V({id(t3)}));
  EXPECT_EQ(ids("?status="), V({id(t4), id(t3), id(t2), id(t1)}));  // empty = no filter
  EXPECT_EQ(client().get("/api/v1/re/transactions?status=sold", tok).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().get("/api/v1/re/transactions?type=rent", tok).error_code(), "VALIDATION_ERROR");

  auto page = client().get("/api/v1/re/transactions?limit=3&page=1", tok);
  EXPECT_EQ(page.json.at("pagination"), json::parse(R"({"page":1,"limit":3,"total":4,"hasMore":true})"));
  auto last = client().get("/api/v1/re/transactions?limit=3&page=2", tok);
  EXPECT_EQ(last.data().as_array().size(), 1u);
  EXPECT_EQ(last.json.at("pagination").at("hasMore"), false);
  auto beyond = client().get("/api/v1/re/transactions?limit=3&page=9", tok);
  EXPECT_TRUE(beyond.data().as_array().empty());
  EXPECT_EQ(beyond.json.at("pagination").at("total"), 4);
  EXPECT_EQ(client().get("/api/v1/re/transactions?limit=500", tok).json.at("pagination").at("limit"), 100);
  EXPECT_EQ(client().get("/api/v1/re/transactions?limit=-3", tok).json.at("pagination").at("limit"), 1);

  auto one = client().get("/api/v1/re/transactions/" + id(t2), a.api_key);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.data(), json::value(t2));
  auto missing = client().get("/api/v1/re/transactions/nope", tok);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "NOT_FOUND");
  EXPECT_EQ(client().get("/api/v1/re/transactions").status, 401);
}

TEST_F(ReTransactions, EveryForwardMoveStampsItsDay) {
  auto org = register_org(client(), "re-forward");
  const auto& tok = org.access_token;
  const std::string today = today_utc();
  auto t = create(tok, {});
  std::string expected_dates = R"({"prospecting":")" + today + "\"";
  for (const char* next : {"listed", "under_contract", "pending", "closed"}) {
    auto r = patch(tok, t, {{"status", next}});
    ASSERT_EQ(r.status, 200) << next << r.body;
    EXPECT_EQ(r.data().at("status"), next);
    expected_dates += std::string(",\"") + next + "\":\"" + today + "\"";
    EXPECT_EQ(r.data().at("key_dates"), json::parse(expected_dates + "}")) << next;
  }
  // Staying in the same status is fine, even once closed.
  auto same = patch(tok, t, {{"status", "closed"}});
  EXPECT_EQ(same.status, 200) << same.body;

  // Skipping forward steps is allowed; skipped statuses get no date.
  auto skip = create(tok, {});
  ASSERT_EQ(patch(tok, skip, {{"status", "listed"}}).status, 200);
  auto jumped = patch(tok, skip, {{"status", "pending"}});
  ASSERT_EQ(jumped.status, 200) << jumped.body;
  EXPECT_FALSE(jumped.data().at("key_dates").as_object().contains("under_contract"));
  EXPECT_EQ(jumped.data().at("key_dates").at("pending"), json::value(today));
  auto straight = create(tok, {});
  EXPECT_EQ(patch(tok, straight, {{"status", "closed"}}).status, 200);

  // Cancelled is reachable from every open status.
  for (const char* from : {"prospecting", "listed", "under_contract", "pending"}) {
    auto c = create(tok, {});
    if (std::string_view(from) != "prospecting") {
      ASSERT_EQ(patch(tok, c, {{"status", from}}).status, 200);
    }
    auto r = patch(tok, c, {{"status", "cancelled"}});
    EXPECT_EQ(r.status, 200) << from << r.body;
    EXPECT_EQ(r.data().at("key_dates").at("cancelled"), json::value(today));
  }
}

TEST_F(ReTransactions, BackwardMovesAndMovesOutOfFinalStatusesAreRefused) {
  auto org = register_org(client(), "re-refuse");
  const auto& tok = org.access_token;
  auto closed = create(tok, {});
  ASSERT_EQ(patch(tok, closed, {{"status", "closed"}}).status, 200);
  auto cancelled = create(tok, {});
  ASSERT_EQ(patch(tok, cancelled, {{"status", "cancelled"}}).status, 200);
  auto pending = create(tok, {});
  ASSERT_EQ(patch(tok, pending, {{"status", "pending"}}).status, 200);
  auto listed = create(tok, {});
  ASSERT_EQ(patch(tok, listed, {{"status", "listed"}}).status, 200);

  struct Move {
    json::object* t;
    const char* from;
    const char* to;
  };
  for (const Move& m : std::vector<Move>{{&closed, "closed", "listed"},
                                         {&closed, "closed", "cancelled"},
                                         {&closed, "closed", "prospecting"},
                                         {&cancelled, "cancelled", "prospecting"},
                                         {&cancelled, "cancelled", "closed"},
                                         {&pending, "pending", "prospecting"},
                                         {&pending, "pending", "under_contract"},
                                         {&listed, "listed", "prospecting"}}) {
    auto r = patch(tok, *m.t, {{"status", m.to}, {"sale_price", 1}});
    EXPECT_EQ(r.status, 400) << m.from << " -> " << m.to;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    const std::string expected = std::string("cannot move a transaction from ") + m.from + " to " + m.to;
    EXPECT_NE(r.body.find(expected), std::string::npos) << r.body;
    EXPECT_EQ(status_of(tok, *m.t), m.from);
  }
  // Nothing of a refused PATCH is written, not even its other fields or an audit entry.
  EXPECT_TRUE(
      client().get("/api/v1/re/transactions/" + str(closed.at("id")), tok).data().at("sale_price").is_null());
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(
      db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'transaction.updated'",
                {org.id}),
      "4");
  auto bad = patch(tok, listed, {{"status", "sold"}});
  EXPECT_EQ(bad.error_code(), "VALIDATION_ERROR");
  EXPECT_NE(bad.body.find("status must be one of"), std::string::npos);
}

TEST_F(ReTransactions, BackOnTheMarketWhenAContractFallsThrough) {
  auto org = register_org(client(), "re-back");
  const auto& tok = org.access_token;
  for (const char* fell_through : {"under_contract", "pending"}) {
    auto t = create(tok, {{"key_dates", {{"listed", "2026-01-10"}}}});
    ASSERT_EQ(patch(tok, t, {{"status", "listed"}}).status, 200);
    ASSERT_EQ(patch(tok, t, {{"status", fell_through}}).status, 200);
    auto back = patch(tok, t, {{"status", "listed"}});
    ASSERT_EQ(back.status, 200) << fell_through << back.body;
    EXPECT_EQ(back.data().at("status"), "listed");
    EXPECT_EQ(back.data().at("key_dates").at("listed"), "2026-01-10");  // the first listing date stays
    EXPECT_EQ(status_of(tok, t), "listed");
    // And on again: the deal can go under contract a second time.
    EXPECT_EQ(patch(tok, t, {{"status", "under_contract"}}).status, 200);
  }
  PgConn db(hub_->database().conninfo());
  EXPECT_EQ(db.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'transaction.updated' "
                      "AND details->>'to_status' = 'listed' AND details->>'from_status' IN ('under_contract', 'pending')",
                      {org.id}),
            "2");
}

TEST_F(ReTransactions, PatchValidation) {
  auto org = register_org(client(), "re-pvalid");
  auto other = register_org(client(), "re-pvalid-other");
  auto foreign_agent = register_agent(client(), other.access_token, "theirs");
  const auto& tok = org.access_token;
  auto t = create(tok, {{"listing_price", 100000}});
  struct Case {
    json::object body;
    std::string message_part;
  };
  std::vector<Case> cases{
      {{{"commission_rate", 1.5}}, "commission_rate must be between 0 and 1"},
      {{{"commission_rate", 10}}, "commission_rate must be between 0 and 1"},
      {{{"commission_rate", -0.01}}, "commission_rate must be between 0 and 1"},
      {{{"commission_rate", "0.03"}}, "commission_rate must be a number"},
      {{{"sale_price", -5}}, "sale_price must be a non-negative amount"},
      {{{"sale_price", 12345678901.0}}, "sale_price must be a non-negative amount"},
      {{{"commission_amount", 1e11}}, "commission_amount must be a non-negative amount"},
      {{{"listing_price", -1}}, "listing_price must be a non-negative amount"},
      {{{"key_dates", "2026-01-01"}}, "key_dates must be an object"},
      {{{"key_dates", {{"pending", "01/02/2026"}}}}, "key_dates.pending must be a date (YYYY-MM-DD)"},
      {{{"property_address", ""}}, "property_address is required"},
      {{{"status", nullptr}}, "status must be one of"},
      {{{"listing_agent_id", "01NOSUCHAGENT0000000000000"}},
       "listing_agent_id is not an agent of this organisation"},
      {{{"buyers_agent_id", foreign_agent.id}}, "buyers_agent_id is not an agent of this organisation"},
      {{{"listing_agent_id", ""}}, "listing_agent_id must be the id of an agent"},
      {json::object{}, "Provide at least one of"},
      {{{"unknown", 1}}, "Provide at least one of"},
  };
  for (const auto& c : cases) {
    auto r = patch(tok, t, c.body);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << json::serialize(c.body);
    EXPECT_NE(r.body.find(c.message_part), std::string::npos) << r.body;
  }
  auto missing = client().patch("/api/v1/re/transactions/nope", {{"status", "listed"}}, tok);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "NOT_FOUND");
  // Boundaries are accepted.
  auto edge =
      patch(tok, t, {{"commission_rate", 1}, {"sale_price", 9999999999.99}, {"commission_amount", 0}});
  ASSERT_EQ(edge.status, 200) << edge.body;
  EXPECT_EQ(edge.data().at("commission_rate"), "1.0000");
  EXPECT_EQ(edge.data().at("sale_price"), "9999999999.99");
  EXPECT_EQ(edge.data().at("commission_amount"), "0.00");
}

TEST_F(ReTransactions, KeyDatesAreMergedAndStampsKeepKnownDates) {
  auto org = register_org(client(), "re-dates");
  const auto& tok = org.access_token;
  const std::string today = today_utc();
  auto t = create(tok, {{"key_dates", {{"listed", "2026-01-10"}, {"inspection", "2026-01-20"}}}});
  auto merged = patch(tok, t, {{"key_dates", {{"appraisal", "2026-01-25"}, {"inspection", nullptr}}}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(
      merged.data().at("key_dates"),
      json::parse(R"({"listed":"2026-01-10","appraisal":"2026-01-25","prospecting":")" + today + "\"}"));
  // Moving to listed keeps the listing date already known.
  auto listed = patch(tok, t, {{"status", "listed"}});
  EXPECT_EQ(listed.data().at("key_dates").at("listed"), "2026-01-10");
  // A date given with the move wins over today.
  auto uc = patch(tok, t, {{"status", "under_contract"}, {"key_dates", {{"under_contract", "2026-02-01"}}}});
  EXPECT_EQ(uc.data().at("key_dates").at("under_contract"), "2026-02-01");
  auto pending = patch(tok, t, {{"status", "pending"}});
  EXPECT_EQ(pending.data().at("key_dates").at("pending"), json::value(today));
  EXPECT_EQ(pending.data().at("key_dates").as_object().size(), 5u);
  // A date may be corrected later, even once closed.
  ASSERT_EQ(patch(tok, t, {{"status", "closed"}}).status, 200);
  auto fixed = patch(tok, t, {{"key_dates", {{"closed", "2026-02-20"}}}});
  EXPECT_EQ(fixed.data().at("key_dates").at("closed"), "2026-02-20");
  EXPECT_EQ(fixed.data().at("status"), "closed");
}

TEST_F(ReTransactions, CommissionIsDerivedWhenClosingWithoutAnAmount) {
  auto org = register_org(client(), "re-commission");
  auto agent = register_agent(client(), org.access_token, "a");
  const auto& tok = org.access_token;
  auto t = create(tok, {{"listing_agent_id", agent.id}, {"mls_number", "M-1"}, {"client_name", "C"}});
  auto priced = patch(tok, t, {{"sale_price", 500000}, {"commission_rate", 0.03}});
  EXPECT_TRUE(priced.data().at("commission_amount").is_null());  // not closed yet
  auto closed = patch(tok, t, {{"status", "closed"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.data().at("commission_amount"), "15000.00");
  EXPECT_EQ(closed.data().at("commission_rate"), "0.0300");
  EXPECT_EQ(closed.data().at("sale_price"), "500000.00");

  auto explicit_amount = create(tok, {});
  auto r = patch(tok, explicit_amount,
                 {{"status", "closed"},
                  {"sale_price", 400000},
                  {"commission_rate", 0.025},
                  {"commission_amount", 9000}});
  EXPECT_EQ(r.data().at("commission_amount"), "9000.00");
  auto rounded = create(tok, {});
  EXPECT_EQ(
      patch(tok, rounded, {{"status", "closed"}, {"sale_price", 333333.33}, {"commission_rate", 0.0275}})
          .data()
          .at("commission_amount"),
      "9166.67");

  // Nullable fields clear with null.
  auto cleared =
      patch(tok, t, {{"mls_number", nullptr}, {"client_name", nullptr}, {"listing_agent_id", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.data().at("mls_number").is_null());
  EXPECT_TRUE(cleared.data().at("client_name").is_null());
  EXPECT_TRUE(cleared.data().at("listing_agent_id").is_null());
  auto reassigned = patch(tok, t, {{"listing_agent_id", agent.id}, {"property_address", "2 New St"}});
  EXPECT_EQ(reassigned.data().at("listing_agent_id"), json::value(agent.id));
  EXPECT_EQ(reassigned.data().at("property_address"), "2 New St");
}

TEST_F(ReTransactions, ChangesAreAuditedAndAnnounced) {
  auto org = register_org(client(), "re-audit");
  auto agent = register_agent(client(), org.access_token, "watcher");
  WsClient ws(hub_->port(), "/ws?token=" + agent.api_key);
  ws.send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(ws.receive_event("heartbeat_ack"));

  // Events of one change may arrive in either order: collect them by name (activity:new by
  // name and action, since the agent's own registration is announced too).
  auto collect = [&ws](std::vector<std::string> names) {
    std::map<std::string, json::value> got;
    while (got.size() < names.size()) {
      auto msg = ws.receive();
      if (!msg) break;
      std::string event(msg->at("event").as_string());
      if (event == "activity:new") {
        event.push_back(' ');
        event.append(msg->at("data").at("action").as_string().c_str());
      }
      if (std::find(names.begin(), names.end(), event) != names.end()) got[event] = *msg;
    }
    return got;
  };
  auto t = create(org.access_token, {{"property_address", "5 Event Way"}});
  auto first = collect({"transaction:new", "activity:new transaction.created"});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first["transaction:new"].at("data").at("id"), t.at("id"));
  EXPECT_EQ(first["transaction:new"].at("data").at("property_address"), "5 Event Way");
  EXPECT_EQ(first["activity:new transaction.created"].at("data").at("resource_id"), t.at("id"));

  auto r = patch(agent.api_key, t, {{"status", "listed"}, {"listing_price", 300000}});
  ASSERT_EQ(r.status, 200);
  auto second = collect({"transaction:updated", "activity:new transaction.updated"});
  ASSERT_EQ(second.size(), 2u);
  const json::value* updated = &second["transaction:updated"];
  const json::value* activity = &second["activity:new transaction.updated"];
  EXPECT_EQ(updated->at("data").at("status"), "listed");
  EXPECT_EQ(updated->at("data").at("listing_price"), "300000.00");
  EXPECT_EQ(activity->at("data").at("action"), "transaction.updated");
  EXPECT_EQ(activity->at("data").at("resource_id"), t.at("id"));

  PgConn db(hub_->database().conninfo());
  auto rows = db.query(
      "SELECT actor_id, actor_type, resource_type, resource_id, details::text FROM activity_log "
      "WHERE org_id = $1 AND action = 'transaction.updated'",
      {org.id});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0][0], agent.id);
  EXPECT_EQ(*rows[0][1], "agent");
  EXPECT_EQ(*rows[0][2], "transaction");
  EXPECT_EQ(*rows[0][3], str(t.at("id")));
  EXPECT_EQ(json::parse(*rows[0][4]),
            json::parse(
                R"({"fields":["status","listing_price"],"from_status":"prospecting","to_status":"listed"})"));
  // A change without a move records no from/to.
  patch(agent.api_key, t, {{"client_name", "X"}});
  EXPECT_EQ(
      db.scalar("SELECT details::text FROM activity_log WHERE org_id = $1 AND action = 'transaction.updated' "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                {org.id}),
      R"({"fields": ["client_name"]})");
}

TEST_F(ReTransactions, ConcurrentMovesCannotBothPass) {
  // Two clients race to move the same pending deal: one to closed, one to cancelled. Exactly one wins.
  auto org = register_org(client(), "re-race");
  const auto& tok = org.access_token;
  for (int round = 0; round < 5; ++round) {
    auto t = create(tok, {});
    ASSERT_EQ(patch(tok, t, {{"status", "pending"}}).status, 200);
    HttpResult a, b;
    std::thread ta([&] { a = patch(tok, t, {{"status", "closed"}}); });
    std::thread tb([&] { b = patch(tok, t, {{"status", "cancelled"}}); });
    ta.join();
    tb.join();
    EXPECT_EQ((a.status == 200) + (b.status == 200), 1) << a.body << b.body;
    EXPECT_EQ((a.status == 400) + (b.status == 400), 1);
  }
}

TEST_F(ReTransactions, TenantIsolationOnEveryRoute) {
  auto a = register_org(client(), "re-iso-a");
  auto b = register_org(client(), "re-iso-b");
  auto agent_a = register_agent(client(), a.access_token, "a-agent");
  auto agent_b = register_agent(client(), b.access_token, "b-agent");
  auto t = create(a.access_token, {{"listing_agent_id", agent_a.id}});
  const std::string path = "/api/v1/re/transactions/" + str(t.at("id"));
  for (const auto& tok : {b.access_token, agent_b.api_key}) {
    EXPECT_EQ(client().get(path, tok).status, 404);
    auto p = client().patch(path, {{"status", "listed"}}, tok);
    EXPECT_EQ(p.status, 404);
    EXPECT_EQ(p.error_code(), "NOT_FOUND");
    auto list = client().get("/api/v1/re/transactions?listing_agent_id=" + agent_a.id, tok);
    EXPECT_TRUE(list.data().as_array().empty());
    EXPECT_EQ(list.json.at("pagination").at("total"), 0);
    EXPECT_TRUE(client().get("/api/v1/re/transactions", tok).data().as_array().empty());
    // B cannot attach A's agents to its own deals.
    auto attach =
        client().post("/api/v1/re/transactions",
                      {{"property_address", "x"}, {"type", "buy"}, {"buyers_agent_id", agent_a.id}}, tok);
    EXPECT_EQ(attach.status, 400);
  }
  EXPECT_EQ(status_of(a.access_token, t), "prospecting");
}

}  // namespace
}  // namespace agenthq::test
