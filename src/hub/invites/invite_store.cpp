#include "hub/invites/invite_store.hpp"

#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"
#include "hub/activity/activity_store.hpp"
#include "hub/agents/agent_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {

std::string invite_columns(const std::string& alias) {
  const std::string p = alias + ".";
  std::string out;
  for (const char* c : {"id", "org_id", "token", "created_by", "status", "invite_type", "email", "role",
                        "redeemed_by_agent_id", "redeemed_by_user_id", "expires_at", "redeemed_at", "created_at",
                        "updated_at"}) {
    if (!out.empty()) out += ", ";
    out += p + c;
  }
  return out;
}

constexpr const char* kOrgColumns = "o.id, o.name, o.slug, o.plan, o.settings, o.created_at, o.updated_at";

InviteOutcome outcome_of(std::string_view s) {
  if (s == "ok") return InviteOutcome::ok;
  if (s == "invalid_token") return InviteOutcome::invalid_token;
  if (s == "invalid_type") return InviteOutcome::invalid_type;
  if (s == "used") return InviteOutcome::used;
  if (s == "revoked") return InviteOutcome::revoked;
  if (s == "expired") return InviteOutcome::expired;
  if (s == "pending_exists") return InviteOutcome::pending_exists;
  if (s == "user_in_org") return InviteOutcome::user_in_org;
  if (s == "invalid_status") return InviteOutcome::invalid_status;
  return InviteOutcome::not_found;
}

// $1 org, $2 token: the invite locked, whether it was pending but past its time, and the
// redemption check in the contract's order; `type` is the invite type being redeemed.
// A statement whose first column is the verdict ("ok" or an outcome) and whose other columns,
// when it is ok, are the row to return in `into`.
InviteResult judged(const db::PgResult& r, json::object InviteResult::*into) {
  InviteResult out;
  out.outcome = outcome_of(r.text(0, 0));
  if (out.outcome == InviteOutcome::ok) {
    out.*into = r.row_json(0);
    (out.*into).erase("v");
  }
  return out;
}

// inv, expire, verdict and claimed: the invite row locked, expired if it is past, judged, and
// claimed (redeemed by $3) when the verdict is ok. Both redemptions start with these.
std::string claim_ctes(const std::string& type) {
  return "inv AS (SELECT i.id, i.invite_type, i.status, i.email, i.role, i.expires_at <= now() AS past"
         " FROM invites i WHERE i.org_id = $1 AND i.token = $2 FOR UPDATE),"
         " expire AS (UPDATE invites i SET status = 'expired', updated_at = now() FROM inv"
         " WHERE i.id = inv.id AND inv.status = 'pending' AND inv.past RETURNING i.id),"
         " verdict AS (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM inv) THEN 'invalid_token'"
         " WHEN (SELECT invite_type FROM inv) <> '" + type + "' THEN 'invalid_type'"
         " WHEN (SELECT status FROM inv) <> 'pending' THEN 'used'"
         " WHEN (SELECT past FROM inv) THEN 'expired' ELSE 'ok' END AS v),"
         " claimed AS (UPDATE invites i SET status = 'redeemed', redeemed_by_" + type + "_id = $3, redeemed_at = now(),"
         " updated_at = now() FROM inv, verdict WHERE i.id = inv.id AND verdict.v = 'ok' RETURNING i.id, i.email, i.role)";
}

// invite.redeemed, by the agent or user the redemption creates.
AuditEntry redeemed_entry(const std::string& org, const Redemption& red, const char* type, const std::string& ip) {
  AuditEntry e;
  e.org_id = org;
  e.actor_id = red.new_id;
  e.actor_type = type;
  e.action = "invite.redeemed";
  e.resource_type = "invite";
  e.details = {{"invite_type", type}};
  e.ip_address = ip;
  e.id = red.audit_id;
  return e;
}

}  // namespace

