#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace agenthq::auth {

// Verified API keys keyed by the SHA-256 of the key, so bcrypt runs once per key and not once
// per request. Misses are remembered briefly too: a flood of wrong keys sharing a real prefix
// would otherwise cost a bcrypt each. Shared by all event-loop threads.
class ApiKeyCache {
 public:
  struct Agent {
    std::string agent_id;
    std::string org_id;
  };
  enum class Lookup { miss, valid, invalid };

  ApiKeyCache(std::chrono::seconds valid_ttl = std::chrono::seconds(60),
              std::chrono::seconds invalid_ttl = std::chrono::seconds(10), std::size_t capacity = 100'000)
      : valid_ttl_(valid_ttl), invalid_ttl_(invalid_ttl), capacity_(capacity) {}

  Lookup find(const std::string& digest, Agent& out);
  void remember_valid(const std::string& digest, Agent agent);
  void remember_invalid(const std::string& digest);
  void forget_agent(const std::string& agent_id);  // the agent was deleted or its key rotated
  std::size_t size();

 private:
  struct Entry {
    std::optional<Agent> agent;  // nullopt: known invalid
    std::chrono::steady_clock::time_point expires;
  };
  void make_room(std::chrono::steady_clock::time_point now);

  std::chrono::seconds valid_ttl_;
  std::chrono::seconds invalid_ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace agenthq::auth
