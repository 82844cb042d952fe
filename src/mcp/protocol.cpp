#include "mcp/protocol.hpp"

#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "http/api_error.hpp"
#include "http/router.hpp"
#include "hub/posts/post_store.hpp"
#include "mcp/tools.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;

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

// What a tool or a resource read threw, as the REST envelope would carry it: the service's
// http::ApiError as it is, the database's absence and anything else as the pipeline maps them.
struct Refusal {
  std::string code;
  std::string message;
  std::string text() const { return code + ": " + message; }
};

Refusal refusal(std::exception_ptr thrown, std::string_view what) {
  try {
    std::rethrow_exception(thrown);
  } catch (const http::ApiError& e) {
    return {e.code(), e.what()};
  } catch (const db::PgUnavailable&) {
    return {"SERVICE_UNAVAILABLE", "The database is unavailable, try again shortly"};
  } catch (const std::exception& e) {
    util::log::error("mcp: {} failed: {}", what, e.what());
  } catch (...) {
    util::log::error("mcp: {} failed", what);
  }
  return {"INTERNAL_ERROR", "Internal server error"};
}

// resources/read: a URI names one of these reads (the REST reads GET /channels, GET
// /posts?limit=20 and GET /channels/:id/posts?limit=20).
struct ResourceRead {
  enum class Kind { channels, recent_posts, channel_posts } kind;
  std::string channel_id;
};

constexpr std::int64_t kResourcePosts = 20;

std::optional<ResourceRead> resource_read(const std::string& uri) {
  if (uri == kChannelsUri) return ResourceRead{ResourceRead::Kind::channels, ""};
  if (uri == kRecentPostsUri) return ResourceRead{ResourceRead::Kind::recent_posts, ""};
  if (uri.starts_with(kChannelPostsPrefix) && uri.ends_with("/posts")) {
    std::string id = uri.substr(kChannelPostsPrefix.size(), uri.size() - kChannelPostsPrefix.size() - 6);
    if (!id.empty() && id.find('/') == std::string::npos && id.find('?') == std::string::npos)
      return ResourceRead{ResourceRead::Kind::channel_posts, std::move(id)};
  }
  return std::nullopt;
}

// The resource's data (what the REST reply carries as `data`).
asio::awaitable<json::array> read(HubHost& host, const ResourceRead& r) {
  http::check_access(http::Access::authenticated, host.who());
  if (r.kind == ResourceRead::Kind::channels) {
    const std::optional<std::string> any_type;
    co_return co_await host.services().channels.list(host.who(), any_type);
  }
  hub::PostFilter filter;
  if (r.kind == ResourceRead::Kind::recent_posts) {
    hub::PostPage page = co_await host.services().posts.list(host.who(), filter, kResourcePosts, 0);
    co_return page.posts.parsed();
  }
  filter.channel_id = r.channel_id;
  hub::PostPage page = co_await host.services().posts.list_channel(host.who(), filter, kResourcePosts, 0);
  co_return page.posts.parsed();
}

asio::awaitable<json::object> call_tool(HubHost& host, const json::value& id, const json::object& params) {
  const auto* name = params.if_contains("name");
  if (!name || !name->is_string()) co_return rpc_error(id, kInvalidParams, "params.name must be a tool name");
  const Tool* tool = find_tool(std::string(name->as_string()));
  if (!tool) co_return rpc_error(id, kInvalidParams, "Unknown tool: " + std::string(name->as_string()));
  json::object args;
  if (const auto* a = params.if_contains("arguments"); a && !a->is_null()) {
    if (!a->is_object()) co_return rpc_error(id, kInvalidParams, "params.arguments must be an object");
    args = a->as_object();
  }
  json::value out;
  std::exception_ptr failed;
  try {
    // The router checks a route's access before its handler runs; here the tool's.
    http::check_access(tool->access, host.who());
    json::value produced = co_await tool->run(host, args);
    out = std::move(produced);
  } catch (...) {
    failed = std::current_exception();
  }
  json::object result;
  json::array content;
  if (failed) {
    content.push_back(text_content(refusal(failed, "tool " + tool->name).text()));
    result = {{"content", std::move(content)}, {"isError", true}};
  } else {
    content.push_back(text_content(util::to_json(out)));
    result = {{"content", std::move(content)}, {"isError", false}};
    if (out.is_object()) result["structuredContent"] = std::move(out);
  }
  co_return ok(id, std::move(result));
}

asio::awaitable<json::object> read_resource(HubHost& host, const json::value& id, const json::object& params) {
  const auto* uri = params.if_contains("uri");
  if (!uri || !uri->is_string()) co_return rpc_error(id, kInvalidParams, "params.uri is required");
  const std::string wanted(uri->as_string());
  const auto what = resource_read(wanted);
  if (!what) co_return rpc_error(id, -32002, "Resource not found: " + wanted);
  json::array data;
  std::exception_ptr failed;
  try {
    json::array read_data = co_await read(host, *what);
    data = std::move(read_data);
  } catch (...) {
    failed = std::current_exception();
  }
  if (failed) co_return rpc_error(id, -32002, "Resource not readable: " + refusal(failed, "resource " + wanted).text());
  json::array contents;
  contents.push_back(json::object{{"uri", wanted}, {"mimeType", "application/json"}, {"text", util::to_json(data)}});
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

asio::awaitable<json::object> handle_request(HubHost& host, const json::object& request) {
  const json::value id = request.at("id");
  const auto* m = request.if_contains("method");
  if (!m || !m->is_string()) co_return rpc_error(id, kInvalidRequest, "method is required");
  const std::string method(m->as_string());
  json::object params;
  if (const auto* p = request.if_contains("params"); p && p->is_object()) params = p->as_object();

  if (method == "initialize") co_return ok(id, initialize_result(params));
  if (method == "ping") co_return ok(id, json::object{});
  if (method == "tools/list") co_return ok(id, tools_list());
  if (method == "tools/call") co_return co_await call_tool(host, id, params);
  if (method == "resources/list") co_return ok(id, resources_list());
  if (method == "resources/templates/list") co_return ok(id, resource_templates());
  if (method == "resources/read") co_return co_await read_resource(host, id, params);
  co_return rpc_error(id, kMethodNotFound, "Method not found: " + method);
}

}  // namespace agenthq::mcp