asio::awaitable<InviteResult> InviteStore::create(const auth::Identity& who, const std::string& type,
                                                  const std::optional<std::string>& email, const std::string& role,
                                                  const std::string& token, const AuditEntry& audit) {
  // $3 id, $4 token, $5 type, $6 email, $7 role. A pending user invite that has already expired
  // does not block a new one (the reference ignored expiry).
  db::SqlParams params({who.org_id, who.id, util::new_ulid(), token, type, email,
                                type == "user" ? db::Param{role} : db::Param{}});
  std::string sql =
      "WITH check_ AS (SELECT CASE"
      " WHEN $6::text IS NOT NULL AND EXISTS (SELECT 1 FROM users u WHERE u.org_id = $1 AND u.email = $6::text)"
      "  THEN 'user_in_org'"
      " WHEN $6::text IS NOT NULL AND EXISTS (SELECT 1 FROM invites i WHERE i.org_id = $1 AND i.invite_type = 'user'"
      "  AND i.email = $6::text AND i.status = 'pending' AND i.expires_at > now()) THEN 'pending_exists'"
      " ELSE 'ok' END AS v"
      "), inserted AS (INSERT INTO invites AS i (id, org_id, token, created_by, status, invite_type, email, role,"
      " expires_at) SELECT $3, $1, $4, $2, 'pending', $5, $6, $7, now() + interval '7 days' FROM check_"
      " WHERE check_.v = 'ok' RETURNING " + invite_columns("i") + "), audit AS (";
  sql += audit_insert_from(audit, params, "inserted", "inserted.id",
                           "jsonb_build_object('invite_type', inserted.invite_type, 'email', inserted.email, 'role', "
                           "inserted.role)");
  sql += ") SELECT check_.v, inserted.* FROM check_ LEFT JOIN inserted ON true";
  Statement insert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(insert));
  co_return judged(r, &InviteResult::invite);
}

asio::awaitable<InvitePage> InviteStore::list(const auth::Identity& who, const std::optional<std::string>& type,
                                              std::int64_t limit, std::int64_t offset) {
  db::PagedQuery q;
  q.columns = invite_columns("i");
  q.params = db::SqlParams({who.org_id});
  q.from_where = " FROM invites i WHERE i.org_id = $1" + q.params.and_equal("i.invite_type", type);
  q.order = "i.created_at DESC, i.id DESC";
  const db::Scope scope = db::Scope::org(who.org_id);
  co_return co_await db::read_page(db_, scope, std::move(q), limit, offset);
}

asio::awaitable<InviteResult> InviteStore::revoke(const auth::Identity& who, const std::string& id,
                                                  const AuditEntry& audit) {
  db::SqlParams params({who.org_id, id});
  std::string sql =
      "WITH target AS (SELECT i.id, i.status FROM invites i WHERE i.org_id = $1 AND i.id = $2 FOR UPDATE),"
      " revoked AS (UPDATE invites i SET status = 'revoked', updated_at = now() FROM target"
      " WHERE i.id = target.id AND target.status = 'pending' RETURNING " + invite_columns("i") + "), audit AS (";
  sql += audit_insert_from(audit, params, "revoked", "revoked.id");
  sql += ") SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not_found'"
         " WHEN NOT EXISTS (SELECT 1 FROM revoked) THEN 'invalid_status' ELSE 'ok' END AS v, revoked.*"
         " FROM (SELECT 1) one LEFT JOIN revoked ON true";
  Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(update));
  co_return judged(r, &InviteResult::invite);
}

asio::awaitable<std::optional<std::string>> InviteStore::org_of(const std::string& token) {
  Statement select("SELECT agenthq_invite_org($1)", {token});
  const db::Scope scope = db::Scope::none();
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.opt_text(0, 0);
}

