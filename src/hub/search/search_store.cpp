#include "hub/search/search_store.hpp"

#include <boost/json.hpp>

#include "hub/agents/agent_sql.hpp"
#include "hub/cache/versioned_read.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/search/resource_columns.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
// The explicit 'english' configuration matches the one the stored vectors were built with,
// whatever the database's default_text_search_config says (contract 4.1).
constexpr const char* kQuery = "plainto_tsquery('english', $2)";

// Matching goes through the agenthq_match_* functions (migrations 005, 010, 011): under
// row-level security only a SECURITY DEFINER function gets the GIN index.
std::string ranked_page_of(const std::string& matches, const std::string& table, const std::string& alias,
                           const std::string& columns, int limit_param);

// One statement per type: the matches (id, created_at, rank) are found once, counted, ranked
// and cut to the page, and only the page's rows are read back in full. The count comes first
// and the page is LEFT JOINed to it, so a page beyond the end still yields one row carrying
// the total (id NULL). ts_rank orders; created_at and id break ties so that pages are stable
// (the reference had no tie-break). Measured against a count statement plus a page statement
// that each match again: about half the time (docs/query-plans.md).
std::string ranked_page(const std::string& table, const std::string& alias, const std::string& from_where,
                        const std::string& columns, int limit_param) {
  const std::string a = alias + ".";
  return ranked_page_of("SELECT " + a + "id, " + a + "created_at, ts_rank(" + a + "search_vector, " + kQuery +
                            ") AS rank" + from_where,
                        table, alias, columns, limit_param);
}

// The same around any matches query yielding (id, created_at, rank).
std::string ranked_page_of(const std::string& matches, const std::string& table, const std::string& alias,
                           const std::string& columns, int limit_param) {
  const std::string a = alias + ".";
  return "WITH m AS MATERIALIZED (" + matches +
         "), page AS (SELECT id, rank, created_at FROM m ORDER BY rank DESC, created_at DESC, id DESC LIMIT "
         "$" +
         std::to_string(limit_param) + "::bigint OFFSET $" + std::to_string(limit_param + 1) +
         "::bigint) SELECT " + columns +
         ", t.total FROM (SELECT count(*) AS total FROM m) t LEFT JOIN page ON true LEFT JOIN " + table +
         " " + alias + " ON " + a +
         "id = page.id ORDER BY page.rank DESC, page.created_at DESC, page.id DESC";
}

// Everything a posts page depends on besides the data: the caller (readable channels), the
// text and the page. \x1f cannot occur in ids or numbers, so fields never run together.
std::string cache_key(const SearchQuery& q) {
  std::string key = q.org_id;
  for (const std::string* part : {&q.caller_type, &q.caller_id}) (key += '\x1f') += *part;
  key += '\x1f' + std::to_string(q.limit) + '\x1f' + std::to_string(q.offset) + '\x1f';
  return key + q.text;
}

db::Statement version_statement(const std::string& org_id) {
  return db::Statement(kOrgVersionSql, std::vector<db::Param>{org_id});
}

// Rows of a ranked_page() result: the page's objects without the trailing total column.
void read_page(const db::PgResult& r, db::JsonRows& rows, std::int64_t& total) { total = r.counted_page_json(rows); }
}  // namespace

SearchStore::SearchStore(db::Database& db, std::chrono::seconds presence_timeout, SearchCache* cache)
    : db_(db), cache_(cache) {
  // $1 org, $2 query text; posts add $3/$4 caller id/type; then limit and offset.
  // agenthq_match_posts returns top-level matches with their channel, date and rank, so only
  // the page's rows are read from posts again.
  posts_ = ranked_page_of("SELECT f.id, f.created_at, f.rank FROM agenthq_match_posts($2) f JOIN channels c ON "
                          "c.id = f.channel_id AND c.org_id = $1 WHERE " + channel_readable("c", 3, 4),
                          "posts", "p", column_list(post_fields(), "p"), 5);
  insights_ = ranked_page(
      "insights", "i", " FROM insights i WHERE i.org_id = $1 AND i.id IN (SELECT agenthq_match_insights($2))",
      column_list(insight_fields(), "i"), 3);
  agents_ = ranked_page("agents", "a",
                        " FROM agents a WHERE a.org_id = $1 AND a.id IN (SELECT agenthq_match_agents($2))",
                        agent_columns(presence_timeout, "a"), 3);
}

