#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace agenthq::mcp {

// MCP Streamable HTTP sessions (Mcp-Session-Id), shared by every event-loop thread of the
// process. A session belongs to the identity that initialized it; nobody else can use it.
// Sessions live in memory: behind a load balancer, route /mcp with session affinity.
class SessionStore {
 public:
  struct Session {
    std::string identity_id;
    std::string org_id;
    std::string protocol_version;
    std::chrono::steady_clock::time_point last_used;
  };

  explicit SessionStore(std::size_t max_sessions = 10000, std::chrono::minutes idle_ttl = std::chrono::minutes(60))
      : max_(max_sessions), ttl_(idle_ttl) {}

  // A new session id (128 random bits, hex).
  std::string open(const std::string& identity_id, const std::string& org_id, const std::string& protocol_version);
  // The session if it exists and belongs to this identity; refreshes its idle time.
  std::optional<Session> use(const std::string& session_id, const std::string& identity_id);
  bool close(const std::string& session_id, const std::string& identity_id);
  std::size_t size() const;

 private:
  void expire(std::chrono::steady_clock::time_point now);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
  std::size_t max_;
  std::chrono::minutes ttl_;
};

}  // namespace agenthq::mcp
