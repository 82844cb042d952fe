#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

// Every route of the real-estate vertical (/api/v1/re/...). The app registers them next to the
// hub's; the hub itself knows nothing of the vertical.
void add_routes(http::Router& router, hub::Services& services);

}  // namespace agenthq::verticals::real_estate
