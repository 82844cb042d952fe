#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace agenthq::auth {

// Verified API keys keyed by the SHA-256 of the key, so bcrypt runs once per key and not once
// per request. Misses are remembered briefly too: the same wrong key sent again costs nothing.
// A valid key whose entry expired is still recognised for a while (stale): it is verified again,
// but as a key known to be real it is exempt from the guess throttle (KeyGuessThrottle), so a
// flood of guesses at its prefix cannot lock the real key out. Shared by all event-loop threads.
class ApiKeyCache {
 public:
  struct Agent {
    std::string agent_id;
    std::string org_id;
  };
  enum class Lookup { miss, valid, invalid, stale };

  ApiKeyCache(std::chrono::seconds valid_ttl = std::chrono::seconds(60),
              std::chrono::seconds invalid_ttl = std::chrono::seconds(10), std::size_t capacity = 100'000,
              std::chrono::seconds known_ttl = std::chrono::hours(24))
      : valid_ttl_(valid_ttl), invalid_ttl_(invalid_ttl), known_ttl_(known_ttl), capacity_(capacity) {}

  Lookup find(const std::string& digest, Agent& out);
  void remember_valid(const std::string& digest, Agent agent);
  void remember_invalid(const std::string& digest);
  void forget_agent(const std::string& agent_id);  // the agent was deleted or its key rotated
  std::size_t size();

 private:
  struct Entry {
    std::optional<Agent> agent;  // nullopt: known invalid
    std::chrono::steady_clock::time_point expires;
    std::chrono::steady_clock::time_point known_until;  // valid keys: stale from expires until then
  };
  void make_room(std::chrono::steady_clock::time_point now);

  std::chrono::seconds valid_ttl_;
  std::chrono::seconds invalid_ttl_;
  std::chrono::seconds known_ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace agenthq::auth
