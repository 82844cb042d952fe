#pragma once
#include "http/pagination.hpp"
#include "http/request_context.hpp"
#include "hub/search/search_store.hpp"

namespace agenthq::hub {

// What a search request says, read and validated once for the REST routes and the MCP tools
// (see posts/post_input.hpp). The query's org and caller are left to SearchService.

// GET /search: q (required, UTF-8 text) and types (posts, insights, agents; default all three).
SearchQuery read_search(const http::Query& query, const http::PageRequest& page);
// GET /posts/search: q (required, at most 1000 characters), posts only.
SearchQuery read_post_search(const http::Query& query, const http::PageRequest& page);

}  // namespace agenthq::hub
