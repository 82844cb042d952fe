#include "hub/invites/invite_service.hpp"

#include "auth/api_key.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "http/api_error.hpp"
#include "hub/invites/invite_token.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using http::ApiError;

namespace {

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

asio::awaitable<json::object> InviteService::create(const auth::Identity& who, const std::string& ip,
                                                    const std::string& type, const std::optional<std::string>& email,
                                                    const std::string& role) {
  AuditEntry audit = audit_by(who, "invite.created", "invite", "", ip);
  const std::string token = new_invite_token();
  auto r = co_await store_.create(who, type, email, role, token, audit);
  throw_for(r.outcome, false);
  s_.announce(audit);
  co_return invite_and_token(std::move(r.invite));
}

asio::awaitable<InvitePage> InviteService::list(const auth::Identity& who, const std::optional<std::string>& type,
                                                std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who, type, limit, offset);
}

asio::awaitable<json::object> InviteService::revoke(const auth::Identity& who, const std::string& ip,
                                                    const std::string& id) {
  AuditEntry audit = audit_by(who, "invite.revoked", "invite", "", ip);
  auto r = co_await store_.revoke(who, id, audit);
  throw_for(r.outcome, false);
  s_.announce(audit);
  co_return std::move(r.invite);
}

asio::awaitable<json::object> InviteService::lookup(const std::string& token) {
  if (!is_invite_token(token)) throw_for(InviteOutcome::invalid_token, false);
  auto r = co_await store_.lookup(token);
  throw_for(r.outcome, false);
  json::object data;
  data["invite"] = std::move(r.invite);
  co_return data;
}

asio::awaitable<json::object> InviteService::redeem_agent(const std::string& ip, const std::string& token,
                                                          const std::string& name) {
  if (!is_invite_token(token)) throw_for(InviteOutcome::invalid_token, true);
  Redemption red;
  red.token = token;
  red.name = name;
  const std::string key = auth::generate_api_key();
  red.key_prefix = auth::api_key_lookup_prefix(key);
  const int cost = s_.settings.bcrypt_cost;
  red.secret_hash = co_await auth::offload(s_.workers, hash_with_cost, key, cost);
  red.new_id = util::new_ulid();
  red.audit_id = util::new_ulid();
  auto r = co_await store_.redeem_agent(red, ip);
  throw_for(r.outcome, true);
  s_.events.activity_logged(std::string(r.created.at("org_id").as_string()), red.audit_id);
  json::object data;
  data["orgId"] = r.created.at("org_id");
  data["agent"] = std::move(r.created);
  data["apiKey"] = key;
  co_return data;
}

asio::awaitable<json::object> InviteService::redeem_user(const std::string& ip, const std::string& token,
                                                         const std::string& name, const std::string& password) {
  if (password.size() > auth::kMaxPasswordBytes) throw ApiError::validation("password must be at most 72 bytes");
  if (!is_invite_token(token)) throw_for(InviteOutcome::invalid_token, true);
  Redemption red;
  red.token = token;
  red.name = name;
  const int cost = s_.settings.bcrypt_cost;
  red.secret_hash = co_await auth::offload(s_.workers, hash_with_cost, password, cost);
  red.new_id = util::new_ulid();
  red.audit_id = util::new_ulid();
  auto r = co_await store_.redeem_user(red, ip);
  throw_for(r.outcome, true);
  const auto& user = r.created.at("user").as_object();
  const std::string id(user.at("id").as_string()), org(user.at("org_id").as_string()), role(user.at("role").as_string());
  s_.events.activity_logged(org, red.audit_id);
  json::object data = std::move(r.created);
  data["accessToken"] = s_.jwt.issue(id, org, role, auth::TokenType::access, s_.settings.jwt_ttl);
  data["refreshToken"] = s_.jwt.issue(id, org, role, auth::TokenType::refresh, s_.settings.jwt_refresh_ttl);
  co_return data;
}

}  // namespace agenthq::hub
