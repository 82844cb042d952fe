#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST/GET /channels, GET /channels/:id, GET /channels/:id/stats, POST /channels/:id/join and
// /leave. GET /channels/:id/posts is registered with the post routes (same query as GET /posts).
void add_channel_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
