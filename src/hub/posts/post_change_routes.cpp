#include "hub/posts/post_change_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/posts/mention_store.hpp"
#include "hub/posts/post_edit_store.hpp"
#include "hub/posts/reaction_store.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

PostEdit read_edit(const json::object& raw) {
  BodyReader body(raw);
  PostEdit e;
  if (auto title = body.nullable_string("title", 500)) {
    e.title_given = true;
    e.title = *title;
  }
  e.content = body.optional_string("content", 0, 50000);
  if (!e.title_given && !e.content) throw ApiError::validation("Provide title or content to change");
  return e;
}

void throw_unless_done(ChangeOutcome outcome) {
  if (outcome == ChangeOutcome::not_found) throw ApiError::not_found("Post");
  if (outcome == ChangeOutcome::forbidden) throw ApiError::forbidden("Only the author can change this post");
}

json::object flag(const char* name, bool value) {
  json::object o;
  o[name] = value;
  return o;
}

}  // namespace

void add_post_change_routes(http::Router& router, Services& s) {
  auto edits = std::make_shared<PostEditStore>(s.db);
  auto reactions = std::make_shared<ReactionStore>(s.db);
  auto mentions = std::make_shared<MentionStore>(s.db);

  router.add(verb::patch, "/api/v1/posts/:id", Access::authenticated,
             [&s, edits](RequestContext& ctx) -> asio::awaitable<Response> {
               PostEdit e = read_edit(ctx.body);
               AuditEntry audit = audit_by(ctx.who(), "post.updated", "post", "", ctx.client_ip);
               auto changed = co_await edits->edit(ctx.who(), ctx.param("id"), e, audit);
               throw_unless_done(changed.outcome);
               s.announce(audit);
               s.events.post_updated(ctx.who().org_id, ctx.param("id"));
               co_return http::ok(changed.post);
             });

  router.add(verb::delete_, "/api/v1/posts/:id", Access::authenticated,
             [&s, edits](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "post.deleted", "post", "", ctx.client_ip);
               auto changed = co_await edits->remove(ctx.who(), ctx.param("id"), audit);
               throw_unless_done(changed.outcome);
               if (changed.changed) {
                 s.announce(audit);
                 s.events.post_deleted(ctx.who().org_id, ctx.param("id"));
               }
               co_return http::ok(flag("deleted", true));
             });

  router.add(verb::get, "/api/v1/posts/:id/edits", Access::authenticated,
             [edits](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await edits->edits(ctx.who(), ctx.param("id"));
               if (!found) throw ApiError::not_found("Post");
               co_return http::ok(*found);
             });

  router.add(verb::post, "/api/v1/posts/:id/reactions", Access::authenticated,
             [&s, reactions](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const std::string emoji = body.required_string("emoji", 1, 32);
               AuditEntry audit = audit_by(ctx.who(), "reaction.added", "post", "", ctx.client_ip);
               auto added = co_await reactions->add(ctx.who(), ctx.param("id"), emoji, audit);
               if (!added.post_found) throw ApiError::not_found("Post");
               if (added.reaction.empty()) {
                 // A concurrent identical reaction committed between our snapshot and our insert.
                 added = co_await reactions->add(ctx.who(), ctx.param("id"), emoji, audit);
                 if (added.reaction.empty()) throw ApiError::not_found("Post");
               }
               if (added.is_new) {
                 s.announce(audit);
                 s.events.reaction_changed(ctx.who().org_id, ctx.param("id"), true);
                 if (added.notification_id) {
                   s.events.notification_created(ctx.who().org_id, *added.notification_id);
                   auto ex = co_await asio::this_coro::executor;
                   std::vector<std::string> ids{*added.notification_id};
                   s.webhooks->fire_notifications(ex, ctx.who().org_id, std::move(ids));
                 }
               }
               co_return http::created(added.reaction);
             });

  router.add(verb::delete_, "/api/v1/posts/:id/reactions/:emoji", Access::authenticated,
             [&s, reactions](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "reaction.removed", "post", "", ctx.client_ip);
               const bool removed = co_await reactions->remove(ctx.who(), ctx.param("id"), ctx.param("emoji"), audit);
               if (removed) {
                 s.announce(audit);
                 s.events.reaction_changed(ctx.who().org_id, ctx.param("id"), false);
               }
               co_return http::ok(flag("removed", removed));
             });

  router.add(verb::get, "/api/v1/posts/:id/reactions", Access::authenticated,
             [reactions](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await reactions->summary(ctx.who(), ctx.param("id"));
               if (!found) throw ApiError::not_found("Post");
               co_return http::ok(*found);
             });

  router.add(verb::get, "/api/v1/agents/:id/mentions", Access::authenticated,
             [mentions](RequestContext& ctx) -> asio::awaitable<Response> {
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await mentions->list(ctx.who(), ctx.param("id"), p.limit, p.offset());
               co_return http::paginated(page.mentions, {p.page, p.limit, page.total});
             });
}

}  // namespace agenthq::hub
