#include "verticals/real_estate/metric_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "util/time.hpp"
#include "verticals/real_estate/metric_store.hpp"
#include "verticals/real_estate/re_input.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

namespace {
std::optional<std::string> period_param(const RequestContext& ctx) {
  auto p = ctx.query_param("period");
  if (!p || p->empty()) return std::nullopt;
  if (*p != "daily" && *p != "weekly" && *p != "monthly")
    throw ApiError::validation("period must be one of: daily, weekly, monthly");
  return std::string(*p);
}

// from/to: a date or an ISO-8601 instant, normalised so PostgreSQL never sees unchecked text.
std::optional<std::string> instant_param(const RequestContext& ctx, const std::string& name) {
  auto v = ctx.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  auto tp = util::parse_iso8601(*v);
  if (!tp) throw ApiError::validation(name + " must be an ISO-8601 date or date-time");
  return util::iso8601(*tp);
}
}  // namespace

void add_metric_routes(http::Router& router, hub::Services& s) {
  auto store = std::make_shared<MetricStore>(s.db);

  router.add(verb::get, "/api/v1/re/metrics", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               MetricFilter f;
               if (auto a = ctx.query_param("agent_id"); a && !a->empty()) f.agent_id = std::string(*a);
               f.period = period_param(ctx);
               f.from = instant_param(ctx, "from");
               f.to = instant_param(ctx, "to");
               auto rows = co_await store->list(ctx.who().org_id, f);
               co_return http::ok(rows);
             });

  router.add(verb::get, "/api/v1/re/metrics/leaderboard", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               const std::string period = period_param(ctx).value_or("monthly");
               auto start = ctx.query_param("period_start");
               if (!start || start->empty())
                 throw ApiError::bad_request("MISSING_PARAM", "period_start is required (YYYY-MM-DD)");
               if (!is_calendar_date(*start))
                 throw ApiError::validation("period_start must be a date (YYYY-MM-DD)");
               const std::string day(*start);
               auto board = co_await store->leaderboard(ctx.who().org_id, period, day);
               co_return http::ok(board);
             });
}

}  // namespace agenthq::verticals::real_estate