std::vector<db::Statement> SearchStore::statements(const SearchQuery& q) const {
  // Unnamed statements planned for these very values: a cached generic plan cannot see how
  // selective the tsquery is and matches every row (measured 2-3x slower, docs/query-plans.md).
  const auto custom = db::Plan::custom;
  const std::string limit = std::to_string(q.limit), offset = std::to_string(q.offset);
  std::vector<db::Statement> batch;
  if (q.posts)
    batch.emplace_back(
        posts_, std::vector<db::Param>{q.org_id, q.text, q.caller_id, q.caller_type, limit, offset}, custom);
  if (q.insights)
    batch.emplace_back(insights_, std::vector<db::Param>{q.org_id, q.text, limit, offset}, custom);
  // Agents are never cached, so this statement runs on every search: prepared once, it skips
  // PostgreSQL's parse and plan each time (that alone was 60 % of GET /search). An org's agents
  // are few, and the tsquery is matched inside agenthq_match_agents, whose body PostgreSQL plans
  // the same way either way.
  if (q.agents) batch.emplace_back(agents_, std::vector<db::Param>{q.org_id, q.text, limit, offset}, db::Plan::cached);
  return batch;
}

asio::awaitable<SearchResult> SearchStore::search(const SearchQuery& query) {
  SearchResult out;
  // The posts and insights parts may be kept (agents are not: their presence depends on the
  // clock). With a kept part its statement is left out; the version, first in the pipeline so
  // that a page read after it is at least that new, says whether the kept part is still right.
  const bool versioned = cache_ != nullptr && (query.posts || query.insights);
  std::string posts_key, insights_key;
  std::shared_ptr<const SearchCache::Entry> kept_posts, kept_insights;
  if (versioned && query.posts) kept_posts = cache_->find(posts_key = "p" + cache_key(query));
  if (versioned && query.insights) {
    // Insights are org-wide: the caller does not matter.
    SearchQuery anyone = query;
    anyone.caller_id = anyone.caller_type = "";
    kept_insights = cache_->find(insights_key = "i" + cache_key(anyone));
  }
  // A part nobody keeps yet and another request is reading right now: wait for that one.
  FlightTicket posts_flight, insights_flight;
  if (versioned && query.posts && !kept_posts) {
    posts_flight = co_await join_flight(cache_->flights(), posts_key);
    if (!posts_flight.reading()) kept_posts = cache_->find(posts_key);
  }
  if (versioned && query.insights && !kept_insights) {
    insights_flight = co_await join_flight(cache_->flights(), insights_key);
    if (!insights_flight.reading()) kept_insights = cache_->find(insights_key);
  }
  SearchQuery rest = query;
  rest.posts = query.posts && !kept_posts;
  rest.insights = query.insights && !kept_insights;
  std::vector<db::Statement> batch;
  if (versioned) batch.push_back(version_statement(query.org_id));
  for (auto& statement : statements(rest)) batch.push_back(std::move(statement));
  if (batch.empty()) co_return out;  // only unknown types asked for: nothing to search
  const db::Scope scope = db::Scope::org(query.org_id);
  std::vector<db::PgResult> results = co_await db_.run(scope, std::move(batch));

  // One result per statement, in the order they were queued.
  std::size_t next = 0;
  const std::int64_t version = versioned ? results[next++].integer(0, 0) : 0;
  if (rest.posts) read_page(results[next++], out.posts, out.posts_count);
  if (rest.insights) read_page(results[next++], out.insights, out.insights_count);
  if (rest.agents) read_page(results[next++], out.agents, out.agents_count);

  // Kept parts that something changed since: a second round trip for them alone.
  SearchQuery stale = query;
  stale.posts = kept_posts && kept_posts->version != version;
  stale.insights = kept_insights && kept_insights->version != version;
  stale.agents = false;
  std::int64_t stale_version = version;
  if (stale.posts || stale.insights) {
    std::vector<db::Statement> again;
    again.push_back(version_statement(query.org_id));
    for (auto& statement : statements(stale)) again.push_back(std::move(statement));
    std::vector<db::PgResult> fresh = co_await db_.run(scope, std::move(again));
    std::size_t at = 0;
    stale_version = fresh[at++].integer(0, 0);
    if (stale.posts) read_page(fresh[at++], out.posts, out.posts_count);
    if (stale.insights) read_page(fresh[at++], out.insights, out.insights_count);
  }
  if (kept_posts && !stale.posts) {
    out.posts = kept_posts->value.rows;
    out.posts_count = kept_posts->value.total;
  }
  if (kept_insights && !stale.insights) {
    out.insights = kept_insights->value.rows;
    out.insights_count = kept_insights->value.total;
  }
  if (versioned && (rest.posts || stale.posts))
    cache_->store(posts_key, stale.posts ? stale_version : version, SearchPage{out.posts, out.posts_count});
  if (versioned && (rest.insights || stale.insights))
    cache_->store(insights_key, stale.insights ? stale_version : version, SearchPage{out.insights, out.insights_count});
  co_return out;
}

}  // namespace agenthq::hub
