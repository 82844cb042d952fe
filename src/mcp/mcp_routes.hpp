#pragma once
#include <string>

#include "http/router.hpp"
#include "hub/services.hpp"
#include "mcp/session_store.hpp"
#include "realtime/session_registry.hpp"

namespace agenthq::mcp {

// /mcp, the MCP Streamable HTTP transport, authenticated like the REST API (Bearer JWT or API
// key): POST carries one JSON-RPC message (replies come as a one-event SSE stream, or JSON for
// clients that accept only JSON); DELETE ends a session; GET is 405 because the server never
// starts messages of its own. A request with an Origin header other than CORS_ORIGIN is refused
// (DNS rebinding). Tools call this thread's hub services as the request's identity, and wait on
// this thread's share of the realtime events.
void add_mcp_routes(http::Router& router, hub::Services& services, realtime::SessionRegistry& events,
                    SessionStore& sessions, std::string allowed_origin);

}  // namespace agenthq::mcp
