#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/services.hpp"
#include "hub/tasks/task_store.hpp"

namespace agenthq::hub {

// Tasks end to end (see PostService): viewers read but never write; a new assignee gets a
// task_assignment notification (WebSocket and webhook) and the task:assigned webhook fires.
// Failures are http::ApiError values.
class TaskService {
 public:
  explicit TaskService(Services& s) : s_(s), store_(s.db) {}

  // task.created; announces task:new.
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const TaskInput& input);
  // task.updated; announces task:updated.
  boost::asio::awaitable<boost::json::object> update(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id, const TaskInput& input);
  // task.deleted; the creator or an owner/admin only.
  boost::asio::awaitable<void> remove(const auth::Identity& who, const std::string& ip, const std::string& id);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& id);
  boost::asio::awaitable<TaskPage> list(const auth::Identity& who, const TaskFilter& filter, std::int64_t limit,
                                        std::int64_t offset);

 private:
  boost::asio::awaitable<void> announce_assignment(const auth::Identity& who, const TaskWrite& written,
                                                   bool reassigned);

  Services& s_;
  TaskStore store_;
};

}  // namespace agenthq::hub
