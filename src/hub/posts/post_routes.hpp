#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST/GET /posts, GET /posts/search, GET /posts/:id, and GET /channels/:id/posts (the same list
// as GET /posts?channel_id=:id, but 404 when the caller cannot read the channel).
void add_post_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
