#include "hub/notifications/notification_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;

asio::awaitable<NotificationPage> NotificationService::list(const auth::Identity& who, const NotificationFilter& filter,
                                                            std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who, filter, limit, offset);
}

asio::awaitable<std::int64_t> NotificationService::unread_count(const auth::Identity& who) {
  co_return co_await store_.unread_count(who);
}

asio::awaitable<void> NotificationService::mark_read(const auth::Identity& who, const std::string& id) {
  const bool found = co_await store_.mark_read(who, id);  // a named result: g++ 12 and co_await in conditions
  if (!found) throw http::ApiError::not_found("Notification");
}

asio::awaitable<void> NotificationService::mark_all_read(const auth::Identity& who) {
  co_await store_.mark_all_read(who);
}

}  // namespace agenthq::hub
