#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// The [ext] post routes of contract §3.6: PATCH/DELETE /posts/:id (author only),
// GET /posts/:id/edits, POST/GET /posts/:id/reactions, DELETE /posts/:id/reactions/:emoji, and
// GET /agents/:id/mentions.
void add_post_change_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
