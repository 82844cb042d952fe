#include "hub/posts/post_service.hpp"

#include "http/api_error.hpp"
#include "hub/cache/read_caches.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"
#include "hub/webhooks/webhook_events.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

PostService::PostService(Services& s) : s_(s), store_(s.db, s.caches ? &s.caches->post_lists : nullptr) {}

asio::awaitable<json::object> PostService::create(const auth::Identity& who, const std::string& ip,
                                                  const NewPost& post) {
  AuditEntry audit = audit_by(who, "post.created", "post", "", ip);
  auto created = co_await store_.create(who, post, audit);
  switch (created.outcome) {
    case CreateOutcome::created: break;
    case CreateOutcome::channel_not_found: throw ApiError::not_found("Channel");
    case CreateOutcome::parent_not_found: throw ApiError::not_found("Parent post");
    case CreateOutcome::parent_in_other_channel:
      throw ApiError::validation("parent_id must be a post in the same channel");
  }
  s_.announce(audit);
  s_.events.post_created(who.org_id, std::string(created.post.at("id").as_string()));
  for (const auto& id : created.notification_ids) s_.events.notification_created(who.org_id, id);
  // Webhooks run after the reply is decided and never delay it. Seeding has no dispatcher.
  if (s_.webhooks && created.org_has_webhooks) {
    auto ex = co_await asio::this_coro::executor;
    const std::string channel(created.post.at("channel_id").as_string());
    s_.webhooks->fire(ex, who.org_id, "post:created", post_created_data(created.post), channel);
    if (!created.post.at("parent_id").is_null())
      s_.webhooks->fire(ex, who.org_id, "post:reply", post_reply_data(created.post), channel);
    s_.webhooks->fire_notifications(ex, who.org_id, created.notification_ids);
  }
  co_return std::move(created.post);
}

asio::awaitable<PostPage> PostService::list(const auth::Identity& who, const PostFilter& filter, std::int64_t limit,
                                            std::int64_t offset) {
  co_return co_await store_.list(who, filter, limit, offset);
}

asio::awaitable<PostPage> PostService::list_channel(const auth::Identity& who, const PostFilter& filter,
                                                    std::int64_t limit, std::int64_t offset) {
  auto page = co_await store_.list_channel(who, filter, limit, offset);
  if (!page) throw ApiError::not_found("Channel");
  co_return std::move(*page);
}

asio::awaitable<json::object> PostService::thread(const auth::Identity& who, const std::string& id) {
  auto found = co_await store_.find_with_thread(who, id);
  if (!found) throw ApiError::not_found("Post");
  co_return std::move(*found);
}

}  // namespace agenthq::hub
