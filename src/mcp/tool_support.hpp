#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/pagination.hpp"
#include "http/request_context.hpp"
#include "db/pg_result.hpp"
#include "mcp/hub_host.hpp"
#include "mcp/tools.hpp"

namespace agenthq::mcp {

// What the tool files share: turning arguments into what the resources' request readers
// (hub/<resource>/*_input) take, and channel names. Validation is the readers' and the
// services': a refusal is the http::ApiError they throw, shown as the REST call would show it.

boost::json::object schema(std::string_view text);
// `page` and `limit` properties for a list tool's schema (a fragment to splice into "properties").
inline constexpr const char* kPaging = R"("page":{"type":"integer","minimum":1,"description":"Page number, from 1"},
  "limit":{"type":"integer","minimum":1,"maximum":100,"description":"Items per page"})";

// An argument as query-string text (arrays joined with commas), absent or null: nullopt.
std::string str(const boost::json::value& v);
std::optional<std::string> opt(const boost::json::object& args, std::string_view key);
// A required argument of the tool's own (no REST field stands for it); missing or empty: a
// VALIDATION_ERROR.
std::string required(const boost::json::object& args, std::string_view key);
// An id that the REST face takes as one path segment; one with '/', '?' or '#' could not name
// anything there, and is refused the same way here (VALIDATION_ERROR).
std::string segment(std::string value, std::string_view what);
std::string segment(const boost::json::object& args, std::string_view key);
// The named arguments that are present, as the query string / the JSON body of the REST call
// the tool stands for: the readers see what they would see from a URL or a request body.
http::Query query_of(const boost::json::object& args, std::initializer_list<std::string_view> keys);
boost::json::object body_of(const boost::json::object& args, std::initializer_list<std::string_view> keys);

// What the REST reply of a list carries besides `success`: {"data":[...],"pagination":{...}}.
boost::json::object page_of(const boost::json::array& items, const http::PageRequest& page, std::int64_t total);
boost::json::object page_of(const db::JsonRows& items, const http::PageRequest& page, std::int64_t total);
// {"<name>": value}: the data of REST replies that only confirm ({"deleted":true}, {"read":true}).
boost::json::object flag(std::string_view name, bool value);

// A channel given by id or by name ("general", "#general") -> its id, among the channels the
// caller may read.
boost::asio::awaitable<std::string> channel_id(HubHost& hub, std::string wanted);
// The id of the tool's optional "channel" argument (by id or name); nullopt when not given.
boost::asio::awaitable<std::optional<std::string>> channel_arg(HubHost& hub, const boost::json::object& args);

// Tools for working together (reactions, edits, notifications, tasks, DMs): collab_tools.cpp.
void add_collaboration_tools(std::vector<Tool>& tools);

}  // namespace agenthq::mcp
