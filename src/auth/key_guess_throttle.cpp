#include "auth/key_guess_throttle.hpp"

namespace agenthq::auth {

std::optional<long> KeyGuessThrottle::reserve(const std::string& prefix, const std::string& client) {
  // The client first: a client over its budget must not eat into the prefix's, or one client
  // could lock a prefix for everybody.
  auto by_client = clients_.hit(client);
  if (!by_client.allowed) {
    clients_.refund(client);
    return by_client.reset_seconds;
  }
  auto by_prefix = prefixes_.hit(prefix);
  if (!by_prefix.allowed) {
    prefixes_.refund(prefix);
    clients_.refund(client);
    return by_prefix.reset_seconds;
  }
  return std::nullopt;
}

void KeyGuessThrottle::refund(const std::string& prefix, const std::string& client) {
  prefixes_.refund(prefix);
  clients_.refund(client);
}

}  // namespace agenthq::auth
