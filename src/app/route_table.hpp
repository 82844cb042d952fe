#pragma once
#include <string>

#include "app/config.hpp"
#include "http/api_docs.hpp"
#include "http/router.hpp"
#include "hub/services.hpp"
#include "hub/system/health.hpp"
#include "mcp/session_store.hpp"
#include "realtime/session_registry.hpp"

namespace agenthq::app {

// What the routes of one event-loop thread are built from.
struct RouteDeps {
  const Config& config;
  hub::Services& services;
  const hub::HealthProbe& probe;
  realtime::SessionRegistry& events;  // this thread's WebSocket sessions and MCP waits
  mcp::SessionStore& mcp_sessions;    // process-wide
  bool embedded_cluster = false;
};

// Every route the hub serves, in one table: the hub's, the real-estate vertical's, /metrics,
// /mcp and /api/v1/openapi.json (made from this table and api_docs()).
void add_all_routes(http::Router& router, const RouteDeps& deps);

// The documentation of every route above (the suite checks that none is missing).
const http::ApiDocs& api_docs();

}  // namespace agenthq::app
