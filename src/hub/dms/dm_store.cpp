#include "hub/dms/dm_store.hpp"

#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_sql.hpp"
#include "util/crypto.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {
// The channel with the other member (Go CLI's dm list reads member_id/member_type). $1 org,
// $2/$3 the caller.
std::string with_other_member(const std::string& where) {
  return "SELECT " + channel_columns("c") + ", o.member_id, o.member_type FROM channels c"
         " JOIN channel_members me ON me.channel_id = c.id AND me.member_id = $2 AND me.member_type = $3"
         " LEFT JOIN LATERAL (SELECT m.member_id, m.member_type FROM channel_members m WHERE m.channel_id = c.id"
         "  AND NOT (m.member_id = $2 AND m.member_type = $3) ORDER BY m.joined_at, m.member_id LIMIT 1) o ON true"
         " WHERE c.org_id = $1 AND c.type = 'dm'" + where;
}
}  // namespace

std::string dm_pair_hash(const std::string& a, const std::string& b) {
  return util::sha256_hex(a < b ? a + ":" + b : b + ":" + a);
}

asio::awaitable<OpenedDm> DmStore::open(const auth::Identity& who, const std::string& member_id,
                                        const std::string& member_type, const AuditEntry& audit) {
  const std::string hash = dm_pair_hash(who.id, member_id);
  // $1 org, $2 caller id, $3 member id, $4 member type, $5 new channel id, $6 pair hash.
  db::SqlParams params({who.org_id, who.id, member_id, member_type, util::new_ulid(), hash});
  // A concurrent open of the same pair waits on the unique index and then inserts nothing; the
  // later statements of this pipeline see the winner's row either way.
  std::string sql =
      "WITH member AS ("
      " SELECT a.id FROM agents a WHERE $4 = 'agent' AND a.org_id = $1 AND a.id = $3"
      " UNION ALL SELECT u.id FROM users u WHERE $4 = 'user' AND u.org_id = $1 AND u.id = $3"
      "), inserted AS (INSERT INTO channels (id, org_id, name, type, created_by, dm_pair_hash)"
      " SELECT $5, $1, 'dm-' || $2 || '-' || $3, 'dm', $2, $6 FROM member"
      " ON CONFLICT (org_id, dm_pair_hash) WHERE dm_pair_hash IS NOT NULL DO NOTHING RETURNING id"
      "), audit AS (";
  sql += audit_insert_from(audit, params, "inserted", "inserted.id", "jsonb_build_object('member_id', $3::text, 'member_type', $4::text)");
  sql += ") SELECT EXISTS (SELECT 1 FROM member), EXISTS (SELECT 1 FROM inserted)";
  std::vector<Statement> batch;
  batch.emplace_back(std::move(sql), params.take());
  // Members are added by their own statement: row-level security on channel_members looks the
  // channel up, and a row inserted by a CTE of the same statement is not visible to that check.
  batch.emplace_back(
      "INSERT INTO channel_members (channel_id, member_id, member_type) SELECT c.id, v.id, v.type FROM channels c,"
      " (VALUES ($2, $3), ($4, $5)) v (id, type) WHERE c.org_id = $1 AND c.id = $6 ON CONFLICT DO NOTHING",
      std::vector<db::Param>{who.org_id, who.id, std::string(who.type_name()), member_id, member_type,
                             batch.front().params[4]});
  batch.emplace_back(with_other_member(" AND c.dm_pair_hash = $4"),
                     std::vector<db::Param>{who.org_id, who.id, std::string(who.type_name()), hash});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  OpenedDm out;
  out.member_found = r[0].boolean(0, 0);
  out.is_new = r[0].boolean(0, 1);
  if (out.member_found && !r[2].empty()) out.channel = r[2].row_json(0);
  co_return out;
}

asio::awaitable<json::array> DmStore::list(const auth::Identity& who) {
  Statement select(with_other_member(" ORDER BY c.updated_at DESC, c.id DESC"),
                   {who.org_id, who.id, std::string(who.type_name())});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

}  // namespace agenthq::hub
