#include "hub/agents/agent_store.hpp"

#include <boost/json.hpp>

#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"
#include "hub/agents/agent_sql.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
// $1 org, $2 agent id, $3 caller kind, $4 caller id, $5 caller is owner/admin: the parameters
// every guarded write starts with, so agent_editable_by/agent_deletable_by can refer to them.
db::SqlParams write_params(const auth::Identity& who, const std::string& id) {
  return db::SqlParams({who.org_id, id, std::string(who.type_name()), who.id, who.is_admin() ? "true" : "false"});
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
  db::PagedQuery page_query;
  db::SqlParams& params = page_query.params;
  std::string where = " FROM agents a WHERE a.org_id = " + params.bind(org_id);
  std::string order;
  if (q.text) {
    const std::string text = params.bind(q.text);
    const std::string query = "plainto_tsquery('english', " + text + ")";
    // agenthq_match_agents (migration 010): the GIN index is usable only through it under RLS.
    where += " AND a.id IN (SELECT agenthq_match_agents(" + text + "))";
    order += "ts_rank(a.search_vector, " + query + ") DESC, ";
  }
  if (!q.capabilities.empty()) {
    json::array wanted(q.capabilities.begin(), q.capabilities.end());
    where += " AND a.capabilities @> " + params.bind(json::serialize(wanted)) + "::jsonb";
  }
  if (q.status) {
    params.bind(q.status);
    where += " AND " + agent_presence_is(presence_timeout_, "a", *q.status, static_cast<int>(params.size()));
  }
  order += "a.created_at DESC, a.id DESC";
  page_query.columns = columns_;
  page_query.from_where = std::move(where);
  page_query.order = std::move(order);
  // Custom plans: the GIN indexes only pay off when the planner sees the actual query text.
  page_query.plan = db::Plan::custom;
  const db::Scope scope = db::Scope::org(org_id);
  co_return co_await db::read_page(db_, scope, std::move(page_query), limit, offset);
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
  db::SqlParams params = write_params(who, id);
  std::string set = "updated_at = now()";
  if (c.name) set += ", name = " + params.bind(c.name);
  if (c.description) set += ", description = " + params.bind(*c.description);
  if (c.capabilities) {
    json::array list(c.capabilities->begin(), c.capabilities->end());
    set += ", capabilities = " + params.bind(json::serialize(list)) + "::jsonb";  // a real JSON array
  }
  if (c.metadata) set += ", metadata = " + params.bind(json::serialize(*c.metadata)) + "::jsonb";
  std::string sql = "WITH changed AS (UPDATE agents a SET " + set + " WHERE a.org_id = $1 AND a.id = $2 AND " +
                    agent_editable_by("a", 3, 4, 5) + " RETURNING " + columns_ + "), audit AS (";
  sql += audit_insert_from(audit, params, "changed", "changed.id") + ") SELECT * FROM changed";
  db::Statement write(std::move(sql), params.take());
  auto result = co_await guarded(who, id, std::move(write));
  Updated out;
  out.outcome = result.first;
  if (out.outcome == AgentWrite::done) out.agent = result.second.row_json(0);
  co_return out;
}

asio::awaitable<AgentWrite> AgentStore::remove(const auth::Identity& who, const std::string& id,
                                               const AuditEntry& audit) {
  db::SqlParams params = write_params(who, id);
  std::string sql = "WITH gone AS (DELETE FROM agents a WHERE a.org_id = $1 AND a.id = $2 AND " +
                    agent_deletable_by("a", 3, 4, 5) + " RETURNING a.id, a.name), audit AS (";
  sql += audit_insert_from(audit, params, "gone", "gone.id", "jsonb_build_object('name', gone.name)") +
         ") SELECT id FROM gone";
  db::Statement write(std::move(sql), params.take());
  auto result = co_await guarded(who, id, std::move(write));
  co_return result.first;
}

asio::awaitable<AgentWrite> AgentStore::heartbeat(const auth::Identity& who, const std::string& id,
                                                  const std::optional<std::string>& status) {
  db::SqlParams params = write_params(who, id);
  // A heartbeat means the agent is alive: without an explicit status it becomes online, but an
  // agent that declared itself busy stays busy until it says otherwise.
  const std::string sql = "UPDATE agents a SET last_heartbeat = now(), rest_heartbeat_at = now(), status = COALESCE(" +
                          params.bind(status) + ", CASE WHEN a.status = 'busy' THEN 'busy' ELSE 'online' END) WHERE a.org_id = $1 AND "
                          "a.id = $2 AND " + agent_editable_by("a", 3, 4, 5) + " RETURNING a.id";
  db::Statement write(sql, params.take());
  auto result = co_await guarded(who, id, std::move(write));
  co_return result.first;
}

}  // namespace agenthq::hub
