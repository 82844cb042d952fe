#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "db/database.hpp"

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

struct SearchResult {
  boost::json::array posts, insights, agents;
  std::int64_t posts_count = 0, insights_count = 0, agents_count = 0;
};

// Full-text search over the stored tsvector columns and their GIN indexes. Every requested
// type's page and its count (one statement per type) go to PostgreSQL as one pipeline: one
// round trip, one snapshot.
class SearchStore {
 public:
  SearchStore(db::Database& db, std::chrono::seconds presence_timeout);
  boost::asio::awaitable<SearchResult> search(const SearchQuery& query);

  // The statements search() sends, in order (page, count per requested type); EXPLAIN and
  // pgbench use the same text.
  std::vector<db::Statement> statements(const SearchQuery& query) const;

 private:
  db::Database& db_;
  std::string posts_, insights_, agents_;
};

}  // namespace agenthq::hub
