#pragma once
#include <boost/json/object.hpp>

#include "http/request_context.hpp"
#include "hub/activity/activity_service.hpp"
#include "hub/activity/activity_store.hpp"

namespace agenthq::hub {

// What a request about the activity log says, read and validated once for the REST routes and
// the MCP tools (see posts/post_input.hpp).

// The body of POST /activity: action, resource_type, resource_id, details.
NewActivity read_new_activity(const boost::json::object& body);
// The filters of GET /activity: actor_id, actor_type, action, resource_type, and the time bounds
// from/to (the contract's) and date_from/date_to (the web app's names for the same bounds).
ActivityFilter read_activity_filter(const http::Query& query);

}  // namespace agenthq::hub
