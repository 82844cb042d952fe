#pragma once
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/pg_connection.hpp"

namespace agenthq::db {

// The tenant a batch of statements runs for. Tenant batches set app.org_id first so that
// row-level security applies; unscoped batches only reach what SECURITY DEFINER functions expose.
struct Scope {
  std::string org_id;  // empty: no tenant
  static Scope none() { return {}; }
  static Scope org(std::string_view id) { return {std::string(id)}; }
};

// A pool of asynchronous connections bound to one event-loop thread (one per thread, so no
// locking). Connections are opened lazily up to max_size and dropped when they break, so the
// server survives a database restart and reconnects on the next request.
class Database {
 public:
  Database(std::string conninfo, std::size_t max_size, std::chrono::milliseconds acquire_timeout);
  ~Database();

  // Runs the statements as one atomic pipeline (one round trip) and returns one result each.
  boost::asio::awaitable<std::vector<PgResult>> run(const Scope& scope, std::vector<Statement> statements);
  boost::asio::awaitable<PgResult> query(const Scope& scope, Statement statement);

  std::size_t open_connections() const { return open_; }
  void close_idle();

 private:
  struct Lease;
  boost::asio::awaitable<std::unique_ptr<PgConnection>> acquire();
  void release(std::unique_ptr<PgConnection> conn);

  std::string conninfo_;
  std::size_t max_size_;
  std::chrono::milliseconds acquire_timeout_;
  std::size_t open_ = 0;  // idle + leased + connecting
  std::vector<std::unique_ptr<PgConnection>> idle_;
  struct Waiter {
    boost::asio::steady_timer timer;
    std::unique_ptr<PgConnection> handed;
    bool slot_freed = false;
  };
  std::deque<std::shared_ptr<Waiter>> waiters_;
  std::shared_ptr<Waiter> next_waiter();
  void publish_idle();                // keeps the process-wide idle gauge in step with idle_
  std::int64_t published_idle_ = 0;
};

}  // namespace agenthq::db
