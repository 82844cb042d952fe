#include "hub/notifications/notification_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/notifications/notification_input.hpp"
#include "hub/notifications/notification_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_notification_routes(http::Router& router, Services& s) {
  auto notifications = std::make_shared<NotificationService>(s);

  router.add(verb::get, "/api/v1/notifications", Access::authenticated,
             [notifications](RequestContext& ctx) -> asio::awaitable<Response> {
               const NotificationFilter f = read_notification_filter(ctx.query);
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await notifications->list(ctx.who(), f, p.limit, p.offset());
               co_return http::paginated(page.notifications, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/notifications/unread-count", Access::authenticated,
             [notifications](RequestContext& ctx) -> asio::awaitable<Response> {
               const std::int64_t n = co_await notifications->unread_count(ctx.who());
               json::object data;
               data["count"] = n;
               co_return http::ok(data);
             });

  router.add(verb::patch, "/api/v1/notifications/:id/read", Access::authenticated,
             [notifications](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await notifications->mark_read(ctx.who(), ctx.param("id"));
               json::object data;
               data["read"] = true;
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/notifications/read-all", Access::authenticated,
             [notifications](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await notifications->mark_all_read(ctx.who());
               json::object data;
               data["read"] = true;
               co_return http::ok(data);
             });
}

}  // namespace agenthq::hub
