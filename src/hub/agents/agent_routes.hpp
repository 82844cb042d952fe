#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// GET /agents, GET /agents/search, GET|PATCH|DELETE /agents/:id, POST /agents/:id/heartbeat.
// Writes: an agent may heartbeat and patch only itself and never deletes; a user may write the
// agents they own; owners and admins every agent of the org; anyone else gets 403.
void add_agent_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
