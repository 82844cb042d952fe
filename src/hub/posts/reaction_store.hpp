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

struct AddedReaction {
  bool post_found = false;        // readable and not deleted
  boost::json::object reaction;   // the new row, or the caller's existing one with that emoji
  bool is_new = false;
  std::optional<std::string> notification_id;  // the post author's reaction notification
};

// Reactions: one per post, author and emoji. Adding one to a deleted post, or to a post of a
// channel the caller cannot read, finds no post.
class ReactionStore {
 public:
  explicit ReactionStore(db::Database& db) : db_(db) {}

  boost::asio::awaitable<AddedReaction> add(const auth::Identity& who, const std::string& post_id,
                                            const std::string& emoji, const AuditEntry& audit);
  // Removes the caller's own reaction; false when there was none.
  boost::asio::awaitable<bool> remove(const auth::Identity& who, const std::string& post_id, const std::string& emoji,
                                      const AuditEntry& audit);
  // [{emoji, count, authors:[{id,type}]}], groups by first reaction, authors in reaction order;
  // nullopt when the post is not readable in the org.
  boost::asio::awaitable<std::optional<boost::json::array>> summary(const auth::Identity& who,
                                                                    const std::string& post_id);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
