#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <string>
#include <vector>

#include "realtime/event.hpp"
#include "realtime/event_loaders.hpp"

namespace agenthq::db {
class Database;
class PgConnection;
}

namespace agenthq::realtime {

class SessionRegistry;
class WatchedOrgs;

// The process's one LISTEN connection. Each batch of notifications is read back by the loaders
// the resources registered (one query per kind and org, as the org so row-level security applies), turned into
// frames serialised once, and handed to every event-loop thread's registry. When the
// connection drops it reconnects and listens again; events committed meanwhile are missed,
// which the contract allows (notifications are hints; clients catch up from the API).
class EventListener {
 public:
  struct Loop {
    boost::asio::io_context* ioc;
    SessionRegistry* registry;
  };
  // watched (may be null: every org): only these orgs' events are read back.
  EventListener(std::string conninfo, db::Database& reader, const EventLoaders& loaders, std::vector<Loop> loops,
                const WatchedOrgs* watched = nullptr)
      : conninfo_(std::move(conninfo)), reader_(reader), loaders_(loaders), loops_(std::move(loops)),
        watched_(watched) {}

  boost::asio::awaitable<void> run();
  void stop();

 private:
  boost::asio::awaitable<std::vector<Event>> read_back(const std::vector<std::string>& payloads);
  void dispatch(std::vector<Event> events);

  std::string conninfo_;
  db::Database& reader_;
  const EventLoaders& loaders_;
  std::vector<Loop> loops_;
  const WatchedOrgs* watched_;
  bool stopped_ = false;
  db::PgConnection* current_ = nullptr;  // the LISTEN connection while one is open
};

}  // namespace agenthq::realtime
