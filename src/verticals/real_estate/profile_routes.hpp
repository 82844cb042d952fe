#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

// GET/PUT /re/agents/:id/profile and GET /re/profiles (issue 5: agent real-estate profiles).
void add_profile_routes(http::Router& router, hub::Services& services);

}  // namespace agenthq::verticals::real_estate
