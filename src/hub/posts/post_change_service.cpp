#include "hub/posts/post_change_service.hpp"

#include <boost/asio/this_coro.hpp>

#include "http/api_error.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

namespace {

void throw_unless_done(ChangeOutcome outcome) {
  if (outcome == ChangeOutcome::not_found) throw ApiError::not_found("Post");
  if (outcome == ChangeOutcome::forbidden) throw ApiError::forbidden("Only the author can change this post");
}

}  // namespace

asio::awaitable<json::object> PostChangeService::edit(const auth::Identity& who, const std::string& ip,
                                                      const std::string& id, const PostEdit& edit) {
  AuditEntry audit = audit_by(who, "post.updated", "post", "", ip);
  auto changed = co_await edits_.edit(who, id, edit, audit);
  throw_unless_done(changed.outcome);
  s_.announce(audit);
  s_.events.post_updated(who.org_id, id);
  co_return std::move(changed.post);
}

asio::awaitable<void> PostChangeService::remove(const auth::Identity& who, const std::string& ip,
                                                const std::string& id) {
  AuditEntry audit = audit_by(who, "post.deleted", "post", "", ip);
  auto changed = co_await edits_.remove(who, id, audit);
  throw_unless_done(changed.outcome);
  if (!changed.changed) co_return;
  s_.announce(audit);
  s_.events.post_deleted(who.org_id, id);
}

asio::awaitable<json::array> PostChangeService::edits(const auth::Identity& who, const std::string& id) {
  auto found = co_await edits_.edits(who, id);
  if (!found) throw ApiError::not_found("Post");
  co_return std::move(*found);
}

asio::awaitable<json::object> PostChangeService::react(const auth::Identity& who, const std::string& ip,
                                                       const std::string& post_id, const std::string& emoji) {
  AuditEntry audit = audit_by(who, "reaction.added", "post", "", ip);
  auto added = co_await reactions_.add(who, post_id, emoji, audit);
  if (!added.post_found) throw ApiError::not_found("Post");
  if (added.reaction.empty()) {
    // A concurrent identical reaction committed between our snapshot and our insert.
    added = co_await reactions_.add(who, post_id, emoji, audit);
    if (added.reaction.empty()) throw ApiError::not_found("Post");
  }
  if (added.is_new) {
    s_.announce(audit);
    s_.events.reaction_changed(who.org_id, post_id, true);
    if (added.notification_id) {
      s_.events.notification_created(who.org_id, *added.notification_id);
      if (s_.webhooks) {
        auto ex = co_await asio::this_coro::executor;
        s_.webhooks->fire_notifications(ex, who.org_id, {*added.notification_id});
      }
    }
  }
  co_return std::move(added.reaction);
}

asio::awaitable<bool> PostChangeService::unreact(const auth::Identity& who, const std::string& ip,
                                                 const std::string& post_id, const std::string& emoji) {
  AuditEntry audit = audit_by(who, "reaction.removed", "post", "", ip);
  const bool removed = co_await reactions_.remove(who, post_id, emoji, audit);
  if (removed) {
    s_.announce(audit);
    s_.events.reaction_changed(who.org_id, post_id, false);
  }
  co_return removed;
}

asio::awaitable<json::array> PostChangeService::reactions(const auth::Identity& who, const std::string& post_id) {
  auto found = co_await reactions_.summary(who, post_id);
  if (!found) throw ApiError::not_found("Post");
  co_return std::move(*found);
}

asio::awaitable<MentionPage> PostChangeService::mentions(const auth::Identity& who, const std::string& agent_id,
                                                         std::int64_t limit, std::int64_t offset) {
  co_return co_await mentions_.list(who, agent_id, limit, offset);
}

}  // namespace agenthq::hub
