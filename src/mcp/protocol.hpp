#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "mcp/hub_host.hpp"

namespace agenthq::mcp {

// JSON-RPC 2.0 error codes MCP uses.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;

// The MCP protocol versions this server speaks, newest first.
std::optional<std::string> supported_version(std::string_view requested);
std::string negotiate_version(const boost::json::object& initialize_params);

boost::json::object rpc_error(const boost::json::value& id, int code, std::string_view message);

// Answers one JSON-RPC request (a message with an id): initialize, ping, tools/list, tools/call,
// resources/list, resources/templates/list, resources/read. Tool failures are results with
// isError (the model sees them, as CODE: message); protocol misuse is a JSON-RPC error.
boost::asio::awaitable<boost::json::object> handle_request(HubHost& host, const boost::json::object& request);

}  // namespace agenthq::mcp
