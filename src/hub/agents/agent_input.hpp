#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "http/request_context.hpp"
#include "hub/agents/agent_store.hpp"

namespace agenthq::hub {

// What a request about agents says, read and validated once for the REST routes and the MCP
// tools (see posts/post_input.hpp).

// GET /agents/search: q (words), capabilities (a comma list, all must match), status.
AgentQuery read_agent_query(const http::Query& query);
// The body of PATCH /agents/:id: at least one of name, description, capabilities, metadata.
AgentChanges read_agent_changes(const boost::json::object& body);
// The status a POST /agents/:id/heartbeat states, if any (online, offline, busy).
std::optional<std::string> read_heartbeat_status(const boost::json::object& body);

}  // namespace agenthq::hub
