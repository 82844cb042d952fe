#pragma once
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include "db/database.hpp"
#include "http/router.hpp"

namespace agenthq::hub {

// Database reachability as last observed by a background probe, so /health answers from
// memory (it is hit by load balancers many times a second) yet tells the truth within a second.
class HealthProbe {
 public:
  bool database_ok() const { return ok_.load(std::memory_order_relaxed); }
  // One ping; what database_ok() reports until the next. The server awaits it before it
  // listens, so /health never answers "unavailable" merely because no probe ran yet.
  boost::asio::awaitable<void> check(db::Database& db);
  // Pings the database every interval until stop() is called; run on one event-loop thread.
  boost::asio::awaitable<void> run(db::Database& db, std::chrono::milliseconds interval);
  // Ends run() now rather than after its current wait (a hub stopping on SIGTERM would otherwise
  // linger up to an interval). Call it on the thread that runs run().
  void stop();

 private:
  std::atomic<bool> ok_{false};
  std::atomic<bool> stopped_{false};
  boost::asio::steady_timer* timer_ = nullptr;  // run()'s, while it runs
};

// GET /health (and /api/v1/health): {"success":true,"status":"ok","timestamp":...,"database":"ok"}.
void add_health_routes(http::Router& router, const HealthProbe& probe);

}  // namespace agenthq::hub
