#include "db/paged_read.hpp"

namespace agenthq::db {

boost::asio::awaitable<ListPage> read_page(Database& db, const Scope& scope, PagedQuery query, std::int64_t limit,
                                           std::int64_t offset) {
  std::vector<Statement> batch;
  push_count_and_page(batch, std::move(query), limit, offset);
  auto results = co_await db.run(scope, std::move(batch));
  // Constructed, not assigned: assigning a boost::json container copies it into the target's
  // memory resource, and the rows' arena would be wasted.
  ListPage page{results[1].rows_json(), results[0].integer(0, 0)};
  co_return page;
}

}  // namespace agenthq::db
