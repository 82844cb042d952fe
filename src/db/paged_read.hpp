#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <cstdint>

#include "db/database.hpp"
#include "db/sql_builder.hpp"

namespace agenthq::db {

// One page of a list and the number of rows the whole list holds.
struct ListPage {
  boost::json::array items;
  std::int64_t total = 0;
};

// Counts and pages `query` in one round trip (push_count_and_page) under `scope`.
boost::asio::awaitable<ListPage> read_page(Database& db, const Scope& scope, PagedQuery query, std::int64_t limit,
                                           std::int64_t offset);

}  // namespace agenthq::db
