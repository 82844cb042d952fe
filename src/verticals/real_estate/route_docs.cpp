// OpenAPI documentation of the real-estate routes: transactions, metrics, profiles, and the
// integrations (see README.md beside this file for their rules).
#include "verticals/real_estate/route_docs.hpp"

namespace agenthq::verticals::real_estate {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

namespace {

void schemas(http::ApiDocs& docs) {
  docs.schema("Transaction", R"({"type":"object","required":["id","org_id","property_address","status","type"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"property_address":{"type":"string"},
    "mls_number":{"type":["string","null"]},"status":{"type":"string"},"type":{"type":"string"},
    "listing_price":{"type":["number","string","null"]},"sale_price":{"type":["number","string","null"]},
    "commission_rate":{"type":["number","string","null"]},"commission_amount":{"type":["number","string","null"]},
    "listing_agent_id":{"type":["string","null"]},"buyers_agent_id":{"type":["string","null"]},
    "client_name":{"type":["string","null"]},"key_dates":{"type":"object"},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Metric", R"({"type":"object","properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"agent_id":{"type":["string","null"]},
    "period":{"type":"string","enum":["daily","weekly","monthly"]},"period_start":{"type":"string"},
    "metrics":{"type":"object"},"created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("AgentProfile", R"({"type":"object","description":"An agent real-estate profile: license, specialties, goals"})");
  docs.schema("Integration", R"({"type":"object","required":["id","org_id","type","status"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"type":{"type":"string","enum":["fub","dotloop","quickbooks"]},
    "status":{"type":"string","enum":["connected","disconnected","error"]},"settings":{"type":"object"},
    "last_error":{"type":["string","null"]},"last_synced_at":{"type":["string","null"]},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("SyncLog", R"({"type":"object","properties":{
    "id":{"type":"string"},"integration_id":{"type":"string"},"org_id":{"type":"string"},"operation":{"type":"string"},
    "status":{"type":"string","enum":["started","completed","failed"]},"records_synced":{"type":"integer"},
    "error":{"type":["string","null"]},"metadata":{"type":"object"},"started_at":{"type":"string"},
    "completed_at":{"type":["string","null"]}}})");
}

void transactions_metrics_profiles(http::ApiDocs& docs) {
  const std::string body = R"({"type":"object","properties":{
    "property_address":{"type":"string"},"mls_number":{"type":"string"},"status":{"type":"string"},
    "type":{"type":"string"},"listing_price":{"type":"number"},"sale_price":{"type":"number"},
    "commission_rate":{"type":"number"},"listing_agent_id":{"type":"string"},"buyers_agent_id":{"type":"string"},
    "client_name":{"type":"string"},"key_dates":{"type":"object"}}})";
  docs.add(verb::post, "/api/v1/re/transactions",
           {.tag = "real-estate", .summary = "Create a transaction", .body = body, .data = ref("Transaction"), .status = 201});
  docs.add(verb::get, "/api/v1/re/transactions",
           {.tag = "real-estate",
            .summary = "Transactions, newest first",
            .query = http::paging({{"status", R"({"type":"string"})"}, {"agent_id", R"({"type":"string"})"}}),
            .data = array_of("Transaction"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/re/transactions/:id",
           {.tag = "real-estate", .summary = "One transaction", .data = ref("Transaction")});
  docs.add(verb::patch, "/api/v1/re/transactions/:id",
           {.tag = "real-estate", .summary = "Change a transaction (pipeline rules apply)", .body = body,
            .data = ref("Transaction")});
  docs.add(verb::get, "/api/v1/re/metrics",
           {.tag = "real-estate",
            .summary = "Computed metrics per agent and period",
            .query = {{"agent_id", R"({"type":"string"})"},
                      {"period", R"({"type":"string","enum":["daily","weekly","monthly"]})"}},
            .data = array_of("Metric")});
  docs.add(verb::get, "/api/v1/re/metrics/leaderboard",
           {.tag = "real-estate",
            .summary = "Agents ranked by a metric",
            .query = {{"period", R"({"type":"string","enum":["daily","weekly","monthly"]})"},
                      {"metric", R"({"type":"string"})"}},
            .data = R"({"type":"array","items":{"type":"object"}})"});
  docs.add(verb::get, "/api/v1/re/profiles",
           {.tag = "real-estate", .summary = "Agent profiles of the organisation", .data = array_of("AgentProfile")});
  docs.add(verb::get, "/api/v1/re/agents/:id/profile",
           {.tag = "real-estate", .summary = "An agent's profile", .data = ref("AgentProfile")});
  docs.add(verb::put, "/api/v1/re/agents/:id/profile",
           {.tag = "real-estate", .summary = "Create or replace an agent's profile", .body = R"({"type":"object"})",
            .data = ref("AgentProfile")});
}

void integrations(http::ApiDocs& docs) {
  const std::string upstream = R"({"description":"The provider's reply, passed through"})";
  docs.add(verb::post, "/api/v1/integrations/connect",
           {.tag = "integrations",
            .summary = "Connect a provider (credentials are stored encrypted, never returned)",
            .body = R"({"type":"object","required":["type"],"properties":{
              "type":{"type":"string","enum":["fub","dotloop","quickbooks"]},"credentials":{"type":"object"},
              "settings":{"type":"object"}}})",
            .data = ref("Integration"),
            .status = 201});
  docs.add(verb::get, "/api/v1/integrations",
           {.tag = "integrations", .summary = "The organisation's integrations", .data = array_of("Integration")});
  docs.add(verb::get, "/api/v1/integrations/:id",
           {.tag = "integrations", .summary = "One integration", .data = ref("Integration")});
  docs.add(verb::post, "/api/v1/integrations/:id/disconnect",
           {.tag = "integrations", .summary = "Disconnect (credentials are dropped)", .data = ref("Integration")});
  docs.add(verb::delete_, "/api/v1/integrations/:id",
           {.tag = "integrations", .summary = "Delete an integration and its sync log",
            .data = R"({"type":"object","properties":{"deleted":{"const":true}}})"});
  docs.add(verb::get, "/api/v1/integrations/:id/sync-logs",
           {.tag = "integrations", .summary = "Sync runs, newest first", .query = http::paging(),
            .data = array_of("SyncLog"), .paginated = true});
  for (const char* provider : {"fub", "dotloop", "quickbooks"}) {
    const std::string base = std::string("/api/v1/integrations/") + provider;
    docs.add(verb::get, base + "/test",
             {.tag = "integrations",
              .summary = "Check the stored credentials against the provider",
              .reply = R"({"type":"object","required":["success","message"],"properties":{
                "success":{"type":"boolean"},"message":{"type":"string"}}})"});
    docs.add(verb::post, base + "/sync",
             {.tag = "integrations",
              .summary = "Import from the provider now; replies with the sync-log rows written",
              .data = array_of("SyncLog")});
  }
  for (const char* c : {"people", "deals", "events", "users"})
    docs.add(verb::get, std::string("/api/v1/integrations/fub/") + c,
             {.tag = "integrations", .summary = std::string("Follow Up Boss ") + c + " (passed through)",
              .query = {{"limit", R"({"type":"integer"})"}, {"offset", R"({"type":"integer"})"}}, .data = upstream});
  for (const char* c : {"people", "deals"})
    docs.add(verb::get, std::string("/api/v1/integrations/fub/") + c + "/:id",
             {.tag = "integrations", .summary = std::string("One Follow Up Boss ") + c + " record", .data = upstream});
  docs.add(verb::post, "/api/v1/integrations/fub/events",
           {.tag = "integrations", .summary = "Send an event to Follow Up Boss", .body = R"({"type":"object"})",
            .data = upstream, .status = 201});
  const std::string dotloop = "/api/v1/integrations/dotloop/profiles";
  docs.add(verb::get, dotloop, {.tag = "integrations", .summary = "Dotloop profiles", .data = upstream});
  docs.add(verb::get, dotloop + "/:pid/loops",
           {.tag = "integrations",
            .summary = "Loops of a Dotloop profile",
            .query = {{"batchNumber", R"({"type":"integer"})"}, {"batchSize", R"({"type":"integer"})"}},
            .data = upstream});
  for (const char* part : {"", "/detail", "/participants"})
    docs.add(verb::get, dotloop + "/:pid/loops/:lid" + part,
             {.tag = "integrations", .summary = std::string("A Dotloop loop") + (*part ? std::string(" ") + (part + 1) : ""),
              .data = upstream});
  for (const char* e : {"accounts", "invoices", "payments", "bills"})
    docs.add(verb::get, std::string("/api/v1/integrations/quickbooks/") + e,
             {.tag = "integrations",
              .summary = std::string("QuickBooks ") + e,
              .query = {{"query", R"({"type":"string"})", "Any value fetches every page"}},
              .data = upstream});
  for (const char* e : {"accounts", "invoices", "payments", "bills"})
    docs.add(verb::get, std::string("/api/v1/integrations/quickbooks/") + e + "/:id",
             {.tag = "integrations", .summary = std::string("One QuickBooks ") + e + " record", .data = upstream});
}

}  // namespace

void document_routes(http::ApiDocs& docs) {
  schemas(docs);
  transactions_metrics_profiles(docs);
  integrations(docs);
}

}  // namespace agenthq::verticals::real_estate
