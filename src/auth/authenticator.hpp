#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "auth/api_key_cache.hpp"
#include "auth/identity.hpp"
#include "auth/jwt.hpp"
#include "auth/key_guess_throttle.hpp"

namespace agenthq::db {
class Database;
}

namespace agenthq::auth {

// Turns a bearer token into an Identity or throws AuthError (throttled when a client or key
// prefix has spent its budget of failed key checks, see KeyGuessThrottle). One per
// event-loop thread: it coalesces concurrent first uses of the same API key so that a burst
// of requests with a new key costs one bcrypt, not one each.
class Authenticator {
 public:
  // key_workers: the pool that runs API-key bcrypts, separate from the one logins use, so key
  // checks can never queue in front of a login.
  Authenticator(const JwtCodec& jwt, ApiKeyCache& cache, KeyGuessThrottle& throttle,
                boost::asio::thread_pool& key_workers)
      : jwt_(jwt), cache_(cache), throttle_(throttle), key_workers_(key_workers) {}

  // The value of an Authorization header: "Bearer <JWT or ahq_ key>"; client: the peer address.
  boost::asio::awaitable<Identity> authenticate(std::string_view authorization, db::Database& db,
                                                const std::string& client);
  // A bare token (WebSocket ?token=).
  boost::asio::awaitable<Identity> authenticate_token(std::string_view token, db::Database& db,
                                                      const std::string& client);

 private:
  Identity verify_jwt(std::string_view token);
  boost::asio::awaitable<Identity> verify_api_key(std::string_view key, db::Database& db, const std::string& client);
  boost::asio::awaitable<std::optional<ApiKeyCache::Agent>> lookup_api_key(std::string key, db::Database& db,
                                                                          std::string client, bool known_key);

  const JwtCodec& jwt_;
  ApiKeyCache& cache_;
  KeyGuessThrottle& throttle_;
  boost::asio::thread_pool& key_workers_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<boost::asio::steady_timer>>> in_flight_;
  // Access tokens already verified on this thread, until their exp: a signed token never
  // changes, so its signature and claims need checking once, not on every request.
  struct VerifiedToken {
    Identity identity;
    std::int64_t exp;
  };
  std::unordered_map<std::string, VerifiedToken> verified_tokens_;
};

}  // namespace agenthq::auth
