#include "hub/tasks/task_store.hpp"

#include <boost/json.hpp>

#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"
#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/notifications/notification_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {

// $1 org, $2/$3 the caller. Tasks without a channel are the org's; others follow their channel.
std::string task_readable(const std::string& t) {
  return "(" + t + ".channel_id IS NULL OR EXISTS (SELECT 1 FROM channels c WHERE c.org_id = $1 AND c.id = " + t +
         ".channel_id AND " + channel_readable("c", 2, 3) + "))";
}

// CTEs "channel" (the readable channel at `channel`) and "assignee" (id, type of the agent or
// user at `to`, of type `type` when given) for the values bound at those placeholders.
std::string lookups(const std::string& channel, const std::string& to, const std::string& type) {
  return "channel AS (SELECT c.id FROM channels c WHERE c.org_id = $1 AND c.id = " + channel + "::text AND " +
         channel_readable("c", 2, 3) +
         "), assignee AS (SELECT x.id, x.type FROM ("
         " SELECT a.id, 'agent'::text AS type, 0 AS pref FROM agents a WHERE a.org_id = $1 AND a.id = " + to + "::text"
         " UNION ALL SELECT u.id, 'user', 1 FROM users u WHERE u.org_id = $1 AND u.id = " + to + "::text) x"
         " WHERE " + type + "::text IS NULL OR x.type = " + type + "::text ORDER BY x.pref LIMIT 1)";
}

// The assignment notification and the statement's final SELECT, shared by create and update.
std::string notify_and_report(const std::string& written, const std::string& ids, const std::string& outcome_sql) {
  return ", wanted (recipient_id, recipient_type, type, source_id, source_type, title, body) AS ("
         " SELECT w.assigned_to, w.assigned_type, 'task_assignment', w.id, 'task',"
         " 'You were assigned a task: ' || w.title, NULL::text FROM " + written + " w WHERE w.notify"
         "), notified AS (" + insert_notifications_from("wanted", ids, "$2", "$3") +
         ") SELECT " + outcome_sql + " AS outcome, (SELECT id FROM notified LIMIT 1) AS notification_id, w.*"
         " FROM (SELECT 1) one LEFT JOIN " + written + " w ON true";
}

TaskWrite task_write(const db::PgResult& r) {
  TaskWrite out;
  const auto outcome = r.text(0, 0);
  if (outcome == "not_found") out.outcome = TaskOutcome::not_found;
  else if (outcome == "channel_not_found") out.outcome = TaskOutcome::channel_not_found;
  else if (outcome == "assignee_not_found") out.outcome = TaskOutcome::assignee_not_found;
  if (out.outcome != TaskOutcome::done) return out;
  out.notification_id = r.opt_text(0, 1);
  out.task = r.row_json(0);
  if (const auto* prev = out.task.if_contains("previous_assigned_to"); prev && prev->is_string())
    out.previous_assigned_to = std::string(prev->as_string());
  for (const char* extra : {"outcome", "notification_id", "notify", "previous_assigned_to"}) out.task.erase(extra);
  return out;
}

db::Param opt(const Change<std::string>& c) { return c.given ? c.value : std::nullopt; }

}  // namespace

std::string task_columns(const std::string& alias) {
  const std::string p = alias + ".";
  std::string out;
  for (const char* c : {"id", "org_id", "channel_id", "title", "description", "status", "priority", "assigned_to",
                        "assigned_type", "created_by", "created_by_type", "due_date", "completed_at", "metadata",
                        "created_at", "updated_at"}) {
    if (!out.empty()) out += ", ";
    out += p + c;
  }
  return out;
}

asio::awaitable<TaskWrite> TaskStore::create(const auth::Identity& who, const TaskInput& in, const AuditEntry& audit) {
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name())});
  const std::string channel = params.bind(opt(in.channel_id));
  const std::string to = params.bind(opt(in.assigned_to));
  const std::string type = params.bind(in.assigned_type);
  std::string sql = "WITH " + lookups(channel, to, type) +
                    ", inserted AS (INSERT INTO tasks AS t (id, org_id, channel_id, title, description, status, "
                    "priority, assigned_to, assigned_type, created_by, created_by_type, due_date, completed_at, metadata)"
                    " SELECT " + params.bind(util::new_ulid()) + ", $1, (SELECT id FROM channel), " +
                    params.bind(opt(in.title)) + ", " + params.bind(opt(in.description)) + ", ";
  const std::string status = params.bind(in.status.value.value_or("open"));
  sql += status + "::text, " + params.bind(in.priority.value.value_or("medium")) +
         ", (SELECT id FROM assignee), (SELECT type FROM assignee), $2, $3, " + params.bind(opt(in.due_date)) +
         "::timestamptz, CASE WHEN " + status + "::text = 'completed' THEN now() END, ";
  sql += params.bind(in.metadata.value.value_or("{}")) + "::jsonb WHERE (" + channel + "::text IS NULL OR EXISTS "
         "(SELECT 1 FROM channel)) AND (" + to + "::text IS NULL OR EXISTS (SELECT 1 FROM assignee)) RETURNING " +
         task_columns("t") + ", t.assigned_to IS NOT NULL AS notify), audit AS (";
  sql += audit_insert_from(audit, params, "inserted", "inserted.id", "jsonb_build_object('title', inserted.title)");
  sql += ")" + notify_and_report("inserted", params.bind(new_ids(1)),
                                 "CASE WHEN " + channel + "::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM channel) "
                                 "THEN 'channel_not_found' WHEN " + to + "::text IS NOT NULL AND NOT EXISTS (SELECT 1 "
                                 "FROM assignee) THEN 'assignee_not_found' ELSE 'done' END");
  Statement insert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(insert));
  co_return task_write(r);
}

