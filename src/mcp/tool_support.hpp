#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcp/hub_host.hpp"
#include "mcp/tools.hpp"

namespace agenthq::mcp {

// What the tool files share: argument reading, REST calls through the host, the envelope.

boost::json::object schema(std::string_view text);
// `page` and `limit` properties for a list tool's schema (a fragment to splice into "properties").
inline constexpr const char* kPaging = R"("page":{"type":"integer","minimum":1,"description":"Page number, from 1"},
  "limit":{"type":"integer","minimum":1,"maximum":100,"description":"Items per page"})";

// An argument as query-string text (arrays joined with commas), absent or null: nullopt.
std::string str(const boost::json::value& v);
std::optional<std::string> opt(const boost::json::object& args, std::string_view key);
// A required argument; missing or empty: a VALIDATION_ERROR tool error.
std::string required(const boost::json::object& args, std::string_view key);
// Copies the named arguments that are present into the query string / a JSON body as they are.
std::map<std::string, std::string> query_of(const boost::json::object& args, std::initializer_list<std::string_view> keys);
boost::json::object body_of(const boost::json::object& args, std::initializer_list<std::string_view> keys);

// The envelope without `success`; a failed call becomes a tool error with the server's message.
boost::json::value result_of(const RestReply& reply);

// Plain functions build the calls (paths below /api/v1): g++ 12 mishandles braced temporaries
// inside co_await expressions, so coroutines only ever co_await send(hub, <named local>).
RestCall get(std::string path, std::map<std::string, std::string> query = {});
RestCall post(std::string path, boost::json::object body);
RestCall patch(std::string path, boost::json::object body);
RestCall del(std::string path);
boost::asio::awaitable<boost::json::value> send(HubHost& hub, RestCall call);

// A channel given by id or by name ("general", "#general") -> its id.
boost::asio::awaitable<std::string> channel_id(HubHost& hub, std::string wanted);

// Tools for working together (reactions, edits, notifications, tasks, DMs): collab_tools.cpp.
void add_collaboration_tools(std::vector<Tool>& tools);

}  // namespace agenthq::mcp
