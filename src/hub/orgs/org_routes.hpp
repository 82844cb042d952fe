#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// GET /org (and /org/current, which the web app calls), PATCH /org (owners and admins).
void add_org_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
