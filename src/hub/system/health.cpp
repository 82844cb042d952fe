#include "hub/system/health.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "util/json_text.hpp"
#include "util/time.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using boost::beast::http::verb;

asio::awaitable<void> HealthProbe::check(db::Database& db) {
  try {
    db::Statement ping("SELECT 1");
    co_await db.query(db::Scope::none(), std::move(ping));
    ok_ = true;
  } catch (const std::exception&) {
    ok_ = false;
  }
}

asio::awaitable<void> HealthProbe::run(db::Database& db, std::chrono::milliseconds interval) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer_ = &timer;
  while (!stopped_) {
    co_await check(db);
    if (stopped_) break;
    timer.expires_after(interval);
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  timer_ = nullptr;
}

void HealthProbe::stop() {
  stopped_ = true;
  if (timer_) timer_->cancel();
}

void add_health_routes(http::Router& router, const HealthProbe& probe) {
  auto health = [&probe](http::RequestContext&) -> asio::awaitable<http::Response> {
    const bool db_ok = probe.database_ok();
    json::object body{{"success", db_ok},
                      {"status", db_ok ? "ok" : "degraded"},
                      {"timestamp", util::iso8601_now()},
                      {"database", db_ok ? "ok" : "unavailable"}};
    if (!db_ok)
      body["error"] = {{"code", "SERVICE_UNAVAILABLE"}, {"message", "The database is unreachable"}};
    co_return http::Response{db_ok ? status::ok : status::service_unavailable, util::to_json(body), {}};
  };
  router.add(verb::get, "/health", http::Access::open, health);
  router.add(verb::get, "/api/v1/health", http::Access::open, health);
}

}  // namespace agenthq::hub
