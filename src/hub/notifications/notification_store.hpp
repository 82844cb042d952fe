#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"

namespace agenthq::hub {

struct NotificationFilter {
  std::optional<std::string> type;
  std::optional<bool> read;  // absent: both
};

struct NotificationPage {
  boost::json::array notifications;
  std::int64_t total = 0;
};

// The caller's own notifications (recipient = the caller's id and type, in the caller's org).
// Nobody reads or marks anyone else's.
class NotificationStore {
 public:
  explicit NotificationStore(db::Database& db) : db_(db) {}

  boost::asio::awaitable<NotificationPage> list(const auth::Identity& who, const NotificationFilter& filter,
                                                std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<std::int64_t> unread_count(const auth::Identity& who);
  // false when the notification is not the caller's (or does not exist).
  boost::asio::awaitable<bool> mark_read(const auth::Identity& who, const std::string& id);
  boost::asio::awaitable<void> mark_all_read(const auth::Identity& who);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
