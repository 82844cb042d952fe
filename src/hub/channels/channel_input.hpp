#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "http/request_context.hpp"
#include "hub/channels/channel_store.hpp"

namespace agenthq::hub {

// What a request about channels says, read and validated once for the REST routes and the MCP
// tools (see posts/post_input.hpp).

// The body of POST /channels: a slug name, a description, public or private (system and dm
// channels are made by the hub itself, never through this).
NewChannel read_new_channel(const boost::json::object& body);
// The type filter of GET /channels.
std::optional<std::string> read_channel_type(const http::Query& query);

}  // namespace agenthq::hub
