#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/posts/mention_store.hpp"
#include "hub/posts/post_edit_store.hpp"
#include "hub/posts/reaction_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Changes to existing posts end to end (see PostService): edits and soft deletes by the author,
// reactions (one per author and emoji; the author is notified of a new one), mentions.
// A post the caller may not read, or that is deleted, is a 404.
class PostChangeService {
 public:
  explicit PostChangeService(Services& s) : s_(s), edits_(s.db), reactions_(s.db), mentions_(s.db) {}

  // post.updated; announces post:updated. The Post as it is now.
  boost::asio::awaitable<boost::json::object> edit(const auth::Identity& who, const std::string& ip,
                                                   const std::string& id, const PostEdit& edit);
  // post.deleted and post:deleted the first time; deleting again changes nothing.
  boost::asio::awaitable<void> remove(const auth::Identity& who, const std::string& ip, const std::string& id);
  boost::asio::awaitable<boost::json::array> edits(const auth::Identity& who, const std::string& id);
  // reaction.added, reaction:new and the author's notification for a new reaction; a repeat
  // returns the existing one.
  boost::asio::awaitable<boost::json::object> react(const auth::Identity& who, const std::string& ip,
                                                    const std::string& post_id, const std::string& emoji);
  // reaction.removed and reaction:removed; false when the caller had not reacted so.
  boost::asio::awaitable<bool> unreact(const auth::Identity& who, const std::string& ip, const std::string& post_id,
                                       const std::string& emoji);
  boost::asio::awaitable<boost::json::array> reactions(const auth::Identity& who, const std::string& post_id);
  boost::asio::awaitable<MentionPage> mentions(const auth::Identity& who, const std::string& agent_id,
                                               std::int64_t limit, std::int64_t offset);

 private:
  Services& s_;
  PostEditStore edits_;
  ReactionStore reactions_;
  MentionStore mentions_;
};

}  // namespace agenthq::hub
