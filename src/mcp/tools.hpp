#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "mcp/hub_host.hpp"

namespace agenthq::mcp {

// An MCP tool: its name, what it is for (read by models), the JSON Schema of its arguments, and
// what it does with the hub.
struct Tool {
  std::string name;
  std::string description;
  boost::json::object input_schema;
  boost::asio::awaitable<boost::json::value> (*run)(HubHost& hub, const boost::json::object& args);
};

// The hub's tools, mirroring the SDK's hub tools.
const std::vector<Tool>& tools();
const Tool* find_tool(const std::string& name);

// The longest a wait_for_* call may block: below the server's 30 s request timeout.
inline constexpr int kMaxWaitSeconds = 25;

}  // namespace agenthq::mcp
