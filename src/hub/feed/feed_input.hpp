#pragma once
#include "http/pagination.hpp"
#include "http/request_context.hpp"
#include "hub/feed/feed_store.hpp"

namespace agenthq::hub {

// What a feed request says, read and validated once for the REST route and the MCP tool (see
// posts/post_input.hpp): since (default: 24 hours ago), until, actor_id, types (posts, activity,
// insights; default all three), paged. The query's org and caller are left to FeedService.
FeedQuery read_feed(const http::Query& query, const http::PageRequest& page);

}  // namespace agenthq::hub
