#include "hub/invites/invite_routes.hpp"

#include <boost/json.hpp>

#include "auth/api_key.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "http/query_params.hpp"
#include "http/rate_limiter.hpp"
#include "hub/invites/invite_store.hpp"
#include "hub/invites/invite_token.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

// Shared by both redeem routes and every event-loop thread (contract §1.6).
http::RateLimiter& redeem_limiter() {
  static http::RateLimiter limiter(10, std::chrono::minutes(15));
  return limiter;
}

void limit_redeems(const RequestContext& ctx) {
  auto d = redeem_limiter().hit(ctx.client_ip);
  if (!d.allowed)
    throw ApiError(status::too_many_requests, "RATE_LIMITED",
                   "Too many invite redemptions; try again in " + std::to_string(d.reset_seconds) + " seconds");
}

// The contract's invite error table.
void throw_for(InviteOutcome o, bool redeeming) {
  switch (o) {
    case InviteOutcome::ok: return;
    case InviteOutcome::invalid_token: throw ApiError(status::not_found, "INVALID_TOKEN", "Invite not found");
    case InviteOutcome::invalid_type:
      throw ApiError(status::bad_request, "INVALID_INVITE_TYPE", "This invite is for a different kind of member");
    case InviteOutcome::expired: throw ApiError(status::gone, "TOKEN_EXPIRED", "This invite has expired");
    case InviteOutcome::revoked:
      if (!redeeming) throw ApiError(status::bad_request, "TOKEN_REVOKED", "This invite was revoked");
      [[fallthrough]];
    case InviteOutcome::used:
      throw ApiError(redeeming ? status::conflict : status::bad_request, "TOKEN_ALREADY_USED",
                     "This invite can no longer be used");
    case InviteOutcome::email_exists: throw ApiError::conflict("EMAIL_EXISTS", "Email already registered");
    case InviteOutcome::pending_exists:
      throw ApiError::bad_request("PENDING_INVITE_EXISTS", "A pending invite for this email exists");
    case InviteOutcome::user_in_org:
      throw ApiError::conflict("USER_ALREADY_IN_ORG", "This person is already a member of the organisation");
    case InviteOutcome::not_found: throw ApiError::not_found("Invite");
    case InviteOutcome::invalid_status:
      throw ApiError::bad_request("INVALID_STATUS", "Only a pending invite can be revoked");
  }
}

std::string hash_with_cost(const std::string& secret, int cost) { return auth::hash_password(secret, cost); }

json::object invite_and_token(json::object invite) {
  json::value token = invite.at("token");
  json::object out;
  out["invite"] = std::move(invite);
  out["token"] = std::move(token);
  return out;
}

}  // namespace

void add_invite_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<InviteStore>(s.db, s.config.presence_timeout);

  router.add(verb::post, "/api/v1/invites/agent", Access::admins,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "invite.created", "invite", "", ctx.client_ip);
               const std::string type = "agent";
               const std::optional<std::string> no_email;
               const std::string role;
               const std::string token = new_invite_token();
               auto r = co_await store->create(ctx.who(), type, no_email, role, token, audit);
               throw_for(r.outcome, false);
               s.announce(audit);
               co_return http::created(invite_and_token(std::move(r.invite)));
             });

  router.add(verb::post, "/api/v1/invites/user", Access::admins,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               std::optional<std::string> email = body.required_string("email", 1, 254);
               if (!http::is_valid_email(*email)) throw ApiError::validation("email must be a valid email address");
               const std::string role = body.optional_enum("role", {"viewer", "member", "admin"}).value_or("member");
               AuditEntry audit = audit_by(ctx.who(), "invite.created", "invite", "", ctx.client_ip);
               const std::string type = "user";
               const std::string token = new_invite_token();
               auto r = co_await store->create(ctx.who(), type, email, role, token, audit);
               throw_for(r.outcome, false);
               s.announce(audit);
               co_return http::created(invite_and_token(std::move(r.invite)));
             });

  router.add(verb::get, "/api/v1/invites", Access::admins,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               http::PageRequest p = http::page_request(ctx);
               const auto type = http::query_text(ctx, "type");
               auto page = co_await store->list(ctx.who(), type, p.limit, p.offset());
               co_return http::paginated(page.invites, {p.page, p.limit, page.total});
             });

  router.add(verb::post, "/api/v1/invites/:id/revoke", Access::admins,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "invite.revoked", "invite", "", ctx.client_ip);
               auto r = co_await store->revoke(ctx.who(), ctx.param("id"), audit);
               throw_for(r.outcome, false);
               s.announce(audit);
               co_return http::ok(r.invite);
             });

  router.add(verb::get, "/api/v1/auth/invites/:token", Access::open,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               if (!is_invite_token(ctx.param("token"))) throw_for(InviteOutcome::invalid_token, false);
               auto r = co_await store->lookup(ctx.param("token"));
               throw_for(r.outcome, false);
               json::object data;
               data["invite"] = std::move(r.invite);
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/auth/invites/redeem", Access::open,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               limit_redeems(ctx);
               BodyReader body(ctx.body);
               Redemption red;
               red.token = body.required_string("token", 1, 100);
               red.name = body.required_string("agentName", 1, 100);
               if (!is_invite_token(red.token)) throw_for(InviteOutcome::invalid_token, true);
               const std::string key = auth::generate_api_key();
               red.key_prefix = auth::api_key_lookup_prefix(key);
               const int cost = s.config.bcrypt_cost;
               red.secret_hash = co_await auth::offload(s.workers, hash_with_cost, key, cost);
               red.new_id = util::new_ulid();
               red.audit_id = util::new_ulid();
               auto r = co_await store->redeem_agent(red, ctx.client_ip);
               throw_for(r.outcome, true);
               s.events.activity_logged(std::string(r.created.at("org_id").as_string()), red.audit_id);
               json::object data;
               data["orgId"] = r.created.at("org_id");
               data["agent"] = std::move(r.created);
               data["apiKey"] = key;
               co_return http::created(data);
             });

  router.add(verb::post, "/api/v1/auth/invites/redeem-user", Access::open,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               limit_redeems(ctx);
               BodyReader body(ctx.body);
               Redemption red;
               red.token = body.required_string("token", 1, 100);
               red.name = body.required_string("name", 1, 100);
               std::string password = body.required_string("password", 8, 1000);
               if (password.size() > auth::kMaxPasswordBytes) throw ApiError::validation("password must be at most 72 bytes");
               if (!is_invite_token(red.token)) throw_for(InviteOutcome::invalid_token, true);
               const int cost = s.config.bcrypt_cost;
               red.secret_hash = co_await auth::offload(s.workers, hash_with_cost, password, cost);
               red.new_id = util::new_ulid();
               red.audit_id = util::new_ulid();
               auto r = co_await store->redeem_user(red, ctx.client_ip);
               throw_for(r.outcome, true);
               const auto& user = r.created.at("user").as_object();
               const std::string id(user.at("id").as_string()), org(user.at("org_id").as_string()),
                   role(user.at("role").as_string());
               s.events.activity_logged(org, red.audit_id);
               json::object data = r.created;
               data["accessToken"] = s.jwt.issue(id, org, role, auth::TokenType::access, s.config.jwt_ttl);
               data["refreshToken"] = s.jwt.issue(id, org, role, auth::TokenType::refresh, s.config.jwt_refresh_ttl);
               co_return http::created(data);
             });
}

}  // namespace agenthq::hub
