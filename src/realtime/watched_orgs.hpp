#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace agenthq::realtime {

// The orgs someone in this process is waiting for events of (a WebSocket session or an MCP
// wait), counted over every event-loop thread. The event listener reads back only the events
// of these orgs: with nobody of an org connected here, its posts cost this process no reads.
// Thread-safe.
class WatchedOrgs {
 public:
  void watch(const std::string& org_id) {
    std::lock_guard lock(mutex_);
    ++counts_[org_id];
  }
  void unwatch(const std::string& org_id) {
    std::lock_guard lock(mutex_);
    auto it = counts_.find(org_id);
    if (it != counts_.end() && --it->second == 0) counts_.erase(it);
  }
  bool watched(const std::string& org_id) const {
    std::lock_guard lock(mutex_);
    return counts_.contains(org_id);
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> counts_;
};

}  // namespace agenthq::realtime
