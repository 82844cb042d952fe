#include "hub/tasks/task_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/tasks/task_input.hpp"
#include "hub/tasks/task_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_task_routes(http::Router& router, Services& s) {
  auto tasks = std::make_shared<TaskService>(s);

  router.add(verb::post, "/api/v1/tasks", Access::authenticated,
             [tasks](RequestContext& ctx) -> asio::awaitable<Response> {
               const TaskInput in = read_task(ctx.body, true);
               auto task = co_await tasks->create(ctx.who(), ctx.client_ip, in);
               co_return http::created(task);
             });

  router.add(verb::get, "/api/v1/tasks", Access::authenticated,
             [tasks](RequestContext& ctx) -> asio::awaitable<Response> {
               const TaskFilter f = read_task_filter(ctx.query);
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await tasks->list(ctx.who(), f, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/tasks/:id", Access::authenticated,
             [tasks](RequestContext& ctx) -> asio::awaitable<Response> {
               auto task = co_await tasks->find(ctx.who(), ctx.param("id"));
               co_return http::ok(task);
             });

  router.add(verb::patch, "/api/v1/tasks/:id", Access::authenticated,
             [tasks](RequestContext& ctx) -> asio::awaitable<Response> {
               const TaskInput in = read_task(ctx.body, false);
               auto task = co_await tasks->update(ctx.who(), ctx.client_ip, ctx.param("id"), in);
               co_return http::ok(task);
             });

  router.add(verb::delete_, "/api/v1/tasks/:id", Access::authenticated,
             [tasks](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await tasks->remove(ctx.who(), ctx.client_ip, ctx.param("id"));
               json::object data;
               data["deleted"] = true;
               co_return http::ok(data);
             });
}

}  // namespace agenthq::hub
