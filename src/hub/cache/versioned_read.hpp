#pragma once
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "hub/cache/versioned_cache.hpp"

namespace agenthq::hub {

// A place in the flight reading one key (FillFlights). The reader's ticket lands the flight when
// it goes, however the reading coroutine ends; a waiter's ticket is empty.
class FlightTicket {
 public:
  FlightTicket() = default;
  FlightTicket(FillFlights& flights, std::string key) : flights_(&flights), key_(std::move(key)) {}
  FlightTicket(FlightTicket&& other) noexcept : flights_(std::exchange(other.flights_, nullptr)), key_(std::move(other.key_)) {}
  FlightTicket& operator=(FlightTicket&& other) noexcept {
    if (this != &other) {
      land();
      flights_ = std::exchange(other.flights_, nullptr);
      key_ = std::move(other.key_);
    }
    return *this;
  }
  ~FlightTicket() { land(); }
  bool reading() const { return flights_ != nullptr; }

 private:
  void land() {
    if (flights_) std::exchange(flights_, nullptr)->land(key_);
  }
  FillFlights* flights_ = nullptr;
  std::string key_;
};

// Joins the flight reading `key`: the first to come reads (its ticket lands the flight); the
// others wait until it lands, at most a second, and then look in the cache again.
inline boost::asio::awaitable<FlightTicket> join_flight(FillFlights& flights, const std::string& key) {
  auto executor = co_await boost::asio::this_coro::executor;
  auto timer = std::make_shared<boost::asio::steady_timer>(executor, std::chrono::seconds(1));
  auto wake = [timer] { boost::asio::post(timer->get_executor(), [timer] { timer->cancel(); }); };
  if (flights.join(key, std::move(wake))) co_return FlightTicket(flights, key);
  co_await timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  co_return FlightTicket();
}

// One read through `cache` under `key`. The org version goes first in the pipeline, so a value
// read after it is at least that new. With a kept value (that `usable`, when given, accepts)
// only the version is asked for, and the kept value answers while the version is unchanged.
// Otherwise (nothing kept, or a change committed since) `statement` is run, its result parsed
// and kept under the version read with it; a kept value that turned out stale costs a second
// round trip. Without a usable kept value, a request that finds another one already reading the
// same key waits for it (at most a second) and then looks again, as a hit would.
template <typename Value>
boost::asio::awaitable<Value> read_versioned(db::Database& db, const std::string& org_id, VersionedCache<Value>& cache,
                                             const std::string& key, std::function<db::Statement()> statement,
                                             std::function<Value(const db::PgResult&)> parse,
                                             std::function<bool(const Value&)> usable = nullptr) {
  auto lookup = [&] {
    auto found = cache.find(key);
    return found && usable && !usable(found->value) ? nullptr : found;
  };
  std::shared_ptr<const typename VersionedCache<Value>::Entry> kept = lookup();
  FlightTicket ticket;
  if (!kept) {
    ticket = co_await join_flight(cache.flights(), key);
    if (!ticket.reading()) kept = lookup();
  }
  const db::Scope scope = db::Scope::org(org_id);
  std::vector<db::Statement> batch;
  batch.emplace_back(kOrgVersionSql, std::vector<db::Param>{org_id});
  if (!kept) batch.push_back(statement());
  std::vector<db::PgResult> results = co_await db.run(scope, std::move(batch));
  std::int64_t version = results[0].integer(0, 0);
  if (kept) {
    if (kept->version == version) co_return kept->value;
    std::vector<db::Statement> again;
    again.emplace_back(kOrgVersionSql, std::vector<db::Param>{org_id});
    again.push_back(statement());
    results = co_await db.run(scope, std::move(again));
    version = results[0].integer(0, 0);
  }
  Value value = parse(results[1]);
  cache.store(key, version, value);
  co_return value;
}

}  // namespace agenthq::hub
