#include "hub/tasks/task_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "http/query_params.hpp"
#include "hub/tasks/task_service.hpp"
#include "util/time.hpp"

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

constexpr std::size_t kMaxId = 200;

Change<std::string> set_to(std::optional<std::string> v) { return {v.has_value(), std::move(v)}; }

// Create and update read the same fields; on update every field is optional and the SDK's
// nullable ones (description, assigned_to, assigned_type, channel_id, due_date) may be null to
// clear them. On create, null means absent.
TaskInput read_task(const json::object& raw, bool creating) {
  BodyReader body(raw);
  TaskInput in;
  if (creating) in.title = set_to(body.required_string("title", 1, 500));
  else in.title = set_to(body.optional_string("title", 1, 500));
  auto nullable = [&](const char* name, std::size_t max) {
    Change<std::string> c;
    if (auto v = body.nullable_string(name, max)) {
      c.given = creating ? v->has_value() : true;
      c.value = *v;
    }
    return c;
  };
  in.description = nullable("description", 10000);
  in.status = set_to(body.optional_enum("status", {"open", "in_progress", "completed", "cancelled"}));
  in.priority = set_to(body.optional_enum("priority", {"low", "medium", "high", "urgent"}));
  in.assigned_to = nullable("assigned_to", kMaxId);
  if (in.assigned_to.given && in.assigned_to.value && in.assigned_to.value->empty())
    throw ApiError::validation("assigned_to must not be empty");
  if (body.has("assigned_type") && !raw.at("assigned_type").is_null())
    in.assigned_type = body.optional_enum("assigned_type", {"agent", "user"});
  in.channel_id = nullable("channel_id", kMaxId);
  in.due_date = nullable("due_date", 100);
  if (in.due_date.value) {
    auto tp = util::parse_iso8601(*in.due_date.value);
    if (!tp) throw ApiError::validation("due_date must be an ISO-8601 date");
    in.due_date.value = util::iso8601(*tp);
  }
  if (auto metadata = body.optional_object("metadata")) in.metadata = set_to(json::serialize(*metadata));
  return in;
}

}  // namespace

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
               TaskFilter f;
               f.status = http::query_text(ctx, "status");
               f.priority = http::query_text(ctx, "priority");
               f.assigned_to = http::query_text(ctx, "assigned_to");
               f.created_by = http::query_text(ctx, "created_by");
               f.channel_id = http::query_text(ctx, "channel_id");
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
