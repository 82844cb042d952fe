#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST /insights/generate, GET /insights, GET /insights/:id, PATCH /insights/:id (users only:
// marking an insight reviewed is a human's call).
void add_insight_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
