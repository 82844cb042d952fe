#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/pg_result.hpp"
#include "hub/cache/versioned_cache.hpp"

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
  db::JsonRows items;      // FeedItem objects, newest first, as JSON text (served and cached as is)
  std::int64_t total = 0;    // every item matching the same filters, until included
};

// A feed page as the feed cache keeps it. The window's count grows with the window, and the
// default window moves with the clock, so a page read for `since` also answers a later request
// with the same filters whose since lies in [since, oldest]: no item has left the window, and
// while the org version is unchanged none has entered it.
struct FeedSnapshot {
  std::int64_t since = 0;               // the window's start it was read with, µs since the epoch
  std::optional<std::int64_t> oldest;   // created_at of the window's oldest item, µs; none: empty window
  FeedPage page;
};
using FeedCache = VersionedCache<FeedSnapshot>;

// Posts, activity and insights merged newest first. The merge, the page and the count happen in
// PostgreSQL, in one statement: a UNION ALL of (kind, id, created_at) ordered and cut with
// LIMIT/OFFSET, joined back to the page's full rows, with the window's count. A deep page
// therefore never drags offset + limit rows out of every source into the server.
class FeedStore {
 public:
  // cache (process-wide, may be null) keeps recent pages.
  explicit FeedStore(db::Database& db, FeedCache* cache = nullptr) : db_(db), cache_(cache) {}
  boost::asio::awaitable<FeedPage> page(const FeedQuery& query);

  // The statement page() sends (one, or none when no source is selected); EXPLAIN and pgbench
  // use the same text.
  static std::vector<db::Statement> statements(const FeedQuery& query);

 private:
  db::Database& db_;
  FeedCache* cache_;
};

}  // namespace agenthq::hub
