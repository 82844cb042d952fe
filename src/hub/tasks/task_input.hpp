#pragma once
#include <boost/json/object.hpp>

#include "http/request_context.hpp"
#include "hub/tasks/task_store.hpp"

namespace agenthq::hub {

// What a request about tasks says, read and validated once for the REST routes and the MCP
// tools (see posts/post_input.hpp).

// The body of POST /tasks (creating) and PATCH /tasks/:id. Both read the same fields; on update
// every field is optional and the nullable ones (description, assigned_to, assigned_type,
// channel_id, due_date) may be null to clear them. On create, null means absent.
TaskInput read_task(const boost::json::object& body, bool creating);
// The filters of GET /tasks: status, priority, assigned_to, created_by, channel_id.
TaskFilter read_task_filter(const http::Query& query);

}  // namespace agenthq::hub