asio::awaitable<TaskWrite> TaskStore::update(const auth::Identity& who, const std::string& id, const TaskInput& in,
                                             const AuditEntry& audit) {
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), id});
  const bool new_channel = in.channel_id.given && in.channel_id.value;
  const bool new_assignee = in.assigned_to.given && in.assigned_to.value;
  const std::string channel = params.bind(new_channel ? in.channel_id.value : std::nullopt);
  const std::string to = params.bind(new_assignee ? in.assigned_to.value : std::nullopt);
  const std::string type = params.bind(in.assigned_type);
  auto set = [&](const char* column, const Change<std::string>& c, const std::string& cast) {
    if (!c.given) return std::string();
    return std::string(", ") + column + " = " + params.bind(c.value) + cast;
  };
  std::string sets = "updated_at = now()";
  sets += set("title", in.title, "::text");
  sets += set("description", in.description, "::text");
  sets += set("priority", in.priority, "::text");
  sets += set("due_date", in.due_date, "::timestamptz");
  sets += set("metadata", in.metadata, "::jsonb");
  if (in.status.given) {
    const std::string status = params.bind(in.status.value);
    sets += ", status = " + status + "::text, completed_at = CASE WHEN " + status +
            "::text <> 'completed' THEN NULL WHEN target.status = 'completed' THEN coalesce(target.completed_at, "
            "now()) ELSE now() END";
  }
  if (in.channel_id.given) sets += ", channel_id = (SELECT id FROM channel)";
  if (in.assigned_to.given)
    sets += ", assigned_to = (SELECT id FROM assignee), assigned_type = (SELECT type FROM assignee)";
  std::string sql =
      "WITH target AS (SELECT t.id, t.status, t.completed_at, t.assigned_to FROM tasks t WHERE t.org_id = $1 AND "
      "t.id = $4 AND " + task_readable("t") + " FOR UPDATE OF t), " + lookups(channel, to, type) +
      ", updated AS (UPDATE tasks t SET " + sets + " FROM target WHERE t.org_id = $1 AND t.id = target.id"
      " AND (" + channel + "::text IS NULL OR EXISTS (SELECT 1 FROM channel))"
      " AND (" + to + "::text IS NULL OR EXISTS (SELECT 1 FROM assignee))"
      " RETURNING " + task_columns("t") + ", target.assigned_to AS previous_assigned_to,"
      " (t.assigned_to IS NOT NULL AND t.assigned_to IS DISTINCT FROM target.assigned_to) AS notify), audit AS (";
  sql += audit_insert_from(audit, params, "updated", "updated.id");
  sql += ")" + notify_and_report("updated", params.bind(new_ids(1)),
                                 "CASE WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not_found' WHEN " + channel +
                                 "::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM channel) THEN 'channel_not_found' "
                                 "WHEN " + to + "::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignee) THEN "
                                 "'assignee_not_found' ELSE 'done' END");
  Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(update));
  co_return task_write(r);
}

asio::awaitable<TaskOutcome> TaskStore::remove(const auth::Identity& who, const std::string& id,
                                               const AuditEntry& audit) {
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), id,
                                who.is_admin() ? "true" : "false"});
  std::string sql =
      "WITH target AS (SELECT t.id, t.created_by, t.created_by_type FROM tasks t WHERE t.org_id = $1 AND t.id = $4 AND " +
      task_readable("t") + "), deleted AS (DELETE FROM tasks t USING target WHERE t.org_id = $1 AND t.id = target.id"
      " AND ($5::boolean OR (target.created_by = $2 AND target.created_by_type = $3)) RETURNING t.id, t.title), audit AS (";
  sql += audit_insert_from(audit, params, "deleted", "deleted.id", "jsonb_build_object('title', deleted.title)");
  sql += ") SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not_found' WHEN EXISTS (SELECT 1 FROM deleted)"
         " THEN 'done' ELSE 'forbidden' END";
  Statement remove(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(remove));
  const auto outcome = r.text(0, 0);
  co_return outcome == "done" ? TaskOutcome::done : outcome == "forbidden" ? TaskOutcome::forbidden : TaskOutcome::not_found;
}

asio::awaitable<std::optional<json::object>> TaskStore::find(const auth::Identity& who, const std::string& id) {
  Statement select("SELECT " + task_columns("t") + " FROM tasks t WHERE t.org_id = $1 AND t.id = $4 AND " +
                       task_readable("t"),
                   {who.org_id, who.id, std::string(who.type_name()), id});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<TaskPage> TaskStore::list(const auth::Identity& who, const TaskFilter& f, std::int64_t limit,
                                          std::int64_t offset) {
  db::PagedQuery q;
  q.columns = task_columns("t");
  q.params = db::SqlParams({who.org_id, who.id, std::string(who.type_name())});
  q.from_where = " FROM tasks t WHERE t.org_id = $1 AND " + task_readable("t");
  q.from_where += q.params.and_equal("t.status", f.status);
  q.from_where += q.params.and_equal("t.priority", f.priority);
  q.from_where += q.params.and_equal("t.assigned_to", f.assigned_to);
  q.from_where += q.params.and_equal("t.created_by", f.created_by);
  q.from_where += q.params.and_equal("t.channel_id", f.channel_id);
  q.order = "t.created_at DESC, t.id DESC";
  const db::Scope scope = db::Scope::org(who.org_id);
  co_return co_await db::read_page(db_, scope, std::move(q), limit, offset);
}

}  // namespace agenthq::hub
