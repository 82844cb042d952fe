#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// GET /search: full-text search across posts, insights and agents (contract 3.9, 4.1, 4.2).
void add_search_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
