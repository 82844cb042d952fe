#include "mcp/tool_support.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/response.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

json::object schema(std::string_view text) { return json::parse(text).as_object(); }

std::string str(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_array()) {  // ["posts","agents"] -> "posts,agents"
    std::string out;
    for (const auto& item : v.as_array()) out += (out.empty() ? "" : ",") + str(item);
    return out;
  }
  return json::serialize(v);
}

std::optional<std::string> opt(const json::object& args, std::string_view key) {
  const auto* v = args.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return str(*v);
}

std::string required(const json::object& args, std::string_view key) {
  auto v = opt(args, key);
  if (!v || v->empty()) throw ApiError::validation(std::string(key) + " is required");
  return *v;
}

std::string segment(std::string value, std::string_view what) {
  if (value.find_first_of("/?#") != std::string::npos)
    throw ApiError::validation(std::string(what) + " must not contain '/', '?' or '#'");
  return value;
}

std::string segment(const json::object& args, std::string_view key) { return segment(required(args, key), key); }

http::Query query_of(const json::object& args, std::initializer_list<std::string_view> keys) {
  http::Query q;
  for (auto k : keys)
    if (auto v = opt(args, k)) q[std::string(k)] = *v;
  return q;
}

json::object body_of(const json::object& args, std::initializer_list<std::string_view> keys) {
  json::object b;
  for (auto k : keys)
    if (const auto* v = args.if_contains(k); v && !v->is_null()) b[k] = *v;
  return b;
}

json::object page_of(const json::array& items, const http::PageRequest& page, std::int64_t total) {
  const http::Pagination pagination{page.page, page.limit, total};
  return http::page_envelope(items, pagination);
}

json::object page_of(const db::JsonRows& items, const http::PageRequest& page, std::int64_t total) {
  const http::Pagination pagination{page.page, page.limit, total};
  return http::page_envelope(items, pagination);
}

json::object flag(std::string_view name, bool value) {
  json::object o;
  o[name] = value;
  return o;
}

asio::awaitable<std::string> channel_id(HubHost& hub, std::string wanted) {
  if (!wanted.empty() && wanted.front() == '#') wanted.erase(0, 1);
  const std::optional<std::string> any_type;
  const json::array listed = co_await hub.services().channels.list(hub.who(), any_type);
  for (const auto& c : listed) {
    const auto& ch = c.as_object();
    if (ch.at("id") == json::value(wanted) || ch.at("name") == json::value(wanted))
      co_return std::string(ch.at("id").as_string());
  }
  throw ApiError(boost::beast::http::status::not_found, "NOT_FOUND", "No channel '" + wanted + "' in this organisation");
}

asio::awaitable<std::optional<std::string>> channel_arg(HubHost& hub, const json::object& args) {
  auto wanted = opt(args, "channel");
  if (!wanted) co_return std::nullopt;
  std::string id = co_await channel_id(hub, std::move(*wanted));
  co_return id;
}

}  // namespace agenthq::mcp
