#pragma once
#include <libpq-fe.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/pg_result.hpp"
#include "db/statement.hpp"

namespace agenthq::db {

// One libpq connection driven asynchronously on an Asio executor. Every call to execute()
// sends its statements as one pipeline ending in a single sync: one round trip, and because
// the extended protocol runs everything before a sync as one implicit transaction, the batch
// commits or fails as a whole.
class PgConnection {
 public:
  static boost::asio::awaitable<std::unique_ptr<PgConnection>> connect(const std::string& conninfo,
                                                                       std::chrono::milliseconds timeout);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  boost::asio::awaitable<std::vector<PgResult>> execute(std::span<const Statement> statements);

  // For a connection that has run LISTEN: waits until at least one notification arrives and
  // returns the payloads of all that are there. Throws PgUnavailable when the connection dies.
  boost::asio::awaitable<std::vector<std::string>> wait_notifications();

  // False once the connection is lost or an execute() was interrupted midway; the pool drops it.
  bool usable() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

  // Interrupts a pending wait (shutdown); the waiter sees the connection as lost.
  void cancel() { socket_.cancel(); }

  // The tenant the connection's app.org_id setting currently holds (nullopt: unknown).
  std::optional<std::string>& org_scope() { return org_scope_; }

 private:
  PgConnection(PGconn* conn, boost::asio::posix::stream_descriptor socket);
  boost::asio::awaitable<void> wait_readable();
  boost::asio::awaitable<void> flush();
  void fail(const char* what);

  PGconn* conn_;
  boost::asio::posix::stream_descriptor socket_;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
  std::uint64_t next_statement_ = 0;
  std::optional<std::string> org_scope_;
  bool broken_ = false;
};

}  // namespace agenthq::db
