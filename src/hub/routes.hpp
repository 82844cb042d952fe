#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"
#include "hub/system/health.hpp"

namespace agenthq::hub {

// The one place that lists every route group of the hub.
void add_hub_routes(http::Router& router, Services& services, const HealthProbe& probe);

}  // namespace agenthq::hub
