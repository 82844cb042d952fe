#include "hub/accounts/account_routes.hpp"

#include <boost/json.hpp>

#include "auth/api_key.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/accounts/account_store.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

std::string read_password(BodyReader& body, std::size_t min_len) {
  std::string pw = body.required_string("password", min_len, 1000);
  // bcrypt silently ignores everything past 72 bytes; refuse rather than pretend.
  if (pw.size() > auth::kMaxPasswordBytes) throw ApiError::validation("password must be at most 72 bytes");
  return pw;
}

std::string read_email(BodyReader& body) {
  std::string email = body.required_string("email", 1, 254);
  if (!http::is_valid_email(email)) throw ApiError::validation("email must be a valid email address");
  return email;
}

json::object token_pair(const Services& s, const std::string& user_id, const std::string& org_id,
                        const std::string& role) {
  return {{"accessToken", s.jwt.issue(user_id, org_id, role, auth::TokenType::access, s.config.jwt_ttl)},
          {"refreshToken", s.jwt.issue(user_id, org_id, role, auth::TokenType::refresh, s.config.jwt_refresh_ttl)}};
}

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

void add_account_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<AccountStore>(s.db, s.config.presence_timeout);

  router.add(verb::post, "/api/v1/auth/register", Access::open,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               NewOrganisation n;
               n.org_name = body.required_string("orgName", 1, 200);
               n.org_slug = body.required_string("orgSlug", 1, 100);
               if (!http::matches_slug(n.org_slug))
                 throw ApiError::validation("orgSlug may contain only lowercase letters, digits and hyphens");
               n.email = read_email(body);
               std::string password = read_password(body, 8);
               n.user_name = body.required_string("name", 1, 200);
               const int cost = s.config.bcrypt_cost;
               n.password_hash = co_await auth::offload(s.workers, hash_with_cost, password, cost);
               auto r = co_await store->register_organisation(n);
               if (r.conflict == RegisterConflict::slug_taken)
                 throw ApiError::conflict("ORG_EXISTS", "An organisation with this slug already exists");
               if (r.conflict == RegisterConflict::email_taken)
                 throw ApiError::conflict("EMAIL_EXISTS", "A user with this email already exists");
               const std::string org_id(r.org.at("id").as_string());
               json::object data = token_pair(s, std::string(r.user.at("id").as_string()), org_id, "owner");
               data["org"] = std::move(r.org);
               data["user"] = std::move(r.user);
               co_return http::created(data);
             });

  router.add(verb::post, "/api/v1/auth/login", Access::open,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               std::string email = read_email(body);
               std::string password = body.required_string("password", 0, 1000);
               auto user = co_await store->find_login(email);
               std::optional<std::string> hash;
               if (user) hash = user->password_hash;
               const int cost = s.config.bcrypt_cost;
               bool match = co_await auth::offload(s.workers, verify_or_decoy, password, hash, cost);
               if (!user || !match)
                 throw ApiError(status::unauthorized, "INVALID_CREDENTIALS", "Invalid email or password");
               AuditEntry login{user->org_id, user->id, "user", "user.login", "user", user->id, {}, ctx.client_ip};
               co_await store->record(login);
               s.announce(login);
               json::object data = token_pair(s, user->id, user->org_id, user->role);
               data["user"] = {{"id", user->id}, {"email", user->email}, {"name", user->name},
                               {"role", user->role}, {"org_id", user->org_id}};
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/auth/refresh", Access::open,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto it = ctx.body.find("refreshToken");
               if (it == ctx.body.end() || !it->value().is_string() || it->value().as_string().empty())
                 throw ApiError::bad_request("MISSING_TOKEN", "refreshToken is required");
               auto verified = s.jwt.verify(std::string_view(it->value().as_string()));
               if (!verified.claims || verified.claims->type != auth::TokenType::refresh)
                 throw ApiError(status::unauthorized, "INVALID_TOKEN", "Invalid or expired refresh token");
               // Unlike the reference, take the role from the database: a demoted or deleted
               // user must not keep their old powers for the refresh token's lifetime.
               auto role = co_await store->current_role(verified.claims->sub, verified.claims->org_id);
               if (!role) throw ApiError(status::unauthorized, "INVALID_TOKEN", "The user no longer exists");
               co_return http::ok(json::object{
                   {"accessToken", s.jwt.issue(verified.claims->sub, verified.claims->org_id, *role,
                                               auth::TokenType::access, s.config.jwt_ttl)}});
             });

  router.add(verb::post, "/api/v1/auth/agents/register", Access::users,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               NewAgent a;
               a.org_id = ctx.who().org_id;
               a.name = body.required_string("name", 1, 200);
               auto description = body.optional_string("description", 0, 5000);
               if (description && !description->empty()) a.description = description;
               a.owner_user_id = ctx.who().id;
               const std::string key = auth::generate_api_key();
               a.api_key_prefix = auth::api_key_lookup_prefix(key);
               const int cost = s.config.bcrypt_cost;
               a.api_key_hash = co_await auth::offload(s.workers, hash_with_cost, key, cost);
               AuditEntry audit = audit_by(ctx.who(), "agent.registered", "agent", "", ctx.client_ip);
               auto agent = co_await store->create_agent(a, audit);
               s.announce(audit);
               co_return http::created(json::object{{"agent", std::move(agent)}, {"apiKey", key}});
             });
}

}  // namespace agenthq::hub
