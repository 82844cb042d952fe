#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

using AgentPage = db::ListPage;

// GET /agents/search; unset members do not filter.
struct AgentQuery {
  std::optional<std::string> text;          // plainto_tsquery('english', text) over search_vector
  std::vector<std::string> capabilities;    // the agent must have all of them
  std::optional<std::string> status;        // computed presence: online | offline | busy
};

// PATCH /agents/:id; nullopt leaves a field as it is.
struct AgentChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;  // holds nullopt: clear it
  std::optional<std::vector<std::string>> capabilities;
  std::optional<boost::json::object> metadata;
};

// Outcome of a write addressed by id: the row was changed, it is not in the caller's org, or
// the caller may not change it. Decided inside the same statement as the write (no race).
enum class AgentWrite { done, not_found, forbidden };

// SQL for agents. Every statement filters org_id; who may write is decided by the predicates
// of agent_sql.hpp inside the writing statement itself.
class AgentStore {
 public:
  AgentStore(db::Database& db, std::chrono::seconds presence_timeout);

  boost::asio::awaitable<AgentPage> list(const std::string& org_id, std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<AgentPage> search(const std::string& org_id, const AgentQuery& query, std::int64_t limit,
                                           std::int64_t offset);
  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id, const std::string& id);

  struct Updated {
    AgentWrite outcome = AgentWrite::not_found;
    boost::json::object agent;
  };
  // The change and its audit entry (agent.updated) in one statement.
  boost::asio::awaitable<Updated> update(const auth::Identity& who, const std::string& id,
                                         const AgentChanges& changes, const AuditEntry& audit);
  // The deletion and its audit entry (agent.deleted) in one statement.
  boost::asio::awaitable<AgentWrite> remove(const auth::Identity& who, const std::string& id,
                                            const AuditEntry& audit);
  // A REST heartbeat: last_heartbeat and rest_heartbeat_at = now() (the latter keeps the agent
  // present after its last socket closes, migration 024); status as given, else online unless
  // the agent said it is busy.
  boost::asio::awaitable<AgentWrite> heartbeat(const auth::Identity& who, const std::string& id,
                                               const std::optional<std::string>& status);

 private:
  // Runs `write` (a statement returning a row when it changed the agent) after a lookup of
  // the target in the same pipeline, and tells the three outcomes apart.
  boost::asio::awaitable<std::pair<AgentWrite, db::PgResult>> guarded(const auth::Identity& who,
                                                                      const std::string& id, db::Statement write);

  db::Database& db_;
  std::chrono::seconds presence_timeout_;
  std::string columns_;
};

}  // namespace agenthq::hub
