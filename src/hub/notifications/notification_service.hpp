#pragma once
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/notifications/notification_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// The caller's own notifications. They are written by the changes that cause them (posts,
// reactions, DMs, tasks), in the same statement; here they are only read and marked read, which
// is not audited (nobody else's data changes).
class NotificationService {
 public:
  explicit NotificationService(Services& s) : store_(s.db) {}

  boost::asio::awaitable<NotificationPage> list(const auth::Identity& who, const NotificationFilter& filter,
                                                std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<std::int64_t> unread_count(const auth::Identity& who);
  // 404 for an id that is not one of the caller's notifications.
  boost::asio::awaitable<void> mark_read(const auth::Identity& who, const std::string& id);
  boost::asio::awaitable<void> mark_all_read(const auth::Identity& who);

 private:
  NotificationStore store_;
};

}  // namespace agenthq::hub
