#include "mcp/mcp_routes.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "mcp/hub_host.hpp"
#include "mcp/protocol.hpp"
#include "util/json_text.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;

namespace {

const std::string kSessionHeader = "Mcp-Session-Id";
const std::string kVersionHeader = "MCP-Protocol-Version";

std::string header(const http::RequestContext& ctx, const std::string& name) {
  return std::string(ctx.raw->base()[name]);
}

http::Response json_reply(status s, const json::object& message) {
  http::Response r{s, util::to_json(message), {}};
  return r;
}

// One JSON-RPC response, as an SSE stream of one event when the client takes SSE.
http::Response rpc_reply(const http::RequestContext& ctx, const json::object& message) {
  http::Response r{status::ok, util::to_json(message), {}};
  if (header(ctx, "Accept").find("text/event-stream") != std::string::npos) {
    r.body = "event: message\ndata: " + r.body + "\n\n";
    r.headers.emplace_back(field::content_type, "text/event-stream");
    r.headers.emplace_back(field::cache_control, "no-cache");
  }
  return r;
}

class Endpoint {
 public:
  Endpoint(hub::Services& services, realtime::SessionRegistry& events, SessionStore& sessions, std::string origin)
      : services_(services), events_(events), sessions_(sessions), origin_(std::move(origin)) {}

  asio::awaitable<http::Response> post(http::RequestContext& ctx) {
    if (auto refused = check_origin(ctx)) co_return *refused;
    boost::system::error_code ec;
    json::value message = json::parse(ctx.raw->body(), ec);
    if (ec) co_return json_reply(status::bad_request, rpc_error(nullptr, kParseError, "Malformed JSON"));
    if (!message.is_object())
      co_return json_reply(status::bad_request,
                           rpc_error(nullptr, kInvalidRequest, "Send one JSON-RPC message per request (no batches)"));
    const auto& msg = message.as_object();
    if (msg.if_contains("jsonrpc") == nullptr || msg.at("jsonrpc") != "2.0")
      co_return json_reply(status::bad_request, rpc_error(nullptr, kInvalidRequest, "jsonrpc must be \"2.0\""));
    const auto* method = msg.if_contains("method");
    const bool is_request = msg.contains("id") && method;

    if (is_request && *method == "initialize") {
      json::object params;
      if (const auto* p = msg.if_contains("params"); p && p->is_object()) params = p->as_object();
      const std::string version = negotiate_version(params);
      HubHost host(services_, events_, ctx.who(), ctx.client_ip);
      json::object reply = co_await handle_request(host, msg);
      http::Response res = rpc_reply(ctx, reply);
      const std::string id = sessions_.open(ctx.who().id, ctx.who().org_id, version);
      res.custom_headers.emplace_back(kSessionHeader, id);
      res.custom_headers.emplace_back("Access-Control-Expose-Headers", kSessionHeader);
      co_return res;
    }

    const json::value id = msg.contains("id") ? msg.at("id") : json::value(nullptr);
    const std::string session_id = header(ctx, kSessionHeader);
    if (session_id.empty())
      co_return json_reply(status::bad_request, rpc_error(id, kInvalidRequest, "Mcp-Session-Id header is required"));
    if (!sessions_.use(session_id, ctx.who().id))
      co_return json_reply(status::not_found, rpc_error(id, -32001, "Session not found; initialize again"));
    if (const auto v = header(ctx, kVersionHeader); !v.empty() && !supported_version(v))
      co_return json_reply(status::bad_request, rpc_error(id, kInvalidRequest, "Unsupported MCP-Protocol-Version " + v));

    // Notifications (initialized, cancelled, ...) and responses need no answer.
    if (!is_request) co_return http::Response{status::accepted, "", {}};
    HubHost host(services_, events_, ctx.who(), ctx.client_ip);
    json::object reply = co_await handle_request(host, msg);
    co_return rpc_reply(ctx, reply);
  }

  asio::awaitable<http::Response> get(http::RequestContext& ctx) {
    // The server sends no messages of its own: no standing SSE stream to open.
    http::Response r = json_reply(status::method_not_allowed,
                                  rpc_error(nullptr, kInvalidRequest, "This server sends no unsolicited messages"));
    r.headers.emplace_back(field::allow, "POST, DELETE");
    co_return r;
  }

  asio::awaitable<http::Response> del(http::RequestContext& ctx) {
    if (auto refused = check_origin(ctx)) co_return *refused;
    const std::string session_id = header(ctx, kSessionHeader);
    if (session_id.empty())
      co_return json_reply(status::bad_request, rpc_error(nullptr, kInvalidRequest, "Mcp-Session-Id header is required"));
    if (!sessions_.close(session_id, ctx.who().id))
      co_return json_reply(status::not_found, rpc_error(nullptr, -32001, "Session not found"));
    co_return http::Response{status::no_content, "", {}};
  }

 private:
  std::optional<http::Response> check_origin(const http::RequestContext& ctx) const {
    const std::string origin = header(ctx, "Origin");
    if (origin.empty() || origin == origin_) return std::nullopt;
    return json_reply(status::forbidden, rpc_error(nullptr, kInvalidRequest, "Origin not allowed"));
  }

  HubServices services_;  // this thread's
  realtime::SessionRegistry& events_;
  SessionStore& sessions_;
  std::string origin_;
};

}  // namespace

void add_mcp_routes(http::Router& router, hub::Services& services, realtime::SessionRegistry& events,
                    SessionStore& sessions, std::string allowed_origin) {
  auto ep = std::make_shared<Endpoint>(services, events, sessions, std::move(allowed_origin));
  router.add(verb::post, "/mcp", http::Access::authenticated, [ep](http::RequestContext& ctx) { return ep->post(ctx); });
  router.add(verb::get, "/mcp", http::Access::authenticated, [ep](http::RequestContext& ctx) { return ep->get(ctx); });
  router.add(verb::delete_, "/mcp", http::Access::authenticated, [ep](http::RequestContext& ctx) { return ep->del(ctx); });
}

}  // namespace agenthq::mcp
