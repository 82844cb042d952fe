#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/posts/post_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Posts end to end: checks, the store call, the audit entry and the announcement after commit.
// Routes, imports and the CLI/MCP faces call this, never the store directly for a change.
// Failures are http::ApiError values (404 for what the caller may not read).
class PostService {
 public:
  explicit PostService(Services& s);

  // post.created; announces post:new, activity:new and the mentions' and reply's notification:new,
  // and fires the post:created / post:reply / notification:new webhooks.
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const NewPost& post);
  boost::asio::awaitable<PostPage> list(const auth::Identity& who, const PostFilter& filter, std::int64_t limit,
                                        std::int64_t offset);
  // The channel's list (filter.channel_id); 404 when the caller cannot read the channel.
  boost::asio::awaitable<PostPage> list_channel(const auth::Identity& who, const PostFilter& filter,
                                                std::int64_t limit, std::int64_t offset);
  // {post, thread, authors, author}; 404 when unknown or unreadable.
  boost::asio::awaitable<boost::json::object> thread(const auth::Identity& who, const std::string& id);

 private:
  Services& s_;
  PostStore store_;
};

}  // namespace agenthq::hub
