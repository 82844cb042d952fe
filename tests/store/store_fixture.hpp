#pragma once
// The store tier: stores called directly (no HTTP, no hub process) against a real PostgreSQL
// database of their own, migrated as the owner and used as a separate runtime role, so
// row-level security applies exactly as in the server.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <memory>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "support/pg_fixture.hpp"

namespace agenthq::test {

class StoreTest : public ::testing::Test {
 protected:
  StoreTest();
  ~StoreTest() override;

  // Runs a coroutine to completion on the test's event loop and returns its result.
  template <typename T>
  T run(boost::asio::awaitable<T> work) {
    auto future = boost::asio::co_spawn(ioc_, std::move(work), boost::asio::use_future);
    ioc_.restart();
    ioc_.run();
    return future.get();
  }
  void run(boost::asio::awaitable<void> work) {
    auto future = boost::asio::co_spawn(ioc_, std::move(work), boost::asio::use_future);
    ioc_.restart();
    ioc_.run();
    future.get();
  }

  // A new organisation with its owner (through the account store, default channels included).
  auth::Identity new_owner(const std::string& slug);

  db::Database& db() { return *db_; }
  PgConn& superuser() { return *superuser_; }

 private:
  TempRole role_{"t_store"};
  FreshDatabase database_;
  std::unique_ptr<PgConn> superuser_;
  boost::asio::io_context ioc_{1};
  std::unique_ptr<db::Database> db_;
};

}  // namespace agenthq::test
