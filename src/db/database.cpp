#include "db/database.hpp"

#include <boost/asio.hpp>

#include "db/pg_error.hpp"
#include "db/statement_log.hpp"
#include "metrics/metrics.hpp"

namespace agenthq::db {
namespace asio = boost::asio;

namespace {
constexpr std::chrono::seconds kConnectTimeout{5};
}

Database::Database(std::string conninfo, std::size_t max_size, std::chrono::milliseconds acquire_timeout)
    : conninfo_(std::move(conninfo)), max_size_(max_size ? max_size : 1), acquire_timeout_(acquire_timeout) {}

Database::~Database() {
  idle_.clear();
  publish_idle();
}

void Database::close_idle() {
  open_ -= idle_.size();
  idle_.clear();
  publish_idle();
}

void Database::publish_idle() {
  const auto now = static_cast<std::int64_t>(idle_.size());
  metrics::registry().pool_idle.add(now - published_idle_);
  published_idle_ = now;
}

asio::awaitable<std::unique_ptr<PgConnection>> Database::acquire() {
  for (;;) {
    while (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      publish_idle();
      if (conn->usable()) co_return conn;
      --open_;
    }
    if (open_ < max_size_) {
      ++open_;
      try {
        co_return co_await PgConnection::connect(conninfo_, kConnectTimeout);
      } catch (...) {
        --open_;
        throw;
      }
    }
    auto ex = co_await asio::this_coro::executor;
    auto waiter = std::make_shared<Waiter>(Waiter{asio::steady_timer(ex, acquire_timeout_), nullptr});
    waiters_.push_back(waiter);
    co_await waiter->timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (waiter->handed) co_return std::move(waiter->handed);
    if (!waiter->slot_freed) {
      std::erase(waiters_, waiter);
      throw PgUnavailable("database busy: no connection became free in time");
    }
    // A broken connection was dropped: its slot is free, loop to open a new one.
  }
}

std::shared_ptr<Database::Waiter> Database::next_waiter() {
  // A waiter only the queue still references belongs to a coroutine that is gone.
  while (!waiters_.empty()) {
    auto w = std::move(waiters_.front());
    waiters_.pop_front();
    if (w.use_count() > 1) return w;
  }
  return nullptr;
}

void Database::release(std::unique_ptr<PgConnection> conn) {
  if (!conn->usable()) {
    --open_;
    if (auto w = next_waiter()) {
      w->slot_freed = true;
      w->timer.cancel();
    }
    return;
  }
  if (auto w = next_waiter()) {
    w->handed = std::move(conn);
    w->timer.cancel();
    return;
  }
  idle_.push_back(std::move(conn));
  publish_idle();
}

// Returns the connection to the pool however the borrowing coroutine ends, including when it
// is destroyed mid-query at shutdown (the connection is then unusable and gets dropped).
struct Database::Lease {
  Database* db;
  std::unique_ptr<PgConnection> conn;
  ~Lease() {
    metrics::registry().pool_in_use.add(-1);
    if (conn) db->release(std::move(conn));
  }
};

asio::awaitable<std::vector<PgResult>> Database::run(const Scope& scope, std::vector<Statement> statements) {
  // Not `Lease lease{this, co_await acquire()}`: g++ 12 mis-destroys temporaries of a co_await
  // inside aggregate initialisation.
  const auto waiting_since = std::chrono::steady_clock::now();
  auto acquired = co_await acquire();
  metrics::registry().pool_wait.observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - waiting_since).count());
  metrics::registry().pool_in_use.add(1);
  Lease lease{this, std::move(acquired)};
  auto& conn = lease.conn;
  // Only switch the tenant setting when this connection last served someone else: most
  // batches need no extra statement at all.
  bool scoped = false;
  if (conn->org_scope() != scope.org_id) {
    statements.insert(statements.begin(),
                      Statement{"SELECT set_config('app.org_id', $1, false)", {scope.org_id}});
    scoped = true;
  }
  log_statements(statements);
  auto results = co_await conn->execute(statements);
  if (scoped) {
    conn->org_scope() = scope.org_id;
    results.erase(results.begin());
  }
  co_return results;
}

asio::awaitable<PgResult> Database::query(const Scope& scope, Statement statement) {
  std::vector<Statement> one;
  one.push_back(std::move(statement));
  auto results = co_await run(scope, std::move(one));
  co_return std::move(results.front());
}

}  // namespace agenthq::db
