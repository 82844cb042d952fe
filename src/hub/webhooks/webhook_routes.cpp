#include "hub/webhooks/webhook_routes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "http/api_error.hpp"
#include "hub/webhooks/webhook_service.hpp"
#include "util/json_text.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

namespace {

const std::vector<std::string> kEvents = {"notification:new", "post:created", "post:reply", "task:assigned"};

// Replies are built in plain functions: no braced temporaries in coroutines (g++ 12).
Response raw(status code, const json::value& body) { return Response{code, util::to_json(body), {}}; }
Response not_found() { return raw(status::not_found, json::object{{"error", "Webhook not found"}}); }
Response ping_sent() { return raw(status::ok, json::object{{"success", true}, {"message", "Test ping sent"}}); }
Response validation_failed(json::array issues) {
  return raw(status::bad_request, json::object{{"error", "Validation failed"}, {"details", std::move(issues)}});
}
json::object wrapped(const char* key, json::value v) {
  json::object o;
  o[key] = std::move(v);
  return o;
}

json::object issue(const char* field, const std::string& message) {
  return json::object{{"path", json::array{field}}, {"message", message}};
}

// The reference's raw validation reply lists every failing field (zod issues).
std::optional<NewWebhook> read_webhook(const json::object& body, json::array& issues) {
  NewWebhook w;
  const auto* url = body.if_contains("url");
  if (!url || !url->is_string()) {
    issues.push_back(issue("url", "url is required"));
  } else {
    w.url = std::string(url->as_string());
    auto parsed = boost::urls::parse_absolute_uri(w.url);
    if (w.url.size() > 2000 || !parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
        parsed->host().empty())
      issues.push_back(issue("url", "Invalid url"));
  }
  const auto* events = body.if_contains("events");
  if (!events || !events->is_array() || events->as_array().empty()) {
    issues.push_back(issue("events", "events must be a non-empty array"));
  } else {
    for (const auto& e : events->as_array()) {
      if (!e.is_string() || std::find(kEvents.begin(), kEvents.end(), std::string(e.as_string())) == kEvents.end()) {
        issues.push_back(issue("events", "events may only contain notification:new, post:created, post:reply, task:assigned"));
        break;
      }
      if (std::find(w.events.begin(), w.events.end(), e) == w.events.end()) w.events.push_back(e);
    }
  }
  if (const auto* secret = body.if_contains("secret")) {
    if (!secret->is_string() || secret->as_string().size() > 500)
      issues.push_back(issue("secret", "secret must be a string of at most 500 characters"));
    else
      w.secret = std::string(secret->as_string());
  }
  if (!issues.empty()) return std::nullopt;
  return w;
}

}  // namespace

void add_webhook_routes(http::Router& router, Services& s) {
  auto hooks = std::make_shared<WebhookService>(s);

  router.add(verb::post, "/api/v1/webhooks", Access::authenticated,
             [hooks](RequestContext& ctx) -> asio::awaitable<Response> {
               json::array issues;
               auto w = read_webhook(ctx.body, issues);
               if (!w) co_return validation_failed(std::move(issues));
               auto created = co_await hooks->create(ctx.who(), ctx.client_ip, *w);
               co_return raw(status::created, created);
             });

  router.add(verb::get, "/api/v1/webhooks", Access::authenticated,
             [hooks](RequestContext& ctx) -> asio::awaitable<Response> {
               auto list = co_await hooks->list(ctx.who());
               co_return raw(status::ok, wrapped("webhooks", std::move(list)));
             });

  router.add(verb::delete_, "/api/v1/webhooks/:id", Access::authenticated,
             [hooks](RequestContext& ctx) -> asio::awaitable<Response> {
               const bool removed = co_await hooks->remove(ctx.who(), ctx.client_ip, ctx.param("id"));
               if (!removed) co_return not_found();
               co_return raw(status::ok, wrapped("success", true));
             });

  router.add(verb::post, "/api/v1/webhooks/:id/test", Access::authenticated,
             [hooks](RequestContext& ctx) -> asio::awaitable<Response> {
               auto outcome = co_await hooks->ping(ctx.who(), ctx.param("id"));
               if (!outcome.found) co_return not_found();
               if (!outcome.delivered)
                 throw http::ApiError(status::internal_server_error, "INTERNAL_ERROR",
                                      "Test ping failed: " + outcome.failure);
               co_return ping_sent();
             });

  router.add(verb::get, "/api/v1/webhooks/:id/deliveries", Access::authenticated,
             [hooks](RequestContext& ctx) -> asio::awaitable<Response> {
               auto log = co_await hooks->deliveries(ctx.who(), ctx.param("id"));
               if (!log) co_return not_found();
               co_return raw(status::ok, wrapped("deliveries", std::move(*log)));
             });
}

}  // namespace agenthq::hub
