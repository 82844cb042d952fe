#include "hub/activity/activity_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

asio::awaitable<json::object> ActivityService::record(const auth::Identity& who, const std::string& ip,
                                                      NewActivity recorded) {
  AuditEntry entry = audit_by(who, std::move(recorded.action), recorded.resource_type.value_or(""),
                              recorded.resource_id.value_or(""), ip, std::move(recorded.details));
  auto row = co_await store_.append(entry);
  s_.announce(entry);
  co_return row;
}

asio::awaitable<ActivityPage> ActivityService::list(const auth::Identity& who, const ActivityFilter& filter,
                                                    std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who.org_id, filter, limit, offset);
}

}  // namespace agenthq::hub
