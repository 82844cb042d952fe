#include "util/rate_limiter.hpp"

namespace agenthq::util {

RateLimiter::Decision RateLimiter::hit(const std::string& key, std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= prune_at_) {
    std::erase_if(windows_, [&](const auto& kv) { return now - kv.second.start >= window_; });
    prune_at_ = std::max<std::size_t>(1024, windows_.size() * 2);
  }
  auto& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_) w = {now, 0};
  ++w.count;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w.start + window_ - now).count();
  long reset = static_cast<long>((left + 999) / 1000);
  return {w.count <= max_, max_, std::max(0L, max_ - w.count), reset};
}

void RateLimiter::refund(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it != windows_.end() && it->second.count > 0) --it->second.count;
}

}  // namespace agenthq::util
