#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

// The Task object's columns for the table aliased `alias`.
std::string task_columns(const std::string& alias);

// A field a PATCH may set, clear (null) or leave alone (absent).
template <class T>
struct Change {
  bool given = false;
  std::optional<T> value;  // nullopt with given: clear
};

struct TaskInput {
  Change<std::string> title;  // never cleared
  Change<std::string> description;
  Change<std::string> status;    // never cleared
  Change<std::string> priority;  // never cleared
  Change<std::string> assigned_to;
  std::optional<std::string> assigned_type;  // with assigned_to: agent or user (absent: whichever exists)
  Change<std::string> channel_id;
  Change<std::string> due_date;  // ISO-8601 UTC, validated
  Change<std::string> metadata;  // serialised object, never cleared
};

struct TaskFilter {
  std::optional<std::string> status, priority, assigned_to, created_by, channel_id;
};

enum class TaskOutcome { done, not_found, channel_not_found, assignee_not_found, forbidden };

struct TaskWrite {
  TaskOutcome outcome = TaskOutcome::done;
  boost::json::object task;
  std::optional<std::string> notification_id;       // the new assignee's task_assignment
  std::optional<std::string> previous_assigned_to;  // on reassignment
};

using TaskPage = db::ListPage;

// Tasks of the org. A task in a channel is visible only to those who may read the channel. The
// channel and the assignee must belong to the org (404 otherwise); the assignee is notified in
// the same statement. completed_at is set when a task becomes completed (also at creation) and
// cleared when it leaves that status.
class TaskStore {
 public:
  explicit TaskStore(db::Database& db) : db_(db) {}

  boost::asio::awaitable<TaskWrite> create(const auth::Identity& who, const TaskInput& input, const AuditEntry& audit);
  boost::asio::awaitable<TaskWrite> update(const auth::Identity& who, const std::string& id, const TaskInput& input,
                                           const AuditEntry& audit);
  // Only the creator or an owner/admin may delete (forbidden otherwise).
  boost::asio::awaitable<TaskOutcome> remove(const auth::Identity& who, const std::string& id, const AuditEntry& audit);
  boost::asio::awaitable<std::optional<boost::json::object>> find(const auth::Identity& who, const std::string& id);
  boost::asio::awaitable<TaskPage> list(const auth::Identity& who, const TaskFilter& filter, std::int64_t limit,
                                        std::int64_t offset);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
