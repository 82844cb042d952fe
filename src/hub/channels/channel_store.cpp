#include "hub/channels/channel_store.hpp"

#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "db/sql_builder.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/channels/channel_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {

// Parameters $1..$4 of every single-channel statement below: org, caller id, caller type, channel id.
std::vector<db::Param> channel_params(const auth::Identity& who, const std::string& id) {
  return {who.org_id, who.id, std::string(who.type_name()), id};
}

// Join and leave share one shape: look the channel up (readable or not), change the caller's
// member row unless the channel is unreadable or a system channel, audit only a real change, and
// report the channel's type, readability and whether a row changed, all in one statement.
// `change` is a data-modifying CTE named `changed` that returns channel_id for the changed row.
db::Statement membership_statement(const auth::Identity& who, const std::string& id, const AuditEntry& audit,
                                   const std::string& change) {
  db::SqlParams params(channel_params(who, id));
  std::string sql = "WITH ch AS (SELECT c.id, c.name, c.type, " + channel_readable("c", 2, 3) +
                    " AS readable FROM channels c WHERE c.org_id = $1 AND c.id = $4), changed AS (" + change +
                    "), audit AS (";
  sql += audit_insert_from(audit, params, "changed JOIN ch ON true", "changed.channel_id",
                           "jsonb_build_object('name', ch.name)");
  sql += ") SELECT ch.type, ch.readable, (SELECT count(*) FROM changed) AS changed FROM ch";
  return {std::move(sql), params.take()};
}

MembershipOutcome membership_outcome(const db::PgResult& r) {
  if (r.empty() || !r.boolean(0, 1)) return MembershipOutcome::not_found;
  if (r.text(0, 0) == "system") return MembershipOutcome::system_channel;
  return r.integer(0, 2) > 0 ? MembershipOutcome::changed : MembershipOutcome::unchanged;
}

}  // namespace

asio::awaitable<CreatedChannel> ChannelStore::create(const auth::Identity& who, const NewChannel& c,
                                                     const AuditEntry& audit) {
  const std::string id = util::new_ulid();
  std::vector<Statement> batch;
  Statement insert("INSERT INTO channels (id, org_id, name, description, type, created_by) VALUES ($1, $2, $3, $4, "
                   "$5, $6) RETURNING " + channel_columns("channels"),
                   {id, who.org_id, c.name, c.description, c.type, who.id});
  batch.push_back(std::move(insert));
  if (c.type == "private") {
    // Deviation from the reference (which never auto-joins): nobody could ever read or join a
    // private channel without members, so its creator becomes its first member.
    Statement member("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, $3)",
                     {id, who.id, std::string(who.type_name())});
    batch.push_back(std::move(member));
  }
  AuditEntry entry = audit;
  entry.resource_id = id;
  entry.details["name"] = c.name;
  entry.details["type"] = c.type;
  batch.push_back(audit_statement(entry));

  CreatedChannel out;
  try {
    const db::Scope scope = db::Scope::org(who.org_id);
    auto results = co_await db_.run(scope, std::move(batch));
    out.channel = results.front().row_json(0);
  } catch (const db::PgError& e) {
    if (!(e.is_unique_violation() && e.constraint() == "channels_org_id_name_unique")) throw;
    out.name_taken = true;
  }
  co_return out;
}

asio::awaitable<json::array> ChannelStore::list(const auth::Identity& who, const std::optional<std::string>& type) {
  std::vector<db::Param> params{who.org_id, who.id, std::string(who.type_name())};
  std::string sql = "SELECT " + channel_columns("c") + " FROM channels c WHERE c.org_id = $1 AND " +
                    channel_readable("c", 2, 3);
  if (type) {
    params.emplace_back(*type);
    sql += " AND c.type = $4";
  }
  sql += " ORDER BY c.name";
  Statement select(std::move(sql), std::move(params));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<std::optional<json::object>> ChannelStore::find(const auth::Identity& who, const std::string& id) {
  Statement select("SELECT " + channel_columns("c") + " FROM channels c WHERE c.org_id = $1 AND c.id = $4 AND " +
                       channel_readable("c", 2, 3),
                   channel_params(who, id));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<std::optional<json::object>> ChannelStore::stats(const auth::Identity& who, const std::string& id) {
  Statement select(
      "SELECT (SELECT count(*) FROM channel_members m WHERE m.channel_id = c.id) AS \"memberCount\", "
      "(SELECT count(*) FROM posts p WHERE p.org_id = $1 AND p.channel_id = c.id AND p.deleted_at IS NULL) AS \"postCount\" "
      "FROM channels c WHERE c.org_id = $1 AND c.id = $4 AND " + channel_readable("c", 2, 3),
      channel_params(who, id));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<MembershipOutcome> ChannelStore::change_membership(const auth::Identity& who, const std::string& id,
                                                                   MembershipChange change, const AuditEntry& audit) {
  const char* sql = change == MembershipChange::join
                        ? "INSERT INTO channel_members (channel_id, member_id, member_type) SELECT ch.id, $2, $3 FROM ch "
                          "WHERE ch.readable AND ch.type <> 'system' ON CONFLICT DO NOTHING RETURNING channel_id"
                        : "DELETE FROM channel_members m USING ch WHERE m.channel_id = ch.id AND ch.readable AND "
                          "ch.type <> 'system' AND m.member_id = $2 AND m.member_type = $3 RETURNING m.channel_id";
  Statement st = membership_statement(who, id, audit, sql);
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(st));
  co_return membership_outcome(r);
}

}  // namespace agenthq::hub
