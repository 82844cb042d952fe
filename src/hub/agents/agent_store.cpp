#include "hub/agents/agent_store.hpp"

#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "hub/agents/agent_sql.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
// Binds value as the next parameter and returns its placeholder.
std::string add_param(std::vector<db::Param>& params, db::Param value) {
  params.push_back(std::move(value));
  return "$" + std::to_string(params.size());
}

// $1 org, $2 agent id, $3 caller kind, $4 caller id, $5 caller is owner/admin: the parameters
// every guarded write starts with, so agent_editable_by/agent_deletable_by can refer to them.
std::vector<db::Param> write_params(const auth::Identity& who, const std::string& id) {
  return {who.org_id, id, std::string(who.type_name()), who.id, who.is_admin() ? "true" : "false"};
}
}  // namespace

AgentStore::AgentStore(db::Database& db, std::chrono::seconds presence_timeout)
    : db_(db), presence_timeout_(presence_timeout), columns_(agent_columns(presence_timeout, "a")) {}

asio::awaitable<AgentPage> AgentStore::list(const std::string& org_id, std::int64_t limit, std::int64_t offset) {
  const AgentQuery everything;
  co_return co_await search(org_id, everything, limit, offset);
}

asio::awaitable<AgentPage> AgentStore::search(const std::string& org_id, const AgentQuery& q, std::int64_t limit,
                                              std::int64_t offset) {
  std::vector<db::Param> params;
  std::string where = " FROM agents a WHERE a.org_id = " + add_param(params, org_id);
  std::string order = " ORDER BY ";
  if (q.text) {
    const std::string text = add_param(params, q.text);
    const std::string query = "plainto_tsquery('english', " + text + ")";
    // agenthq_match_agents (migration 010): the GIN index is usable only through it under RLS.
    where += " AND a.id IN (SELECT agenthq_match_agents(" + text + "))";
    order += "ts_rank(a.search_vector, " + query + ") DESC, ";
  }
  if (!q.capabilities.empty()) {
    json::array wanted(q.capabilities.begin(), q.capabilities.end());
    where += " AND a.capabilities @> " + add_param(params, json::serialize(wanted)) + "::jsonb";
  }
  if (q.status) {
    add_param(params, q.status);
    where += " AND " + agent_presence_is(presence_timeout_, "a", *q.status, static_cast<int>(params.size()));
  }
  order += "a.created_at DESC, a.id DESC";

  std::vector<db::Param> page_params = params;
  const std::string page_sql = "SELECT " + columns_ + where + order + " LIMIT " +
                               add_param(page_params, std::to_string(limit)) + "::bigint OFFSET " +
                               add_param(page_params, std::to_string(offset)) + "::bigint";
  // Custom plans: the GIN indexes only pay off when the planner sees the actual query text.
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT count(*)" + where, std::move(params), db::Plan::custom);
  batch.emplace_back(page_sql, std::move(page_params), db::Plan::custom);
  const db::Scope scope = db::Scope::org(org_id);  // a named local: no temporaries inside co_await (g++ 12)
  auto results = co_await db_.run(scope, std::move(batch));
  AgentPage page;
  page.total = results[0].integer(0, 0);
  page.items = results[1].rows_json();
  co_return page;
}

asio::awaitable<std::optional<json::object>> AgentStore::find(const std::string& org_id, const std::string& id) {
  db::Statement select("SELECT " + columns_ + " FROM agents a WHERE a.org_id = $1 AND a.id = $2", {org_id, id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<std::pair<AgentWrite, db::PgResult>> AgentStore::guarded(const auth::Identity& who,
                                                                         const std::string& id,
                                                                         db::Statement write) {
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT 1 FROM agents WHERE org_id = $1 AND id = $2", std::vector<db::Param>{who.org_id, id});
  batch.push_back(std::move(write));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  AgentWrite outcome = AgentWrite::done;
  if (results[1].empty()) outcome = results[0].empty() ? AgentWrite::not_found : AgentWrite::forbidden;
  co_return std::make_pair(outcome, std::move(results[1]));
}

asio::awaitable<AgentStore::Updated> AgentStore::update(const auth::Identity& who, const std::string& id,
                                                        const AgentChanges& c, const AuditEntry& audit) {
  std::vector<db::Param> params = write_params(who, id);
  std::string set = "updated_at = now()";
  if (c.name) set += ", name = " + add_param(params, c.name);
  if (c.description) set += ", description = " + add_param(params, *c.description);
  if (c.capabilities) {
    json::array list(c.capabilities->begin(), c.capabilities->end());
    set += ", capabilities = " + add_param(params, json::serialize(list)) + "::jsonb";  // a real JSON array
  }
  if (c.metadata) set += ", metadata = " + add_param(params, json::serialize(*c.metadata)) + "::jsonb";
  std::string sql = "WITH changed AS (UPDATE agents a SET " + set + " WHERE a.org_id = $1 AND a.id = $2 AND " +
                    agent_editable_by("a", 3, 4, 5) + " RETURNING " + columns_ + "), audit AS (";
  sql += audit_insert_from(audit, "changed", params) + ") SELECT * FROM changed";
  db::Statement write(std::move(sql), std::move(params));
  auto result = co_await guarded(who, id, std::move(write));
  Updated out;
  out.outcome = result.first;
  if (out.outcome == AgentWrite::done) out.agent = result.second.row_json(0);
  co_return out;
}

asio::awaitable<AgentWrite> AgentStore::remove(const auth::Identity& who, const std::string& id,
                                               const AuditEntry& audit) {
  std::vector<db::Param> params = write_params(who, id);
  std::string sql = "WITH gone AS (DELETE FROM agents a WHERE a.org_id = $1 AND a.id = $2 AND " +
                    agent_deletable_by("a", 3, 4, 5) + " RETURNING a.id, a.name), audit AS (";
  sql += audit_insert_from(audit, "gone", params, "jsonb_build_object('name', gone.name)") + ") SELECT id FROM gone";
  db::Statement write(std::move(sql), std::move(params));
  auto result = co_await guarded(who, id, std::move(write));
  co_return result.first;
}

asio::awaitable<AgentWrite> AgentStore::heartbeat(const auth::Identity& who, const std::string& id,
                                                  const std::optional<std::string>& status) {
  std::vector<db::Param> params = write_params(who, id);
  // A heartbeat means the agent is alive: without an explicit status it becomes online, but an
  // agent that declared itself busy stays busy until it says otherwise.
  const std::string sql = "UPDATE agents a SET last_heartbeat = now(), status = COALESCE(" + add_param(params, status) +
                          ", CASE WHEN a.status = 'busy' THEN 'busy' ELSE 'online' END) WHERE a.org_id = $1 AND "
                          "a.id = $2 AND " + agent_editable_by("a", 3, 4, 5) + " RETURNING a.id";
  db::Statement write(sql, std::move(params));
  auto result = co_await guarded(who, id, std::move(write));
  co_return result.first;
}

}  // namespace agenthq::hub
