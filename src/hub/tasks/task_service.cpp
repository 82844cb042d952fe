#include "hub/tasks/task_service.hpp"

#include <boost/asio/this_coro.hpp>

#include "http/api_error.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"
#include "hub/webhooks/webhook_events.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

namespace {

void throw_unless_done(TaskOutcome outcome) {
  switch (outcome) {
    case TaskOutcome::done: return;
    case TaskOutcome::not_found: throw ApiError::not_found("Task");
    case TaskOutcome::channel_not_found: throw ApiError::not_found("Channel");
    case TaskOutcome::assignee_not_found: throw ApiError::not_found("Assignee");
    case TaskOutcome::forbidden: throw ApiError::forbidden("Only the task's creator or an admin can delete it");
  }
}

void refuse_viewers(const auth::Identity& who) {
  if (who.is_viewer()) throw ApiError::forbidden("Viewers cannot change tasks");
}

std::optional<std::string> channel_of(const json::object& task) {
  const auto& channel = task.at("channel_id");
  return channel.is_string() ? std::optional<std::string>(std::string(channel.as_string())) : std::nullopt;
}

}  // namespace

asio::awaitable<void> TaskService::announce_assignment(const auth::Identity& who, const TaskWrite& written,
                                                       bool reassigned) {
  if (written.notification_id) s_.events.notification_created(who.org_id, *written.notification_id);
  if (!s_.webhooks) co_return;  // seeding has no dispatcher
  auto ex = co_await asio::this_coro::executor;
  if (written.notification_id) s_.webhooks->fire_notifications(ex, who.org_id, {*written.notification_id});
  s_.webhooks->fire(ex, who.org_id, "task:assigned",
                    task_assigned_data(written.task, who.id, reassigned, written.previous_assigned_to),
                    channel_of(written.task));
}

asio::awaitable<json::object> TaskService::create(const auth::Identity& who, const std::string& ip,
                                                  const TaskInput& input) {
  refuse_viewers(who);
  AuditEntry audit = audit_by(who, "task.created", "task", "", ip);
  auto written = co_await store_.create(who, input, audit);
  throw_unless_done(written.outcome);
  s_.announce(audit);
  s_.events.task_created(who.org_id, std::string(written.task.at("id").as_string()));
  if (!written.task.at("assigned_to").is_null()) co_await announce_assignment(who, written, false);
  co_return std::move(written.task);
}

asio::awaitable<json::object> TaskService::update(const auth::Identity& who, const std::string& ip,
                                                  const std::string& id, const TaskInput& input) {
  refuse_viewers(who);
  AuditEntry audit = audit_by(who, "task.updated", "task", "", ip);
  auto written = co_await store_.update(who, id, input, audit);
  throw_unless_done(written.outcome);
  s_.announce(audit);
  s_.events.task_updated(who.org_id, id);
  if (written.notification_id) co_await announce_assignment(who, written, true);
  co_return std::move(written.task);
}

asio::awaitable<void> TaskService::remove(const auth::Identity& who, const std::string& ip, const std::string& id) {
  refuse_viewers(who);
  AuditEntry audit = audit_by(who, "task.deleted", "task", "", ip);
  const TaskOutcome outcome = co_await store_.remove(who, id, audit);
  throw_unless_done(outcome);
  s_.announce(audit);
}

asio::awaitable<json::object> TaskService::find(const auth::Identity& who, const std::string& id) {
  auto found = co_await store_.find(who, id);
  if (!found) throw ApiError::not_found("Task");
  co_return std::move(*found);
}

asio::awaitable<TaskPage> TaskService::list(const auth::Identity& who, const TaskFilter& filter, std::int64_t limit,
                                            std::int64_t offset) {
  co_return co_await store_.list(who, filter, limit, offset);
}

}  // namespace agenthq::hub
