#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "auth/identity.hpp"
#include "realtime/event.hpp"
#include "realtime/watched_orgs.hpp"

namespace agenthq::realtime {

class WsSession;

// Sees every event of one org as it is delivered on this thread (MCP long-polls); nullptr when the
// server shuts down.
using Tap = std::function<void(const Event*)>;

// The WebSocket sessions of one event-loop thread, by org. Only that thread touches it.
class SessionRegistry {
 public:
  // watched (process-wide, may be null) counts this registry's sessions and taps per org.
  explicit SessionRegistry(WatchedOrgs* watched = nullptr) : watched_(watched) {}
  SessionRegistry(const SessionRegistry&) = delete;
  SessionRegistry& operator=(const SessionRegistry&) = delete;
  ~SessionRegistry();

  void add(const std::shared_ptr<WsSession>& session);
  void remove(const WsSession* session);
  void deliver(const std::vector<Event>& events);
  void close_all();
  std::size_t size() const;

  std::uint64_t add_tap(const std::string& org_id, Tap tap);
  void remove_tap(std::uint64_t id);

 private:
  void watch(const std::string& org_id) {
    if (watched_) watched_->watch(org_id);
  }
  void unwatch(const std::string& org_id) {
    if (watched_) watched_->unwatch(org_id);
  }
  WatchedOrgs* watched_;
  std::unordered_map<std::string, std::vector<std::weak_ptr<WsSession>>> by_org_;
  struct TapEntry {
    std::uint64_t id;
    std::string org_id;
    Tap tap;
  };
  std::vector<TapEntry> taps_;
  std::uint64_t next_tap_ = 1;
};

}  // namespace agenthq::realtime
