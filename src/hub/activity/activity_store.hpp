#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

// The ActivityLog object's columns (REST replies and activity:new events).
inline constexpr const char* kActivityColumns =
    "id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, ip_address, created_at";

// Filters of GET /activity; unset members do not filter. Time bounds are epoch microseconds
// (exact, and independent of the session's TimeZone); several bounds all apply.
struct ActivityFilter {
  std::optional<std::string> actor_id;
  std::optional<std::string> actor_type;
  std::optional<std::string> action;
  std::optional<std::string> resource_type;
  std::vector<std::int64_t> created_from;  // created_at >= each
  std::vector<std::int64_t> created_to;    // created_at <= each
};

using ActivityPage = db::ListPage;

// SQL of the audit trail. The table only ever grows: there is no update or delete here, and
// the database refuses them anyway (migration 006).
class ActivityStore {
 public:
  explicit ActivityStore(db::Database& db) : db_(db) {}
  boost::asio::awaitable<boost::json::object> append(const AuditEntry& entry);
  // Newest first (created_at DESC, id DESC), with the full count of matching rows.
  boost::asio::awaitable<ActivityPage> list(const std::string& org_id, const ActivityFilter& filter,
                                            std::int64_t limit, std::int64_t offset);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
