#include "hub/insights/insight_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/insights/insight_input.hpp"
#include "hub/insights/insight_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_insight_routes(http::Router& router, Services& s) {
  auto insights = std::make_shared<InsightService>(s);

  router.add(verb::post, "/api/v1/insights/generate", Access::authenticated,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewInsight insight = read_new_insight(ctx.body);
               auto created = co_await insights->create(ctx.who(), ctx.client_ip, insight);
               co_return http::created(created);
             });

  router.add(verb::get, "/api/v1/insights", Access::authenticated,
             [insights](RequestContext& ctx) -> asio::awaitable<Response> {
               const InsightFilter filter = read_insight_filter(ctx.query);
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
               const bool reviewed = read_insight_review(ctx.body);
               auto insight = co_await insights->review(ctx.who(), ctx.client_ip, ctx.param("id"), reviewed);
               co_return http::ok(insight);
             });
}

}  // namespace agenthq::hub
