#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "mcp/hub_host.hpp"

namespace agenthq::mcp {

// An MCP tool: its name, what it is for (read by models), the JSON Schema of its arguments, who
// may call it, and what it does with the hub's services. `access` is that of the REST routes the
// tool stands for (http::Access, checked by http::check_access before the tool runs, as the
// router checks a route's). A tool returns what the REST reply carries besides `success`:
// {"data":...} and, for lists, "pagination" (http::data_envelope / page_envelope).
struct Tool {
  std::string name;
  std::string description;
  boost::json::object input_schema;
  http::Access access;
  boost::asio::awaitable<boost::json::value> (*run)(HubHost& hub, const boost::json::object& args);
};

// The hub's tools, mirroring the SDK's hub tools.
const std::vector<Tool>& tools();
const Tool* find_tool(const std::string& name);

// The longest a wait_for_* call may block: below the server's 30 s request timeout.
inline constexpr int kMaxWaitSeconds = 25;

}  // namespace agenthq::mcp
