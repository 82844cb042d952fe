#pragma once
#include <boost/json/object.hpp>

#include "http/request_context.hpp"
#include "hub/insights/insight_store.hpp"

namespace agenthq::hub {

// What a request about insights says, read and validated once for the REST routes and the MCP
// tools (see posts/post_input.hpp).

// The body of POST /insights/generate.
NewInsight read_new_insight(const boost::json::object& body);
// The filters of GET /insights (type, since, reviewed, min_confidence), validated so a bad value
// is a 400, never a database error.
InsightFilter read_insight_filter(const http::Query& query);
// The `reviewed` flag of PATCH /insights/:id (required).
bool read_insight_review(const boost::json::object& body);

}  // namespace agenthq::hub
