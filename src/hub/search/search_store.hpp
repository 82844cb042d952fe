#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "db/database.hpp"
#include "hub/cache/versioned_cache.hpp"

namespace agenthq::hub {

struct SearchQuery {
  std::string org_id;
  std::string caller_id;    // channel readability of posts depends on who asks
  std::string caller_type;  // user | agent
  std::string text;         // plain words, ANDed (plainto_tsquery)
  bool posts = false;
  bool insights = false;
  bool agents = false;
  std::int64_t limit = 20;  // per type
  std::int64_t offset = 0;  // per type
};

// Each part's rows are kept as JSON text: a search result is only passed on (and cached).
struct SearchResult {
  db::JsonRows posts, insights, agents;
  std::int64_t posts_count = 0, insights_count = 0, agents_count = 0;
};

// The posts or the insights part of a search, as the search cache keeps it.
struct SearchPage {
  db::JsonRows rows;
  std::int64_t total = 0;
};
// Why searches are cached at all: ranking is the one read whose cost grows with the hits however
// it is indexed (a one-word query gives thousands of hits the same ts_rank, and the newest-first
// tie-break needs every one of them). The posts key holds the caller: readable channels depend on
// who asks. Agents are never kept: their reported presence changes with the clock alone.
using SearchCache = VersionedCache<SearchPage>;

// Full-text search over the stored tsvector columns and their GIN indexes. Every requested
// type's page and its count (one statement per type) go to PostgreSQL as one pipeline: one
// round trip, one snapshot. The posts part may come from the SearchCache instead.
class SearchStore {
 public:
  // cache (process-wide, may be null) keeps the posts part of recent searches.
  SearchStore(db::Database& db, std::chrono::seconds presence_timeout, SearchCache* cache = nullptr);
  boost::asio::awaitable<SearchResult> search(const SearchQuery& query);

  // The statements search() sends, in order (page, count per requested type); EXPLAIN and
  // pgbench use the same text.
  std::vector<db::Statement> statements(const SearchQuery& query) const;

 private:
  db::Database& db_;
  SearchCache* cache_;
  std::string posts_, insights_, agents_;
};

}  // namespace agenthq::hub
