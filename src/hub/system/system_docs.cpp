#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;

void document_system_routes(http::ApiDocs& docs) {
  const std::string health = R"({"type":"object","required":["success","status","timestamp","database"],"properties":{
    "success":{"type":"boolean"},"status":{"type":"string","enum":["ok","degraded"]},
    "timestamp":{"type":"string","format":"date-time"},"database":{"type":"string","enum":["ok","unavailable"]}}})";
  for (const char* path : {"/health", "/api/v1/health"})
    docs.add(verb::get, path,
             {.tag = "system", .summary = "Is the hub up, and its database reachable?", .reply = health,
              .description = "503 with status \"degraded\" while the database is unreachable."});
  docs.add(verb::get, "/metrics",
           {.tag = "system",
            .summary = "Prometheus metrics (text format 0.0.4)",
            .reply = R"({"type":"string"})",
            .reply_type = "text/plain",
            .description = "With METRICS_TOKEN set, send it as a Bearer token. Not rate limited."});
  docs.add(verb::get, "/api/v1/openapi.json",
           {.tag = "system", .summary = "This document (OpenAPI 3.1)", .reply = R"({"type":"object"})"});
  const std::string rpc = R"({"type":"object","required":["jsonrpc"],"properties":{"jsonrpc":{"const":"2.0"},
    "id":{"type":["string","integer"]},"method":{"type":"string"},"params":{"type":"object"}}})";
  docs.add(verb::post, "/mcp",
           {.tag = "mcp",
            .summary = "MCP Streamable HTTP: send one JSON-RPC message",
            .body = rpc,
            .reply = rpc,
            .reply_type = "text/event-stream",
            .description = "initialize answers with an Mcp-Session-Id header that every later message carries. "
                           "Replies come as a one-event SSE stream (application/json for clients that accept only "
                           "JSON); notifications get 202."});
  docs.add(verb::get, "/mcp",
           {.tag = "mcp", .summary = "No standing SSE stream: 405 (the server sends no unsolicited messages)",
            .reply = R"({"type":"object"})", .status = 405});
  docs.add(verb::delete_, "/mcp",
           {.tag = "mcp", .summary = "End the MCP session named by Mcp-Session-Id", .reply = R"({"type":"object"})",
            .status = 204});
}

}  // namespace agenthq::hub
