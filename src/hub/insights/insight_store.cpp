#include "hub/insights/insight_store.hpp"

#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "util/json_text.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
const std::string kColumns =
    "i.id, i.org_id, i.type, i.title, i.content, i.data, i.source_posts, i.source_agents, i.confidence, i.reviewed, "
    "i.created_at";

// Binds value as the next parameter and returns its placeholder.
std::string add_param(std::vector<db::Param>& params, db::Param value) {
  params.push_back(std::move(value));
  return "$" + std::to_string(params.size());
}

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
  std::vector<db::Param> params{org_id};
  const std::string posts = add_param(params, json_array(n.source_posts));
  const std::string agents = add_param(params, json_array(n.source_agents));
  db::Param confidence;
  if (n.confidence) confidence = util::number_text(*n.confidence);
  // The insert happens only when every source id is a post/agent of the org; the counts tell
  // the caller which list was wrong. One statement: check, insert and audit are one atomic step.
  std::string sql = "WITH missing_posts AS (" + count_missing("posts", posts) + "), missing_agents AS (" +
                    count_missing("agents", agents) +
                    "), created AS (INSERT INTO insights AS i (id, org_id, type, title, content, data, source_posts, "
                    "source_agents, confidence) SELECT " + add_param(params, util::new_ulid()) + ", $1, " +
                    add_param(params, n.type) + ", " + add_param(params, n.title) + ", " + add_param(params, n.content) + ", " +
                    add_param(params, json::serialize(n.data)) + "::jsonb, " + posts + "::jsonb, " + agents + "::jsonb, " +
                    add_param(params, confidence) + "::real WHERE (SELECT n FROM missing_posts) = 0 AND (SELECT n FROM "
                    "missing_agents) = 0 RETURNING " + kColumns + "), audit AS (";
  sql += audit_insert_from(audit, "created", params, "jsonb_build_object('type', created.type)");
  sql += ") SELECT (SELECT n FROM missing_posts) AS missing_posts, (SELECT n FROM missing_agents) AS missing_agents, "
         "created.* FROM (SELECT 1) one LEFT JOIN created ON true";
  db::Statement insert(std::move(sql), std::move(params));
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
  std::vector<db::Param> params;
  std::string where = " FROM insights i WHERE i.org_id = " + add_param(params, org_id);
  if (f.type) where += " AND i.type = " + add_param(params, f.type);
  if (f.since_micros) {
    add_param(params, std::to_string(*f.since_micros));
    where += " AND i.created_at >= " + timestamp_from_micros(static_cast<int>(params.size()));
  }
  if (f.reviewed) where += " AND COALESCE(i.reviewed, false) = " + add_param(params, *f.reviewed ? "true" : "false") +
                           "::boolean";
  if (f.min_confidence)
    where += " AND i.confidence >= " + add_param(params, util::number_text(*f.min_confidence)) + "::real";
  std::vector<db::Param> page_params = params;
  const std::string page_sql = "SELECT " + kColumns + where + " ORDER BY i.created_at DESC, i.id DESC LIMIT " +
                               add_param(page_params, std::to_string(limit)) + "::bigint OFFSET " +
                               add_param(page_params, std::to_string(offset)) + "::bigint";
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT count(*)" + where, std::move(params));
  batch.emplace_back(page_sql, std::move(page_params));
  const db::Scope scope = db::Scope::org(org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  InsightPage page;
  page.total = results[0].integer(0, 0);
  page.items = results[1].rows_json();
  co_return page;
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
  std::vector<db::Param> params{org_id, id, std::string(reviewed ? "true" : "false")};
  std::string sql = "WITH changed AS (UPDATE insights i SET reviewed = $3::boolean WHERE i.org_id = $1 AND i.id = $2 "
                    "RETURNING " + kColumns + "), audit AS (";
  sql += audit_insert_from(audit, "changed", params) + ") SELECT * FROM changed";
  db::Statement update(std::move(sql), std::move(params));
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

}  // namespace agenthq::hub
