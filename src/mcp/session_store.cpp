#include "mcp/session_store.hpp"

#include "metrics/metrics.hpp"
#include "util/crypto.hpp"
#include "util/encoding.hpp"

namespace agenthq::mcp {

void SessionStore::expire(std::chrono::steady_clock::time_point now) {
  std::erase_if(sessions_, [&](const auto& kv) { return now - kv.second.last_used > ttl_; });
  // Still full: the least recently used session goes.
  while (sessions_.size() >= max_) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    sessions_.erase(oldest);
  }
}

std::string SessionStore::open(const std::string& identity_id, const std::string& org_id,
                               const std::string& protocol_version) {
  const auto now = std::chrono::steady_clock::now();
  std::string id = util::hex_encode(util::random_bytes(16));
  std::lock_guard lock(mutex_);
  expire(now);
  sessions_[id] = Session{identity_id, org_id, protocol_version, now};
  metrics::registry().mcp_sessions.set(static_cast<std::int64_t>(sessions_.size()));
  return id;
}

std::optional<SessionStore::Session> SessionStore::use(const std::string& session_id, const std::string& identity_id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end() || it->second.identity_id != identity_id) return std::nullopt;
  const auto now = std::chrono::steady_clock::now();
  if (now - it->second.last_used > ttl_) {
    sessions_.erase(it);
    metrics::registry().mcp_sessions.set(static_cast<std::int64_t>(sessions_.size()));
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second;
}

bool SessionStore::close(const std::string& session_id, const std::string& identity_id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end() || it->second.identity_id != identity_id) return false;
  sessions_.erase(it);
  metrics::registry().mcp_sessions.set(static_cast<std::int64_t>(sessions_.size()));
  return true;
}

std::size_t SessionStore::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace agenthq::mcp
