#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

// GET /re/metrics and GET /re/metrics/leaderboard (contract 3.14), read from re_metrics.
void add_metric_routes(http::Router& router, hub::Services& services);

}  // namespace agenthq::verticals::real_estate
