#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "util/rate_limiter.hpp"

namespace agenthq::auth {

// Budgets for API-key verifications that may turn out to be guesses. Every agent's 12-character
// api_key_prefix is visible to its whole org, so anyone can send that prefix with made-up
// secrets; each such request used to cost a bcrypt (~170 ms of a worker). A verification that
// needs bcrypt first takes one unit from its prefix's and its client's budget, and gives it back
// if the key turns out valid; with either budget spent the request is refused (429) before any
// bcrypt. The per-client budget is the smaller one, so a single client cannot spend a prefix's
// budget on its own. Keys already verified are served from ApiKeyCache and never touch this.
// Shared by all event-loop threads.
class KeyGuessThrottle {
 public:
  struct Limits {
    long per_prefix = 20;  // failed verifications per key prefix and window, all clients together
    long per_client = 5;   // failed verifications per client address and window, all prefixes
    std::chrono::milliseconds window{60'000};
  };
  explicit KeyGuessThrottle(Limits limits) : prefixes_(limits.per_prefix, limits.window), clients_(limits.per_client, limits.window) {}
  KeyGuessThrottle() : KeyGuessThrottle(Limits{}) {}

  // Takes one verification from both budgets. nullopt: go ahead; otherwise the seconds until the
  // spent budget renews (nothing is taken then).
  std::optional<long> reserve(const std::string& prefix, const std::string& client);
  // The key was valid: the verification was no guess and costs neither budget.
  void refund(const std::string& prefix, const std::string& client);

 private:
  util::RateLimiter prefixes_;
  util::RateLimiter clients_;
};

}  // namespace agenthq::auth
