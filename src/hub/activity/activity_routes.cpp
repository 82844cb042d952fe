#include "hub/activity/activity_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/activity/activity_input.hpp"
#include "hub/activity/activity_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_activity_routes(http::Router& router, Services& s) {
  auto activity = std::make_shared<ActivityService>(s);

  router.add(verb::post, "/api/v1/activity", Access::authenticated,
             [activity](RequestContext& ctx) -> asio::awaitable<Response> {
               NewActivity entry = read_new_activity(ctx.body);
               auto row = co_await activity->record(ctx.who(), ctx.client_ip, std::move(entry));
               co_return http::created(row);
             });

  router.add(verb::get, "/api/v1/activity", Access::authenticated,
             [activity](RequestContext& ctx) -> asio::awaitable<Response> {
               const ActivityFilter filter = read_activity_filter(ctx.query);
               const auto p = http::page_request(ctx);
               auto page = co_await activity->list(ctx.who(), filter, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  // The web app's dashboard widget: the newest entries of the whole log, one page.
  router.add(verb::get, "/api/v1/activity/recent", Access::authenticated,
             [activity](RequestContext& ctx) -> asio::awaitable<Response> {
               const ActivityFilter none;
               auto p = http::page_request(ctx);
               p.page = 1;
               auto page = co_await activity->list(ctx.who(), none, p.limit, 0);
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });
}

}  // namespace agenthq::hub
