#pragma once
#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"

namespace agenthq::db {
class Database;
}

namespace agenthq::realtime {

class EventBus;

// Where socket presence is recorded: the agents resource implements it with its own SQL
// (hub/agents/agent_presence_store.hpp); realtime knows no table. Each call returns the status
// to announce when the agent's presence changed, nullopt when it did not.
class PresenceStore {
 public:
  virtual ~PresenceStore() = default;
  virtual boost::asio::awaitable<std::optional<std::string>> socket_opened(const auth::Identity& agent,
                                                                           db::Database& db) = 0;
  virtual boost::asio::awaitable<std::optional<std::string>> socket_closed(const auth::Identity& agent,
                                                                           db::Database& db) = 0;
  virtual boost::asio::awaitable<std::optional<std::string>> socket_heartbeat(const auth::Identity& agent,
                                                                              db::Database& db) = 0;
};

// Agent presence driven by its sockets: every connection and disconnection of an agent is
// recorded (the store combines it with REST heartbeats) and a change is announced as
// agent:status. A failure is logged, never fatal to the socket. Shared by all event-loop threads.
class Presence {
 public:
  Presence(PresenceStore& store, EventBus& events) : store_(store), events_(events) {}
  boost::asio::awaitable<void> connected(const auth::Identity& agent, db::Database& db);
  boost::asio::awaitable<void> disconnected(const auth::Identity& agent, db::Database& db);
  boost::asio::awaitable<void> heartbeat(const auth::Identity& agent, db::Database& db);

 private:
  enum class Change { opened, closed, heartbeat };
  boost::asio::awaitable<void> record(const auth::Identity& agent, db::Database& db, Change change);
  PresenceStore& store_;
  EventBus& events_;
};

}  // namespace agenthq::realtime
