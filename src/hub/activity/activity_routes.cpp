#include "hub/activity/activity_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/activity/activity_service.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

namespace {

// A time bound from the query as epoch microseconds; unparseable text is the client's mistake
// (400), never a database error.
void time_bound(const RequestContext& ctx, const std::string& name, std::vector<std::int64_t>& out) {
  auto tp = http::query_instant(ctx, name);
  if (!tp) return;
  out.push_back(std::chrono::duration_cast<std::chrono::microseconds>(tp->time_since_epoch()).count());
}

// The contract's from/to, and the web app's names for the same bounds (date_from/date_to).
ActivityFilter read_filter(const RequestContext& ctx) {
  ActivityFilter f;
  f.actor_id = http::query_text(ctx, "actor_id");
  f.actor_type = http::query_text(ctx, "actor_type");
  f.action = http::query_text(ctx, "action");
  f.resource_type = http::query_text(ctx, "resource_type");
  time_bound(ctx, "from", f.created_from);
  time_bound(ctx, "date_from", f.created_from);
  time_bound(ctx, "to", f.created_to);
  time_bound(ctx, "date_to", f.created_to);
  return f;
}

}  // namespace

void add_activity_routes(http::Router& router, Services& s) {
  auto activity = std::make_shared<ActivityService>(s);

  router.add(verb::post, "/api/v1/activity", Access::authenticated,
             [activity](RequestContext& ctx) -> asio::awaitable<Response> {
               http::BodyReader body(ctx.body);
               std::string action = body.required_string("action", 1, 200);
               auto resource_type = body.optional_string("resource_type", 0, 200);
               auto resource_id = body.optional_string("resource_id", 0, 200);
               json::object details = body.optional_object("details").value_or(json::object{});
               auto row = co_await activity->record(ctx.who(), ctx.client_ip, std::move(action), resource_type,
                                                    resource_id, std::move(details));
               co_return http::created(row);
             });

  router.add(verb::get, "/api/v1/activity", Access::authenticated,
             [activity](RequestContext& ctx) -> asio::awaitable<Response> {
               const ActivityFilter filter = read_filter(ctx);
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
