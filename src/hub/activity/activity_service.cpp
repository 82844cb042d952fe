#include "hub/activity/activity_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

asio::awaitable<json::object> ActivityService::record(const auth::Identity& who, const std::string& ip,
                                                      std::string action,
                                                      const std::optional<std::string>& resource_type,
                                                      const std::optional<std::string>& resource_id,
                                                      json::object details) {
  AuditEntry entry = audit_by(who, std::move(action), resource_type.value_or(""), resource_id.value_or(""), ip,
                              std::move(details));
  auto row = co_await store_.append(entry);
  s_.announce(entry);
  co_return row;
}

asio::awaitable<ActivityPage> ActivityService::list(const auth::Identity& who, const ActivityFilter& filter,
                                                    std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who.org_id, filter, limit, offset);
}

}  // namespace agenthq::hub
