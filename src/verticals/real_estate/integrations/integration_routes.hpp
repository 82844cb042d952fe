// The integrations API (contract 3.15, plus POST /integrations/{type}/sync). The one entry point
// the app layer calls; the hub itself knows nothing of this vertical.
#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

void add_integration_routes(http::Router& router, hub::Services& services);

}  // namespace agenthq::verticals::real_estate
