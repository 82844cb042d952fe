#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace agenthq::util {

// Fixed-window request counter per client key (the contract's global limiter: the window
// starts at a key's first hit). Shared by all event-loop threads, hence the mutex; the map is
// pruned of expired windows as it grows so a flood of addresses cannot exhaust memory.
class RateLimiter {
 public:
  struct Decision {
    bool allowed;
    long limit;
    long remaining;
    long reset_seconds;
  };
  RateLimiter(long max_requests, std::chrono::milliseconds window) : max_(max_requests), window_(window) {}
  Decision hit(const std::string& key, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());
  // Takes back one hit of the key's current window (a hit that turned out not to count).
  void refund(const std::string& key);
  long max() const { return max_; }
  std::chrono::milliseconds window() const { return window_; }

 private:
  struct Window {
    std::chrono::steady_clock::time_point start;
    long count;
  };
  long max_;
  std::chrono::milliseconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  std::size_t prune_at_ = 1024;
};

}  // namespace agenthq::util
