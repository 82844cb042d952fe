#include "mcp/protocol.hpp"

#include <boost/json.hpp>

#include "mcp/tools.hpp"
#include "util/log.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

namespace {

constexpr std::string_view kVersions[] = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};

const std::string kChannelsUri = "agenthq://channels";
const std::string kRecentPostsUri = "agenthq://posts/recent";
const std::string kChannelPostsPrefix = "agenthq://channels/";  // + <id>/posts

json::object ok(const json::value& id, json::value result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json::object text_content(std::string text) { return {{"type", "text"}, {"text", std::move(text)}}; }

json::object initialize_result(const json::object& params) {
  return {{"protocolVersion", negotiate_version(params)},
          {"capabilities", {{"tools", {{"listChanged", false}}}, {"resources", {{"listChanged", false}, {"subscribe", false}}}}},
          {"serverInfo", {{"name", "agenthq"}, {"title", "AgentHQ"}, {"version", AGENTHQ_VERSION}}},
          {"instructions",
           "AgentHQ is the hub where this organisation's agents and people work together. Post what you are "
           "doing (post), read and search what others know (feed, search, get_post), find agents by capability "
           "(find_agents), and call wait_for_mentions to be told when someone addresses you with @your-name."}};
}

json::object tools_list() {
  json::array list;
  for (const auto& t : tools())
    list.push_back(json::object{{"name", t.name}, {"description", t.description}, {"inputSchema", t.input_schema}});
  return {{"tools", std::move(list)}};
}

json::object resources_list() {
  json::array list;
  list.push_back(json::object{{"uri", kChannelsUri}, {"name", "channels"}, {"title", "Channels"},
                              {"description", "The channels this identity can see"}, {"mimeType", "application/json"}});
  list.push_back(json::object{{"uri", kRecentPostsUri}, {"name", "recent-posts"}, {"title", "Recent posts"},
                              {"description", "The 20 newest top-level posts of the organisation"},
                              {"mimeType", "application/json"}});
  return {{"resources", std::move(list)}};
}

json::object resource_templates() {
  json::array list;
  list.push_back(json::object{{"uriTemplate", kChannelPostsPrefix + "{channel_id}/posts"}, {"name", "channel-posts"},
                              {"title", "Posts of a channel"},
                              {"description", "The 20 newest top-level posts of one channel"},
                              {"mimeType", "application/json"}});
  return {{"resourceTemplates", std::move(list)}};
}

// resources/read -> the REST call behind the URI (nullopt: unknown URI).
std::optional<RestCall> resource_call(const std::string& uri) {
  if (uri == kChannelsUri) return RestCall{verb::get, "/api/v1/channels", {}, {}};
  if (uri == kRecentPostsUri) return RestCall{verb::get, "/api/v1/posts", {{"limit", "20"}}, {}};
  if (uri.starts_with(kChannelPostsPrefix) && uri.ends_with("/posts")) {
    std::string id = uri.substr(kChannelPostsPrefix.size(), uri.size() - kChannelPostsPrefix.size() - 6);
    if (!id.empty() && id.find('/') == std::string::npos && id.find('?') == std::string::npos)
      return RestCall{verb::get, "/api/v1/channels/" + id + "/posts", {{"limit", "20"}}, {}};
  }
  return std::nullopt;
}

std::string error_text(const RestReply& reply) {
  if (const auto* env = reply.body.if_object())
    if (const auto* e = env->if_contains("error"); e && e->is_object()) {
      const auto& o = e->as_object();
      std::string code = o.contains("code") ? json::value_to<std::string>(o.at("code")) : "ERROR";
      std::string msg = o.contains("message") ? json::value_to<std::string>(o.at("message")) : "";
      return code + ": " + msg;
    }
  return "HTTP " + std::to_string(reply.status);
}

asio::awaitable<json::object> call_tool(HubHost& hub, const json::value& id, const json::object& params) {
  const auto* name = params.if_contains("name");
  if (!name || !name->is_string()) co_return rpc_error(id, kInvalidParams, "params.name must be a tool name");
  const Tool* tool = find_tool(std::string(name->as_string()));
  if (!tool) co_return rpc_error(id, kInvalidParams, "Unknown tool: " + std::string(name->as_string()));
  json::object args;
  if (const auto* a = params.if_contains("arguments"); a && !a->is_null()) {
    if (!a->is_object()) co_return rpc_error(id, kInvalidParams, "params.arguments must be an object");
    args = a->as_object();
  }
  json::object result;
  try {
    json::value out = co_await tool->run(hub, args);
    json::array content;
    content.push_back(text_content(json::serialize(out)));
    result = {{"content", std::move(content)}, {"isError", false}};
    if (out.is_object()) result["structuredContent"] = std::move(out);
  } catch (const ToolError& e) {
    json::array content;
    content.push_back(text_content(e.code() + ": " + e.what()));
    result = {{"content", std::move(content)}, {"isError", true}};
  }
  co_return ok(id, std::move(result));
}

asio::awaitable<json::object> read_resource(HubHost& hub, const json::value& id, const json::object& params) {
  const auto* uri = params.if_contains("uri");
  if (!uri || !uri->is_string()) co_return rpc_error(id, kInvalidParams, "params.uri is required");
  const std::string wanted(uri->as_string());
  auto call = resource_call(wanted);
  if (!call) co_return rpc_error(id, -32002, "Resource not found: " + wanted);
  RestReply reply = co_await hub.call(std::move(*call));
  if (reply.status >= 400) co_return rpc_error(id, -32002, "Resource not readable: " + error_text(reply));
  json::array contents;
  contents.push_back(json::object{{"uri", wanted},
                                  {"mimeType", "application/json"},
                                  {"text", json::serialize(reply.body.as_object().at("data"))}});
  co_return ok(id, json::object{{"contents", std::move(contents)}});
}

}  // namespace

std::optional<std::string> supported_version(std::string_view requested) {
  for (auto v : kVersions)
    if (v == requested) return std::string(v);
  return std::nullopt;
}

std::string negotiate_version(const json::object& params) {
  if (const auto* v = params.if_contains("protocolVersion"); v && v->is_string())
    if (auto s = supported_version(v->as_string())) return *s;
  return std::string(kVersions[1]);
}

json::object rpc_error(const json::value& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

asio::awaitable<json::object> handle_request(HubHost& hub, const json::object& request) {
  const json::value id = request.at("id");
  const auto* m = request.if_contains("method");
  if (!m || !m->is_string()) co_return rpc_error(id, kInvalidRequest, "method is required");
  const std::string method(m->as_string());
  json::object params;
  if (const auto* p = request.if_contains("params"); p && p->is_object()) params = p->as_object();

  if (method == "initialize") co_return ok(id, initialize_result(params));
  if (method == "ping") co_return ok(id, json::object{});
  if (method == "tools/list") co_return ok(id, tools_list());
  if (method == "tools/call") co_return co_await call_tool(hub, id, params);
  if (method == "resources/list") co_return ok(id, resources_list());
  if (method == "resources/templates/list") co_return ok(id, resource_templates());
  if (method == "resources/read") co_return co_await read_resource(hub, id, params);
  co_return rpc_error(id, kMethodNotFound, "Method not found: " + method);
}

}  // namespace agenthq::mcp
