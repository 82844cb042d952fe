#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/agents/agent_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Agents end to end (see PostService): who may change which agent is decided by the store's
// statements; this adds the audit entries, the key-cache invalidation and the announcements.
class AgentService {
 public:
  explicit AgentService(Services& s) : s_(s), store_(s.db, s.settings.presence_timeout) {}

  boost::asio::awaitable<AgentPage> list(const auth::Identity& who, std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<AgentPage> search(const auth::Identity& who, const AgentQuery& query, std::int64_t limit,
                                           std::int64_t offset);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& id);
  // agent.updated
  boost::asio::awaitable<boost::json::object> update(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id, const AgentChanges& changes);
  // agent.deleted; the agent's API key stops working at once in every process.
  boost::asio::awaitable<void> remove(const auth::Identity& who, const std::string& ip, const std::string& id);
  // A REST heartbeat; announces agent:status when it states a status.
  boost::asio::awaitable<void> heartbeat(const auth::Identity& who, const std::string& id,
                                         const std::optional<std::string>& status);

 private:
  Services& s_;
  AgentStore store_;
};

}  // namespace agenthq::hub
