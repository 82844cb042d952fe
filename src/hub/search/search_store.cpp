#include "hub/search/search_store.hpp"

#include <boost/json.hpp>

#include "hub/agents/agent_sql.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/search/resource_columns.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
// The explicit 'english' configuration matches the one the stored vectors were built with,
// whatever the database's default_text_search_config says (contract 4.1).
constexpr const char* kQuery = "plainto_tsquery('english', $2)";

// ts_rank first; created_at and id break ties so that pages are stable (the reference had none).
std::string order_by(const std::string& alias) {
  return " ORDER BY ts_rank(" + alias + ".search_vector, " + kQuery + ") DESC, " + alias +
         ".created_at DESC, " + alias + ".id DESC";
}
}  // namespace

SearchStore::SearchStore(db::Database& db, std::chrono::seconds presence_timeout) : db_(db) {
  // $1 org, $2 query text; posts add $3/$4 caller id/type; page statements end with limit, offset.
  const std::string posts_from = std::string(
                                     " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
                                     " WHERE p.org_id = $1 AND p.parent_id IS NULL AND p.search_vector @@ ") +
                                 kQuery + " AND " + channel_readable("c", 3, 4);
  posts_page_ = "SELECT " + column_list(post_fields(), "p") + posts_from + order_by("p") +
                " LIMIT $5::bigint OFFSET $6::bigint";
  posts_count_ = "SELECT count(*)" + posts_from;

  const std::string insights_from =
      std::string(" FROM insights i WHERE i.org_id = $1 AND i.search_vector @@ ") + kQuery;
  insights_page_ = "SELECT " + column_list(insight_fields(), "i") + insights_from + order_by("i") +
                   " LIMIT $3::bigint OFFSET $4::bigint";
  insights_count_ = "SELECT count(*)" + insights_from;

  const std::string agents_from =
      std::string(" FROM agents a WHERE a.org_id = $1 AND a.search_vector @@ ") + kQuery;
  agents_page_ = "SELECT " + agent_columns(presence_timeout, "a") + agents_from + order_by("a") +
                 " LIMIT $3::bigint OFFSET $4::bigint";
  agents_count_ = "SELECT count(*)" + agents_from;
}

std::vector<db::Statement> SearchStore::statements(const SearchQuery& q) const {
  // Unnamed statements planned for these very values: a cached generic plan cannot see how
  // selective the tsquery is and gives up the GIN index (design guide: 6x slower).
  const auto custom = db::Plan::custom;
  const std::string limit = std::to_string(q.limit), offset = std::to_string(q.offset);
  std::vector<db::Statement> batch;
  if (q.posts) {
    std::vector<db::Param> params{q.org_id, q.text, q.caller_id, q.caller_type};
    batch.emplace_back(posts_count_, params, custom);
    params.push_back(limit);
    params.push_back(offset);
    batch.emplace_back(posts_page_, std::move(params), custom);
  }
  if (q.insights) {
    std::vector<db::Param> params{q.org_id, q.text};
    batch.emplace_back(insights_count_, params, custom);
    params.push_back(limit);
    params.push_back(offset);
    batch.emplace_back(insights_page_, std::move(params), custom);
  }
  if (q.agents) {
    std::vector<db::Param> params{q.org_id, q.text};
    batch.emplace_back(agents_count_, params, custom);
    params.push_back(limit);
    params.push_back(offset);
    batch.emplace_back(agents_page_, std::move(params), custom);
  }
  return batch;
}

asio::awaitable<SearchResult> SearchStore::search(const SearchQuery& query) {
  SearchResult out;
  std::vector<db::Statement> batch = statements(query);
  if (batch.empty()) co_return out;  // only unknown types asked for: nothing to search
  const db::Scope scope = db::Scope::org(query.org_id);
  std::vector<db::PgResult> results = co_await db_.run(scope, std::move(batch));

  // Results come back in the order statements() queued them: (count, page) per requested type.
  std::size_t next = 0;
  auto take = [&](json::array& rows, std::int64_t& count) {
    count = results[next].integer(0, 0);
    rows = results[next + 1].rows_json();
    next += 2;
  };
  if (query.posts) take(out.posts, out.posts_count);
  if (query.insights) take(out.insights, out.insights_count);
  if (query.agents) take(out.agents, out.agents_count);
  co_return out;
}

}  // namespace agenthq::hub
