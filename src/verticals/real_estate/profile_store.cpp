#include "verticals/real_estate/profile_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/agents/agent_sql.hpp"
#include "verticals/real_estate/re_sql.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
constexpr const char* kProfileColumns =
    "p.agent_id, a.name AS agent_name, p.role, p.license_number, p.specializations, p.territories, "
    "p.created_at, "
    "p.updated_at";

std::string json_array(const std::vector<std::string>& items) {
  return json::serialize(json::array(items.begin(), items.end()));
}
}  // namespace

asio::awaitable<std::optional<json::object>> ProfileStore::find(const std::string& org_id,
                                                                const std::string& agent_id) {
  db::Statement select(
      std::string("SELECT ") + kProfileColumns +
          " FROM re_agent_profiles p JOIN agents a ON a.id = p.agent_id WHERE a.org_id = $1 AND "
          "p.agent_id = $2",
      {org_id, agent_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<json::array> ProfileStore::list(const std::string& org_id,
                                                const std::optional<std::string>& role) {
  db::Statement select(
      std::string("SELECT ") + kProfileColumns +
          " FROM re_agent_profiles p JOIN agents a ON a.id = p.agent_id WHERE a.org_id = $1 AND "
          "($2::text IS NULL OR p.role = $2) ORDER BY a.name, p.agent_id",
      {org_id, role});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<ProfileSaved> ProfileStore::save(const auth::Identity& who, const std::string& agent_id,
                                                 const ProfileInput& in, const hub::AuditEntry& audit) {
  // $1 org, $2 agent, $3 caller kind, $4 caller id, $5 caller is owner/admin (agent_editable_by's order).
  db::SqlParams params({who.org_id, agent_id, std::string(who.type_name()), who.id,
                        who.is_admin() ? "true" : "false"});
  db::Statement exists("SELECT 1 FROM agents WHERE org_id = $1 AND id = $2", {who.org_id, agent_id});
  std::string sql =
      "WITH target AS (SELECT a.id, a.name FROM agents a WHERE a.org_id = $1 AND a.id = $2 AND " +
      hub::agent_editable_by("a", 3, 4, 5) +
      "), saved AS (INSERT INTO re_agent_profiles AS p (agent_id, role, license_number, specializations, "
      "territories) SELECT target.id, ";
  sql += params.bind(in.role) + ", " + params.bind(in.license_number) + ", ";
  sql += params.bind(json_array(in.specializations)) + "::jsonb, " +
         params.bind(json_array(in.territories)) + "::jsonb FROM target ";
  sql +=
      "ON CONFLICT (agent_id) DO UPDATE SET role = EXCLUDED.role, license_number = EXCLUDED.license_number, "
      "specializations = EXCLUDED.specializations, territories = EXCLUDED.territories, updated_at = now() "
      "RETURNING p.agent_id AS id, p.*, (p.xmax = 0) AS created), audit AS (";
  sql += hub::audit_insert_from(audit, params, "saved", "saved.id",
                      "jsonb_build_object('role', saved.role, 'created', saved.created)");
  sql +=
      ") SELECT saved.agent_id, target.name AS agent_name, saved.role, saved.license_number, "
      "saved.specializations, saved.territories, saved.created_at, saved.updated_at, saved.created FROM "
      "saved "
      "JOIN target ON target.id = saved.agent_id";
  db::Statement write(std::move(sql), params.take());

  std::vector<db::Statement> batch;
  batch.push_back(std::move(exists));
  batch.push_back(std::move(write));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  ProfileSaved out;
  if (results[1].empty()) {
    out.outcome = results[0].empty() ? ProfileWrite::not_found : ProfileWrite::forbidden;
    co_return out;
  }
  out.outcome = ProfileWrite::done;
  out.profile = results[1].row_json(0);
  out.created = out.profile.at("created").as_bool();
  out.profile.erase("created");
  co_return out;
}

}  // namespace agenthq::verticals::real_estate
