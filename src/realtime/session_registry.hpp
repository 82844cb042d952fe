#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "realtime/event.hpp"

namespace agenthq::realtime {

class WsSession;

// The WebSocket sessions of one event-loop thread, by org. Only that thread touches it.
class SessionRegistry {
 public:
  void add(const std::shared_ptr<WsSession>& session);
  void remove(const WsSession* session);
  void deliver(const std::vector<Event>& events);
  void close_all();
  std::size_t size() const;

 private:
  std::unordered_map<std::string, std::vector<std::weak_ptr<WsSession>>> by_org_;
};

}  // namespace agenthq::realtime
