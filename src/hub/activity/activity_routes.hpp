#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST /activity, GET /activity, GET /activity/recent. No route edits or deletes an entry.
void add_activity_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
