#pragma once
#include <string>

#include "http/router.hpp"
#include "hub/system/health.hpp"

namespace agenthq::hub {

// GET /metrics in the Prometheus text format. With a token set (METRICS_TOKEN) a scrape must send
// `Authorization: Bearer <token>`; without one the endpoint is open. Not rate limited (see pipeline).
void add_metrics_route(http::Router& router, const HealthProbe& probe, std::string token, bool embedded_cluster);

}  // namespace agenthq::hub
