// /metrics as a Prometheus server sees it: a live hub is scraped and the scrape is parsed with
// the official Python client's text-format parser (python3-prometheus-client).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/process.hpp"
#include "support/ws_client.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

const std::string kToken = "scrape-token-0123";

class Metrics : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    hub_ = new HubProcess(std::map<std::string, std::string>{{"METRICS_TOKEN", kToken}, {"RATE_LIMIT_MAX", "40"}});
  }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  // Scrapes and parses; fails the test when the parser rejects the scrape.
  json::array scrape() const {
    auto r = client().get("/metrics", kToken);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    auto parsed = run_process({"/usr/bin/python3", script_path("parse_metrics.py")}, {}, r.body);
    EXPECT_EQ(parsed.exit_code, 0) << parsed.err << "\n" << r.body;
    return json::parse(parsed.out).as_array();
  }
  static const json::object* family(const json::array& families, const std::string& name) {
    for (const auto& f : families)
      if (f.at("name") == json::value(name)) return &f.as_object();
    return nullptr;
  }
  // The value of the sample with exactly this name and these labels (among others), or -1.
  static double sample(const json::array& families, const std::string& family_name, const std::string& sample_name,
                       const json::object& labels = {}) {
    const auto* f = family(families, family_name);
    if (!f) return -1;
    for (const auto& s : f->at("samples").as_array()) {
      if (s.at("name") != json::value(sample_name)) continue;
      bool all = true;
      for (const auto& [k, v] : labels) {
        const auto* have = s.at("labels").as_object().if_contains(k);
        all = all && have && *have == v;
      }
      if (all) return s.at("value").to_number<double>();
    }
    return -1;
  }
  static HubProcess* hub_;
};
HubProcess* Metrics::hub_ = nullptr;

TEST_F(Metrics, TokenIsRequiredWhenConfigured) {
  EXPECT_EQ(client().get("/metrics").status, 401);
  EXPECT_EQ(client().get("/metrics", "wrong").status, 401);
  EXPECT_EQ(client().get("/metrics", kToken).status, 200);
}

TEST_F(Metrics, ScrapeParsesAndCountsRequestsByRouteTemplate) {
  auto org = register_org(client(), "metrics");
  auto agent = register_agent(client(), org.access_token, "metered");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client().get("/api/v1/agents/" + agent.id, agent.api_key).status, 200);
  EXPECT_EQ(client().get("/api/v1/agents/no-such-agent", agent.api_key).status, 404);
  EXPECT_EQ(client().get("/api/v1/not/a/route").status, 404);
  for (const char* verb : {"BREW", "FROBNICATE"})  // any token is a method to HTTP
    EXPECT_EQ(client().raw(std::string(verb) + " /api/v1/org HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status,
              404);

  WsClient ws(hub_->port(), "/ws?token=" + agent.api_key);
  ws.send(json::object{{"event", "heartbeat"}});
  ASSERT_TRUE(ws.receive_event("heartbeat_ack"));

  const auto families = scrape();
  const json::object ok{{"method", "GET"}, {"route", "/api/v1/agents/:id"}, {"status", "200"}};
  EXPECT_EQ(sample(families, "agenthq_http_requests", "agenthq_http_requests_total", ok), 3);
  EXPECT_EQ(sample(families, "agenthq_http_requests", "agenthq_http_requests_total",
                   {{"route", "/api/v1/agents/:id"}, {"status", "404"}}),
            1);
  EXPECT_GE(sample(families, "agenthq_http_requests", "agenthq_http_requests_total",
                   {{"route", "unmatched"}, {"status", "404"}}),
            1);
  // Unknown methods share one label; raw paths never become label values.
  EXPECT_EQ(sample(families, "agenthq_http_requests", "agenthq_http_requests_total", {{"method", "OTHER"}}), 2);
  EXPECT_EQ(sample(families, "agenthq_http_requests", "agenthq_http_requests_total", {{"method", "BREW"}}), -1);
  EXPECT_EQ(sample(families, "agenthq_http_requests", "agenthq_http_requests_total",
                   {{"route", "/api/v1/agents/" + agent.id}}),
            -1);

  const auto* hist = family(families, "agenthq_http_request_duration_seconds");
  ASSERT_TRUE(hist);
  EXPECT_EQ(hist->at("type"), "histogram");
  json::object inf = ok;
  inf["le"] = "+Inf";
  EXPECT_EQ(sample(families, "agenthq_http_request_duration_seconds", "agenthq_http_request_duration_seconds_bucket",
                   inf),
            3);
  EXPECT_EQ(sample(families, "agenthq_http_request_duration_seconds", "agenthq_http_request_duration_seconds_count", ok),
            3);
  EXPECT_GT(sample(families, "agenthq_http_request_duration_seconds", "agenthq_http_request_duration_seconds_sum", ok),
            0);

  EXPECT_EQ(sample(families, "agenthq_websocket_connections", "agenthq_websocket_connections"), 1);
  EXPECT_GE(sample(families, "agenthq_websocket_events_delivered", "agenthq_websocket_events_delivered_total"), 1);
  EXPECT_EQ(sample(families, "agenthq_websocket_events_dropped", "agenthq_websocket_events_dropped_total"), 0);
  // Every request above borrowed a pooled connection and gave it back.
  EXPECT_GE(sample(families, "agenthq_db_pool_connections_idle", "agenthq_db_pool_connections_idle"), 1);
  EXPECT_GE(sample(families, "agenthq_db_pool_connections_in_use", "agenthq_db_pool_connections_in_use"), 0);
  EXPECT_GE(sample(families, "agenthq_db_pool_wait_seconds", "agenthq_db_pool_wait_seconds_count"), 5);
  EXPECT_EQ(sample(families, "agenthq_bcrypt_queue_depth", "agenthq_bcrypt_queue_depth"), 0);
  EXPECT_EQ(sample(families, "agenthq_listen_reconnects", "agenthq_listen_reconnects_total"), 0);
  EXPECT_EQ(sample(families, "agenthq_database_up", "agenthq_database_up"), 1);
  // The test hub uses DATABASE_URL, not an embedded cluster.
  EXPECT_EQ(sample(families, "agenthq_embedded_cluster_up", "agenthq_embedded_cluster_up"), 0);
}

TEST_F(Metrics, ScrapesAreNotRateLimited) {
  // RATE_LIMIT_MAX is 40 for this hub: 60 scrapes in a row all succeed...
  for (int i = 0; i < 60; ++i) ASSERT_EQ(client().get("/metrics", kToken).status, 200) << i;
  // ...and leave the API budget of this address untouched.
  auto r = client().get("/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.header("ratelimit-remaining"), "0");
}

}  // namespace
}  // namespace agenthq::test
