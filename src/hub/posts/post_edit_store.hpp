#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

struct PostEdit {
  bool title_given = false;
  std::optional<std::string> title;  // with title_given: the new title (nullopt clears it)
  std::optional<std::string> content;
};

// not_found also covers deleted posts (they cannot be edited) and unreadable channels.
enum class ChangeOutcome { done, not_found, forbidden };

struct ChangedPost {
  ChangeOutcome outcome = ChangeOutcome::done;
  boost::json::object post;  // the post after the change
  bool changed = false;      // delete: false when it was already deleted
};

// Editing, soft-deleting and the edit history of posts. Only the author (same id and type) may
// edit or delete; each change, its history row and its audit entry are one statement, and the
// post row is locked first, so an edit racing a delete either happens before it or sees it.
class PostEditStore {
 public:
  explicit PostEditStore(db::Database& db) : db_(db) {}

  boost::asio::awaitable<ChangedPost> edit(const auth::Identity& who, const std::string& id, const PostEdit& edit,
                                           const AuditEntry& audit);
  boost::asio::awaitable<ChangedPost> remove(const auth::Identity& who, const std::string& id, const AuditEntry& audit);
  // PostEdit rows newest first; nullopt when the post is not readable in the org.
  boost::asio::awaitable<std::optional<boost::json::array>> edits(const auth::Identity& who, const std::string& id);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
