#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace agenthq::hub {

struct FeedQuery {
  std::string org_id;
  std::string caller_id;    // private and DM channel posts only reach their members
  std::string caller_type;  // user | agent
  std::string since;        // timestamptz text; the route supplies now - 24 h by default
  std::optional<std::string> until;
  std::optional<std::string> actor_id;  // posts.author_id / activity_log.actor_id; drops insights
  bool posts = false;
  bool activity = false;
  bool insights = false;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct FeedPage {
  boost::json::array items;  // FeedItem objects, newest first
  std::int64_t total = 0;    // every item matching the same filters, until included
};

// Posts, activity and insights merged newest first. The merge, the page and the count happen in
// PostgreSQL, in one statement: a UNION ALL of (kind, id, created_at) ordered and cut with
// LIMIT/OFFSET, joined back to the page's full rows, with the window's count. A deep page
// therefore never drags offset + limit rows out of every source into the server.
class FeedStore {
 public:
  explicit FeedStore(db::Database& db) : db_(db) {}
  boost::asio::awaitable<FeedPage> page(const FeedQuery& query);

  // The statement page() sends (one, or none when no source is selected); EXPLAIN and pgbench
  // use the same text.
  static std::vector<db::Statement> statements(const FeedQuery& query);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
