#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// GET /feed: posts, activity and insights merged newest first (contract 3.9, 4.3).
void add_feed_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
