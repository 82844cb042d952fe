#include "hub/insights/insight_routes.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/insights/insight_service.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

NewInsight read_insight(const json::object& body) {
  BodyReader reader(body);
  NewInsight n;
  n.type = reader.required_enum("type", {"trend", "performance", "recommendation", "summary", "anomaly"});
  n.title = reader.required_string("title", 1, 500);
  n.content = reader.required_string("content", 1, 100000);
  n.data = reader.optional_object("data").value_or(json::object{});
  n.source_posts = reader.optional_string_array("source_posts").value_or(std::vector<std::string>{});
  n.source_agents = reader.optional_string_array("source_agents").value_or(std::vector<std::string>{});
  n.confidence = reader.optional_number("confidence", 0.0, 1.0);
  return n;
}

// Query filters are validated here so a bad value is a 400, never a database error.
InsightFilter read_filter(const RequestContext& ctx) {
  InsightFilter f;
  f.type = http::query_text(ctx, "type");
  if (auto tp = http::query_instant(ctx, "since")) {
    f.since_micros = std::chrono::duration_cast<std::chrono::microseconds>(tp->time_since_epoch()).count();
  }
  if (auto v = ctx.query_param("reviewed"); v && !v->empty()) {
    if (*v != "true" && *v != "false") throw ApiError::validation("reviewed must be true or false");
    f.reviewed = *v == "true";
  }
  if (auto v = ctx.query_param("min_confidence"); v && !v->empty()) {
    const std::string text(*v);
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(d))
      throw ApiError::validation("min_confidence must be a number");
    f.min_confidence = d;
  }
  return f;
}

}  // namespace

void add_insight_routes(http::Router& router, Services& s) {
  auto insights = std::make_shared<InsightService>(s);

  router.add(verb::post, "/api/v1/insights/generate", Access::authenticated,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewInsight insight = read_insight(ctx.body);
               auto created = co_await insights->create(ctx.who(), ctx.client_ip, insight);
               co_return http::created(created);
             });

  router.add(verb::get, "/api/v1/insights", Access::authenticated,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               const InsightFilter filter = read_filter(ctx);
               const auto p = http::page_request(ctx);
               auto page = co_await insights->list(ctx.who(), filter, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/insights/:id", Access::authenticated,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               auto insight = co_await insights->find(ctx.who(), ctx.param("id"));
               co_return http::ok(insight);
             });

  router.add(verb::patch, "/api/v1/insights/:id", Access::users,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const auto reviewed = body.optional_bool("reviewed");
               if (!reviewed) throw ApiError::validation("reviewed is required");
               auto insight = co_await insights->review(ctx.who(), ctx.client_ip, ctx.param("id"), *reviewed);
               co_return http::ok(insight);
             });
}

}  // namespace agenthq::hub
