#include "db/pg_connection.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

#include "db/pg_error.hpp"

namespace agenthq::db {
namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;

namespace {

std::string connection_message(PGconn* conn) {
  std::string m = conn ? PQerrorMessage(conn) : "out of memory";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// Waits until fd is readable or writable, or the deadline passes. The descriptor is released,
// never closed: libpq owns the socket.
asio::awaitable<bool> wait_fd(int fd, bool for_write, asio::steady_timer::time_point deadline) {
  auto ex = co_await asio::this_coro::executor;
  asio::posix::stream_descriptor d(ex, fd);
  asio::steady_timer timer(ex, deadline);
  auto wait = for_write ? asio::posix::descriptor_base::wait_write : asio::posix::descriptor_base::wait_read;
  auto r = co_await (d.async_wait(wait, asio::as_tuple(asio::use_awaitable)) ||
                     timer.async_wait(asio::as_tuple(asio::use_awaitable)));
  d.release();
  co_return r.index() == 0;
}

}  // namespace

PgConnection::PgConnection(PGconn* conn, asio::posix::stream_descriptor socket)
    : conn_(conn), socket_(std::move(socket)) {}

PgConnection::~PgConnection() {
  if (socket_.is_open()) socket_.release();
  PQfinish(conn_);
}

asio::awaitable<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& conninfo,
                                                                     std::chrono::milliseconds timeout) {
  PGconn* conn = PQconnectStart(conninfo.c_str());
  if (!conn || PQstatus(conn) == CONNECTION_BAD) {
    std::string m = connection_message(conn);
    PQfinish(conn);
    throw PgUnavailable("database connection failed: " + m);
  }
  const auto deadline = asio::steady_timer::clock_type::now() + timeout;
  PostgresPollingStatusType poll = PGRES_POLLING_WRITING;
  while (poll != PGRES_POLLING_OK) {
    if (poll == PGRES_POLLING_FAILED) {
      std::string m = connection_message(conn);
      PQfinish(conn);
      throw PgUnavailable("database connection failed: " + m);
    }
    if (!co_await wait_fd(PQsocket(conn), poll == PGRES_POLLING_WRITING, deadline)) {
      PQfinish(conn);
      throw PgUnavailable("database connection timed out");
    }
    poll = PQconnectPoll(conn);
  }
  if (PQsetnonblocking(conn, 1) != 0 || PQenterPipelineMode(conn) != 1) {
    std::string m = connection_message(conn);
    PQfinish(conn);
    throw PgUnavailable("database connection setup failed: " + m);
  }
  auto ex = co_await asio::this_coro::executor;
  co_return std::unique_ptr<PgConnection>(
      new PgConnection(conn, asio::posix::stream_descriptor(ex, PQsocket(conn))));
}

void PgConnection::fail(const char* what) {
  broken_ = true;
  throw PgUnavailable(std::string(what) + ": " + connection_message(conn_));
}

asio::awaitable<void> PgConnection::wait_readable() {
  auto [ec] = co_await socket_.async_wait(asio::posix::descriptor_base::wait_read,
                                          asio::as_tuple(asio::use_awaitable));
  if (ec) fail("database connection lost");
}

asio::awaitable<void> PgConnection::flush() {
  for (;;) {
    int r = PQflush(conn_);
    if (r == 0) co_return;
    if (r < 0) fail("database write failed");
    // The server may be answering while we still write; read its output so neither side blocks.
    auto [ec] = co_await socket_.async_wait(asio::posix::descriptor_base::wait_write,
                                            asio::as_tuple(asio::use_awaitable));
    if (ec) fail("database connection lost");
    if (!PQconsumeInput(conn_)) fail("database read failed");
  }
}

asio::awaitable<std::vector<PgResult>> PgConnection::execute(std::span<const Statement> statements) {
  // Marked broken until the sync arrives, so a coroutine torn down midway never returns a
  // connection with unread results to the pool.
  broken_ = true;
  struct Slot {
    bool is_prepare;
    std::string sql;  // for prepares: the statement whose name is confirmed on success
  };
  std::vector<Slot> slots;
  std::vector<std::string> fresh;  // prepared in this pipeline, confirmed only by its result

  for (const auto& st : statements) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    values.reserve(st.params.size());
    lengths.reserve(st.params.size());
    for (const auto& p : st.params) {
      values.push_back(p ? p->c_str() : nullptr);
      lengths.push_back(p ? static_cast<int>(p->size()) : 0);
    }
    const int n = static_cast<int>(st.params.size());
    int ok;
    if (st.plan == Plan::cached) {
      auto it = prepared_.find(st.sql);
      if (it == prepared_.end()) {
        std::string name = "s" + std::to_string(next_statement_++);
        if (!PQsendPrepare(conn_, name.c_str(), st.sql.c_str(), n, nullptr)) fail("database send failed");
        slots.push_back({true, st.sql});
        it = prepared_.emplace(st.sql, std::move(name)).first;
        fresh.push_back(st.sql);
      }
      ok = PQsendQueryPrepared(conn_, it->second.c_str(), n, values.data(), lengths.data(), nullptr, 0);
    } else {
      ok = PQsendQueryParams(conn_, st.sql.c_str(), n, nullptr, values.data(), lengths.data(), nullptr, 0);
    }
    if (!ok) fail("database send failed");
    slots.push_back({false, {}});
  }
  if (!PQpipelineSync(conn_)) fail("database send failed");
  co_await flush();

  std::vector<PgResult> results;
  results.reserve(statements.size());
  std::optional<PgError> first_error;
  std::size_t next_slot = 0;
  bool synced = false;
  while (!synced) {
    if (!PQconsumeInput(conn_)) fail("database connection lost");
    while (!synced && !PQisBusy(conn_)) {
      PGresult* raw = PQgetResult(conn_);
      if (!raw) continue;  // end of one statement's results; the next follows
      PgResult r(raw);
      const auto status = PQresultStatus(raw);
      if (status == PGRES_PIPELINE_SYNC) {
        synced = true;
        break;
      }
      if (next_slot >= slots.size()) continue;
      const Slot& slot = slots[next_slot++];
      if (status == PGRES_FATAL_ERROR && !first_error) {
        auto field = [&](int code) {
          const char* v = PQresultErrorField(raw, code);
          return std::string(v ? v : "");
        };
        first_error.emplace(field(PG_DIAG_SQLSTATE), field(PG_DIAG_CONSTRAINT_NAME),
                            field(PG_DIAG_MESSAGE_PRIMARY));
      }
      if (!slot.is_prepare) results.push_back(std::move(r));
    }
    if (!synced) co_await wait_readable();
  }
  if (first_error) {
    // Nothing in the pipeline committed: forget the tenant setting and unconfirmed prepares.
    org_scope_.reset();
    for (const auto& sql : fresh) prepared_.erase(sql);
    broken_ = false;
    throw *first_error;
  }
  broken_ = false;
  co_return results;
}

asio::awaitable<std::vector<std::string>> PgConnection::wait_notifications() {
  std::vector<std::string> payloads;
  for (;;) {
    if (!PQconsumeInput(conn_)) fail("database connection lost");
    while (PGnotify* n = PQnotifies(conn_)) {
      payloads.emplace_back(n->extra);
      PQfreemem(n);
    }
    if (!payloads.empty()) co_return payloads;
    co_await wait_readable();
  }
}

}  // namespace agenthq::db
