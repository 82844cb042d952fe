#include "auth/authenticator.hpp"

#include <boost/asio.hpp>

#include "auth/api_key.hpp"
#include "auth/auth_error.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "db/database.hpp"
#include "util/crypto.hpp"

namespace agenthq::auth {
namespace asio = boost::asio;

namespace {
AuthError invalid_api_key() { return {AuthError::Reason::invalid_api_key, "Invalid API key"}; }
AuthError unauthenticated(const std::string& message) { return {AuthError::Reason::unauthenticated, message}; }
bool verify_api_key_hash(const std::string& key, const std::string& hash) { return verify_password(key, hash); }
}  // namespace

asio::awaitable<Identity> Authenticator::authenticate(std::string_view authorization, db::Database& db,
                                                      const std::string& client) {
  if (authorization.empty()) throw unauthenticated("Missing Authorization header");
  constexpr std::string_view kBearer = "Bearer ";
  if (!authorization.starts_with(kBearer)) throw unauthenticated("Authorization header must be 'Bearer <token>'");
  co_return co_await authenticate_token(authorization.substr(kBearer.size()), db, client);
}

asio::awaitable<Identity> Authenticator::authenticate_token(std::string_view token, db::Database& db,
                                                            const std::string& client) {
  if (token.empty()) throw unauthenticated("Missing token");
  if (is_api_key(token)) co_return co_await verify_api_key(token, db, client);
  co_return verify_jwt(token);
}

Identity Authenticator::verify_jwt(std::string_view token) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  if (auto it = verified_tokens_.find(std::string(token)); it != verified_tokens_.end()) {
    if (it->second.exp > now) return it->second.identity;
    verified_tokens_.erase(it);
  }
  auto result = jwt_.verify(token);
  if (!result.claims) throw unauthenticated("Invalid or expired token");
  if (result.claims->type != TokenType::access)
    throw AuthError(AuthError::Reason::not_access_token, "Not an access token");
  Identity identity{Identity::Kind::user, result.claims->sub, result.claims->org_id, result.claims->role};
  if (verified_tokens_.size() >= 10'000) verified_tokens_.clear();  // bounded; refilled on demand
  verified_tokens_.emplace(std::string(token), VerifiedToken{identity, result.claims->exp});
  return identity;
}

asio::awaitable<Identity> Authenticator::verify_api_key(std::string_view key, db::Database& db,
                                                        const std::string& client) {
  if (!is_well_formed_api_key(key)) throw invalid_api_key();
  const std::string digest = util::sha256(key);
  ApiKeyCache::Agent agent;
  bool known_key = false;
  for (;;) {
    switch (cache_.find(digest, agent)) {
      case ApiKeyCache::Lookup::valid: co_return Identity{Identity::Kind::agent, agent.agent_id, agent.org_id, ""};
      case ApiKeyCache::Lookup::invalid: throw invalid_api_key();
      case ApiKeyCache::Lookup::stale: known_key = true; break;
      case ApiKeyCache::Lookup::miss: break;
    }
    auto pending = in_flight_.find(digest);
    if (pending == in_flight_.end()) break;
    // Someone on this thread is already verifying this key: wait for them, then re-read the cache.
    auto timer = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor,
                                                      asio::steady_timer::time_point::max());
    pending->second.push_back(timer);
    co_await timer->async_wait(asio::as_tuple(asio::use_awaitable));
  }

  in_flight_[digest];
  std::optional<ApiKeyCache::Agent> found;
  try {
    found = co_await lookup_api_key(std::string(key), db, client, known_key);
  } catch (...) {
    for (auto& t : in_flight_[digest]) t->cancel();
    in_flight_.erase(digest);
    throw;
  }
  if (found) {
    cache_.remember_valid(digest, *found);
  } else {
    cache_.remember_invalid(digest);
  }
  for (auto& t : in_flight_[digest]) t->cancel();
  in_flight_.erase(digest);
  if (!found) throw invalid_api_key();
  co_return Identity{Identity::Kind::agent, found->agent_id, found->org_id, ""};
}

asio::awaitable<std::optional<ApiKeyCache::Agent>> Authenticator::lookup_api_key(std::string key, db::Database& db,
                                                                                std::string client, bool known_key) {
  // A secret not verified before may be a guess at a known prefix: it must fit the budgets, and
  // once one is spent it is refused here, before any database work or bcrypt.
  const std::string prefix = api_key_lookup_prefix(key);
  if (!known_key) {
    if (auto wait = throttle_.reserve(prefix, client))
      throw AuthError(AuthError::Reason::throttled,
                      "Too many failed API key checks, try again in " + std::to_string(*wait) + " s", *wait);
  }
  // Not tenant-scoped: the key is what tells us the tenant. A SECURITY DEFINER function
  // exposes only id, org and hash of agents sharing the 12-character prefix.
  db::Statement lookup("SELECT id, org_id, api_key_hash FROM agenthq_agents_by_key_prefix($1)", {prefix});
  db::PgResult rows;
  try {
    rows = co_await db.query(db::Scope::none(), std::move(lookup));
  } catch (...) {
    if (!known_key) throttle_.refund(prefix, client);  // nothing was checked
    throw;
  }
  for (int r = 0; r < rows.rows(); ++r) {
    std::string hash(rows.text(r, 2));
    bool match = co_await offload(key_workers_, &verify_api_key_hash, key, hash);
    if (match) {
      if (!known_key) throttle_.refund(prefix, client);  // a real key, not a guess
      co_return ApiKeyCache::Agent{std::string(rows.text(r, 0)), std::string(rows.text(r, 1))};
    }
  }
  // No agent has this prefix: no bcrypt ran, so it costs no budget either.
  if (rows.empty() && !known_key) throttle_.refund(prefix, client);
  co_return std::nullopt;
}

}  // namespace agenthq::auth
