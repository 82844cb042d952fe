#include "hub/insights/insight_store.hpp"

#include <boost/json.hpp>

#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"
#include "util/json_text.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
const std::string kColumns = kInsightColumns;

std::string json_array(const std::vector<std::string>& items) {
  return json::serialize(json::array(items.begin(), items.end()));
}

// How many ids of the JSON array at $ids are not rows of `table` in the org at $1.
std::string count_missing(const std::string& table, const std::string& ids) {
  return "SELECT count(*) AS n FROM jsonb_array_elements_text(" + ids + "::jsonb) s(id) WHERE NOT EXISTS "
         "(SELECT 1 FROM " + table + " t WHERE t.org_id = $1 AND t.id = s.id)";
}
}  // namespace

asio::awaitable<InsightStore::Created> InsightStore::create(const std::string& org_id, const NewInsight& n,
                                                            const AuditEntry& audit) {
  db::SqlParams params({org_id});
  const std::string posts = params.bind(json_array(n.source_posts));
  const std::string agents = params.bind(json_array(n.source_agents));
  db::Param confidence;
  if (n.confidence) confidence = util::number_text(*n.confidence);
  // The insert happens only when every source id is a post/agent of the org; the counts tell
  // the caller which list was wrong. One statement: check, insert and audit are one atomic step.
  std::string sql = "WITH missing_posts AS (" + count_missing("posts", posts) + "), missing_agents AS (" +
                    count_missing("agents", agents) +
                    "), created AS (INSERT INTO insights AS i (id, org_id, type, title, content, data, source_posts, "
                    "source_agents, confidence) SELECT " + params.bind(util::new_ulid()) + ", $1, " +
                    params.bind(n.type) + ", " + params.bind(n.title) + ", " + params.bind(n.content) + ", " +
                    params.bind(json::serialize(n.data)) + "::jsonb, " + posts + "::jsonb, " + agents + "::jsonb, " +
                    params.bind(confidence) + "::real WHERE (SELECT n FROM missing_posts) = 0 AND (SELECT n FROM "
                    "missing_agents) = 0 RETURNING " + kColumns + "), audit AS (";
  sql += audit_insert_from(audit, params, "created", "created.id", "jsonb_build_object('type', created.type)");
  sql += ") SELECT (SELECT n FROM missing_posts) AS missing_posts, (SELECT n FROM missing_agents) AS missing_agents, "
         "created.* FROM (SELECT 1) one LEFT JOIN created ON true";
  db::Statement insert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);  // a named local: no temporaries inside co_await (g++ 12)
  auto r = co_await db_.query(scope, std::move(insert));
  Created out;
  if (r.integer(0, 0) > 0) {
    out.invalid_field = "source_posts";
  } else if (r.integer(0, 1) > 0) {
    out.invalid_field = "source_agents";
  } else {
    out.insight = r.row_json(0);
    out.insight.erase("missing_posts");
    out.insight.erase("missing_agents");
  }
  co_return out;
}

asio::awaitable<InsightPage> InsightStore::list(const std::string& org_id, const InsightFilter& f,
                                                std::int64_t limit, std::int64_t offset) {
  db::PagedQuery q;
  q.columns = kColumns;
  q.from_where = " FROM insights i WHERE i.org_id = " + q.params.bind(org_id);
  q.from_where += q.params.and_equal("i.type", f.type);
  if (f.since_micros)
    q.from_where += " AND i.created_at >= " + db::timestamp_from_micros(q.params.bind(std::to_string(*f.since_micros)));
  if (f.reviewed)
    q.from_where += " AND COALESCE(i.reviewed, false) = " + q.params.bind(*f.reviewed ? "true" : "false") + "::boolean";
  if (f.min_confidence)
    q.from_where += " AND i.confidence >= " + q.params.bind(util::number_text(*f.min_confidence)) + "::real";
  q.order = "i.created_at DESC, i.id DESC";
  const db::Scope scope = db::Scope::org(org_id);
  co_return co_await db::read_page(db_, scope, std::move(q), limit, offset);
}

asio::awaitable<std::optional<json::object>> InsightStore::find(const std::string& org_id, const std::string& id) {
  db::Statement select("SELECT " + kColumns + " FROM insights i WHERE i.org_id = $1 AND i.id = $2", {org_id, id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<std::optional<json::object>> InsightStore::set_reviewed(const std::string& org_id,
                                                                        const std::string& id, bool reviewed,
                                                                        const AuditEntry& audit) {
  db::SqlParams params({org_id, id, std::string(reviewed ? "true" : "false")});
  std::string sql = "WITH changed AS (UPDATE insights i SET reviewed = $3::boolean WHERE i.org_id = $1 AND i.id = $2 "
                    "RETURNING " + kColumns + "), audit AS (";
  sql += audit_insert_from(audit, params, "changed", "changed.id") + ") SELECT * FROM changed";
  db::Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

}  // namespace agenthq::hub
