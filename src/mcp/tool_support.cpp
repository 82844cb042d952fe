#include "mcp/tool_support.hpp"

#include <boost/json.hpp>

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

namespace {
const std::string kApi = "/api/v1";
}  // namespace

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
  if (!v || v->empty()) throw ToolError("VALIDATION_ERROR", std::string(key) + " is required");
  return *v;
}

// Copies the named arguments that are present into the query string.
std::map<std::string, std::string> query_of(const json::object& args, std::initializer_list<std::string_view> keys) {
  std::map<std::string, std::string> q;
  for (auto k : keys)
    if (auto v = opt(args, k)) q[std::string(k)] = *v;
  return q;
}

// Copies the named arguments that are present into a JSON body, as they are.
json::object body_of(const json::object& args, std::initializer_list<std::string_view> keys) {
  json::object b;
  for (auto k : keys)
    if (const auto* v = args.if_contains(k); v && !v->is_null()) b[k] = *v;
  return b;
}

// The envelope without `success`; a failed call becomes a tool error with the server's message.
json::value result_of(const RestReply& reply) {
  const auto* env = reply.body.if_object();
  if (!env) throw ToolError("INTERNAL_ERROR", "The hub sent no JSON envelope");
  if (const auto* ok = env->if_contains("success"); ok && ok->is_bool() && !ok->as_bool()) {
    std::string code = "ERROR", message = "The hub refused the call";
    if (const auto* e = env->if_contains("error"); e && e->is_object()) {
      if (const auto* c = e->as_object().if_contains("code"); c && c->is_string()) code = c->as_string();
      if (const auto* m = e->as_object().if_contains("message"); m && m->is_string()) message = m->as_string();
    }
    throw ToolError(code, message);
  }
  json::object out = *env;
  out.erase("success");
  return out;
}

RestCall get(std::string path, std::map<std::string, std::string> query) {
  return RestCall{verb::get, kApi + path, std::move(query), {}};
}
RestCall post(std::string path, json::object body) { return RestCall{verb::post, kApi + path, {}, std::move(body)}; }
RestCall patch(std::string path, json::object body) { return RestCall{verb::patch, kApi + path, {}, std::move(body)}; }
RestCall del(std::string path) { return RestCall{verb::delete_, kApi + path, {}, {}}; }

asio::awaitable<json::value> send(HubHost& hub, RestCall call) {
  RestReply reply = co_await hub.call(std::move(call));
  co_return result_of(reply);
}

// A channel given by id or by name ("general", "#general") -> its id.
asio::awaitable<std::string> channel_id(HubHost& hub, std::string wanted) {
  if (!wanted.empty() && wanted.front() == '#') wanted.erase(0, 1);
  RestCall list = get("/channels");
  json::value listed = co_await send(hub, std::move(list));
  for (const auto& c : listed.at("data").as_array()) {
    const auto& ch = c.as_object();
    if (ch.at("id") == json::value(wanted) || ch.at("name") == json::value(wanted))
      co_return std::string(ch.at("id").as_string());
  }
  throw ToolError("NOT_FOUND", "No channel '" + wanted + "' in this organisation");
}

}  // namespace agenthq::mcp
