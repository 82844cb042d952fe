#include "hub/accounts/account_service.hpp"

#include <boost/json.hpp>

#include "auth/api_key.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using http::ApiError;

namespace {

// A valid hash to compare against when the email is unknown, so that a wrong email and a wrong
// password take the same time and cannot be told apart.
const std::string& decoy_hash(int cost) {
  static const std::string hash = auth::hash_password("agenthq-decoy-password", cost);
  return hash;
}

std::string hash_with_cost(const std::string& secret, int cost) { return auth::hash_password(secret, cost); }

bool verify_or_decoy(const std::string& password, const std::optional<std::string>& hash, int cost) {
  return auth::verify_password(password, hash ? *hash : decoy_hash(cost));
}

}  // namespace

json::object AccountService::token_pair(const std::string& user_id, const std::string& org_id,
                                        const std::string& role) const {
  return {{"accessToken", s_.jwt.issue(user_id, org_id, role, auth::TokenType::access, s_.settings.jwt_ttl)},
          {"refreshToken", s_.jwt.issue(user_id, org_id, role, auth::TokenType::refresh, s_.settings.jwt_refresh_ttl)}};
}

asio::awaitable<json::object> AccountService::sign_up(const SignUp& in) {
  NewOrganisation n;
  n.org_name = in.org_name;
  n.org_slug = in.org_slug;
  n.email = in.email;
  n.user_name = in.user_name;
  const int cost = s_.settings.bcrypt_cost;
  n.password_hash = co_await auth::offload(s_.workers, hash_with_cost, in.password, cost);
  auto r = co_await store_.register_organisation(n);
  if (r.conflict == RegisterConflict::slug_taken)
    throw ApiError::conflict("ORG_EXISTS", "An organisation with this slug already exists");
  if (r.conflict == RegisterConflict::email_taken)
    throw ApiError::conflict("EMAIL_EXISTS", "A user with this email already exists");
  const std::string org_id(r.org.at("id").as_string());
  json::object data = token_pair(std::string(r.user.at("id").as_string()), org_id, "owner");
  data["org"] = std::move(r.org);
  data["user"] = std::move(r.user);
  co_return data;
}

asio::awaitable<json::object> AccountService::login(const std::string& ip, const std::string& email,
                                                    const std::string& password) {
  auto user = co_await store_.find_login(email);
  std::optional<std::string> hash;
  if (user) hash = user->password_hash;
  const int cost = s_.settings.bcrypt_cost;
  bool match = co_await auth::offload(s_.workers, verify_or_decoy, password, hash, cost);
  if (!user || !match) throw ApiError(status::unauthorized, "INVALID_CREDENTIALS", "Invalid email or password");
  AuditEntry login{user->org_id, user->id, "user", "user.login", "user", user->id, {}, ip};
  co_await store_.record(login);
  s_.announce(login);
  json::object data = token_pair(user->id, user->org_id, user->role);
  data["user"] = {{"id", user->id}, {"email", user->email}, {"name", user->name},
                  {"role", user->role}, {"org_id", user->org_id}};
  co_return data;
}

asio::awaitable<json::object> AccountService::refresh(std::string_view refresh_token) {
  auto verified = s_.jwt.verify(refresh_token);
  if (!verified.claims || verified.claims->type != auth::TokenType::refresh)
    throw ApiError(status::unauthorized, "INVALID_TOKEN", "Invalid or expired refresh token");
  // Unlike the reference, take the role from the database: a demoted or deleted user must not
  // keep their old powers for the refresh token's lifetime.
  auto role = co_await store_.current_role(verified.claims->sub, verified.claims->org_id);
  if (!role) throw ApiError(status::unauthorized, "INVALID_TOKEN", "The user no longer exists");
  json::object data;
  data["accessToken"] =
      s_.jwt.issue(verified.claims->sub, verified.claims->org_id, *role, auth::TokenType::access, s_.settings.jwt_ttl);
  co_return data;
}

asio::awaitable<json::object> AccountService::register_agent(const auth::Identity& who, const std::string& ip,
                                                             const std::string& name,
                                                             const std::optional<std::string>& description) {
  NewAgent a;
  a.org_id = who.org_id;
  a.name = name;
  if (description && !description->empty()) a.description = description;
  a.owner_user_id = who.id;
  const std::string key = auth::generate_api_key();
  a.api_key_prefix = auth::api_key_lookup_prefix(key);
  const int cost = s_.settings.bcrypt_cost;
  a.api_key_hash = co_await auth::offload(s_.workers, hash_with_cost, key, cost);
  AuditEntry audit = audit_by(who, "agent.registered", "agent", "", ip);
  auto agent = co_await store_.create_agent(a, audit);
  s_.announce(audit);
  json::object data;
  data["agent"] = std::move(agent);
  data["apiKey"] = key;
  co_return data;
}

}  // namespace agenthq::hub
