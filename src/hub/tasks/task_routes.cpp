#include "hub/tasks/task_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "http/query_params.hpp"
#include "hub/tasks/task_store.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"
#include "hub/webhooks/webhook_events.hpp"
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

void throw_unless_done(TaskOutcome outcome) {
  switch (outcome) {
    case TaskOutcome::done: return;
    case TaskOutcome::not_found: throw ApiError::not_found("Task");
    case TaskOutcome::channel_not_found: throw ApiError::not_found("Channel");
    case TaskOutcome::assignee_not_found: throw ApiError::not_found("Assignee");
    case TaskOutcome::forbidden: throw ApiError::forbidden("Only the task's creator or an admin can delete it");
  }
}

void refuse_viewers(const RequestContext& ctx) {
  if (ctx.who().is_user() && ctx.who().role == "viewer") throw ApiError::forbidden("Viewers cannot change tasks");
}

// A new assignee: their notification (WebSocket and webhook) and the task:assigned webhook.
void announce_assignment(Services& s, const asio::any_io_executor& ex, const RequestContext& ctx,
                         const TaskWrite& written, bool reassigned) {
  const std::string& org = ctx.who().org_id;
  if (written.notification_id) {
    s.events.notification_created(org, *written.notification_id);
    s.webhooks->fire_notifications(ex, org, {*written.notification_id});
  }
  s.webhooks->fire(ex, org, "task:assigned",
                   task_assigned_data(written.task, ctx.who().id, reassigned, written.previous_assigned_to),
                   written.task.at("channel_id").is_null()
                       ? std::nullopt
                       : std::optional<std::string>(std::string(written.task.at("channel_id").as_string())));
}

}  // namespace

void add_task_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<TaskStore>(s.db);

  router.add(verb::post, "/api/v1/tasks", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               refuse_viewers(ctx);
               TaskInput in = read_task(ctx.body, true);
               AuditEntry audit = audit_by(ctx.who(), "task.created", "task", "", ctx.client_ip);
               auto written = co_await store->create(ctx.who(), in, audit);
               throw_unless_done(written.outcome);
               const std::string id(written.task.at("id").as_string());
               s.announce(audit);
               s.events.task_created(ctx.who().org_id, id);
               if (!written.task.at("assigned_to").is_null()) {
                 auto ex = co_await asio::this_coro::executor;
                 announce_assignment(s, ex, ctx, written, false);
               }
               co_return http::created(written.task);
             });

  router.add(verb::get, "/api/v1/tasks", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               TaskFilter f;
               f.status = http::query_text(ctx, "status");
               f.priority = http::query_text(ctx, "priority");
               f.assigned_to = http::query_text(ctx, "assigned_to");
               f.created_by = http::query_text(ctx, "created_by");
               f.channel_id = http::query_text(ctx, "channel_id");
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await store->list(ctx.who(), f, p.limit, p.offset());
               co_return http::paginated(page.tasks, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/tasks/:id", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await store->find(ctx.who(), ctx.param("id"));
               if (!found) throw ApiError::not_found("Task");
               co_return http::ok(*found);
             });

  router.add(verb::patch, "/api/v1/tasks/:id", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               refuse_viewers(ctx);
               TaskInput in = read_task(ctx.body, false);
               AuditEntry audit = audit_by(ctx.who(), "task.updated", "task", "", ctx.client_ip);
               auto written = co_await store->update(ctx.who(), ctx.param("id"), in, audit);
               throw_unless_done(written.outcome);
               s.announce(audit);
               s.events.task_updated(ctx.who().org_id, ctx.param("id"));
               if (written.notification_id) {
                 auto ex = co_await asio::this_coro::executor;
                 announce_assignment(s, ex, ctx, written, true);
               }
               co_return http::ok(written.task);
             });

  router.add(verb::delete_, "/api/v1/tasks/:id", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               refuse_viewers(ctx);
               AuditEntry audit = audit_by(ctx.who(), "task.deleted", "task", "", ctx.client_ip);
               auto outcome = co_await store->remove(ctx.who(), ctx.param("id"), audit);
               throw_unless_done(outcome);
               s.announce(audit);
               json::object data;
               data["deleted"] = true;
               co_return http::ok(data);
             });
}

}  // namespace agenthq::hub