asio::awaitable<InviteResult> InviteStore::lookup(const std::string& token) {
  auto org = co_await org_of(token);
  if (!org) co_return InviteResult{InviteOutcome::invalid_token};
  InviteResult out;
  // Only what someone holding the link needs to decide (the reference returned the whole row,
  // creator and redeemer included).
  Statement select(
      "WITH inv AS (SELECT i.* FROM invites i WHERE i.org_id = $1 AND i.token = $2),"
      " expire AS (UPDATE invites i SET status = 'expired', updated_at = now() FROM inv"
      " WHERE i.id = inv.id AND inv.status = 'pending' AND inv.expires_at <= now() RETURNING i.id)"
      " SELECT CASE WHEN inv.status = 'expired' OR EXISTS (SELECT 1 FROM expire) THEN 'expired'"
      " WHEN inv.status = 'revoked' THEN 'revoked' WHEN inv.status <> 'pending' THEN 'used' ELSE 'ok' END AS v,"
      " inv.id, inv.org_id, o.name AS org_name, inv.invite_type, inv.email, inv.role,"
      " CASE WHEN EXISTS (SELECT 1 FROM expire) THEN 'expired' ELSE inv.status END AS status,"
      " inv.expires_at, inv.created_at FROM inv JOIN orgs o ON o.id = inv.org_id",
      {*org, token});
  const db::Scope scope = db::Scope::org(*org);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) {
    out.outcome = InviteOutcome::invalid_token;
    co_return out;
  }
  const auto v = r.text(0, 0);
  out.outcome = v == "ok" ? InviteOutcome::ok : outcome_of(v);
  out.invite = r.row_json(0);
  out.invite.erase("v");
  co_return out;
}

asio::awaitable<InviteResult> InviteStore::redeem_agent(const Redemption& red, const std::string& ip) {
  auto org = co_await org_of(red.token);
  if (!org) co_return InviteResult{InviteOutcome::invalid_token};
  // $3 agent id, $4 name, $5 key hash, $6 key prefix; the entry's values follow. The new agent
  // is the entry's actor.
  db::SqlParams params({*org, red.token, red.new_id, red.name, red.secret_hash, red.key_prefix});
  std::string sql =
      "WITH " + claim_ctes("agent") +
      ", agent AS (INSERT INTO agents (id, org_id, name, api_key_hash, api_key_prefix) SELECT $3, $1, $4, $5, $6"
      " FROM claimed RETURNING " + agent_columns(presence_timeout_, "agents") + "), audit AS (";
  sql += audit_insert_from(redeemed_entry(*org, red, "agent", ip), params, "agent, claimed", "claimed.id");
  sql += ") SELECT verdict.v, agent.* FROM verdict LEFT JOIN agent ON true";
  Statement redeem(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(*org);
  auto r = co_await db_.query(scope, std::move(redeem));
  co_return judged(r, &InviteResult::created);
}

asio::awaitable<InviteResult> InviteStore::redeem_user(const Redemption& red, const std::string& ip) {
  auto org = co_await org_of(red.token);
  if (!org) co_return InviteResult{InviteOutcome::invalid_token};
  InviteResult out;
  // $3 user id, $4 name, $5 password hash; the entry's values follow. users.email is unique
  // across all orgs, so an address used elsewhere fails the insert: the whole statement, claim
  // included, is undone and the invite stays pending.
  db::SqlParams params({*org, red.token, red.new_id, red.name, red.secret_hash});
  std::string sql =
      "WITH " + claim_ctes("user") +
      ", person AS (INSERT INTO users (id, org_id, email, password_hash, name, role)"
      " SELECT $3, $1, claimed.email, $5, $4, coalesce(claimed.role, 'member') FROM claimed"
      " RETURNING id, email, name, role, org_id), audit AS (";
  sql += audit_insert_from(redeemed_entry(*org, red, "user", ip), params, "person, claimed", "claimed.id",
                           "jsonb_build_object('role', person.role)");
  sql += ") SELECT verdict.v, person.* FROM verdict LEFT JOIN person ON true";
  std::vector<Statement> batch;
  batch.emplace_back(std::move(sql), params.take());
  batch.emplace_back(std::string("SELECT ") + kOrgColumns + " FROM orgs o WHERE o.id = $1", std::vector<db::Param>{*org});
  const db::Scope scope = db::Scope::org(*org);
  try {
    auto r = co_await db_.run(scope, std::move(batch));
    out.outcome = outcome_of(r[0].text(0, 0));
    if (out.outcome == InviteOutcome::ok) {
      json::object user = r[0].row_json(0);
      user.erase("v");
      out.created["user"] = std::move(user);
      out.created["org"] = r[1].row_json(0);
    }
  } catch (const db::PgError& e) {
    if (!(e.is_unique_violation() && e.constraint() == "users_email_unique")) throw;
    out.outcome = InviteOutcome::email_exists;
  }
  co_return out;
}

}  // namespace agenthq::hub
