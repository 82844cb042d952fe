#include "hub/posts/post_edit_store.hpp"

#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/posts/post_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {

// $1 org, $2 caller id, $3 caller type, $4 post id: the post, locked, if the caller may read it.
const std::string& target_cte() {
  static const std::string sql =
      "target AS (SELECT p.id, p.author_id, p.author_type, p.title, p.content, p.deleted_at, p.parent_id"
      " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
      " WHERE p.org_id = $1 AND p.id = $4 AND " + channel_readable("c", 2, 3) + " FOR UPDATE OF p)";
  return sql;
}

// The first column of both statements: what happened.
const std::string kOutcome =
    "CASE WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not_found'"
    " WHEN (SELECT author_id <> $2 OR author_type <> $3 FROM target) THEN 'forbidden'";

ChangedPost changed_post(const db::PgResult& r) {
  ChangedPost out;
  const auto outcome = r.text(0, 0);
  if (outcome == "not_found") {
    out.outcome = ChangeOutcome::not_found;
  } else if (outcome == "forbidden") {
    out.outcome = ChangeOutcome::forbidden;
  } else {
    out.changed = outcome == "changed";
    out.post = r.row_json(0);
    out.post.erase("outcome");
  }
  return out;
}

}  // namespace

asio::awaitable<ChangedPost> PostEditStore::edit(const auth::Identity& who, const std::string& id, const PostEdit& e,
                                                 const AuditEntry& audit) {
  // $5 edit id, $6 title given, $7 title, $8 content (NULL: unchanged).
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), id, util::new_ulid(),
                                e.title_given ? "true" : "false", e.title, e.content});
  std::string sql =
      "WITH " + target_cte() +
      ", history AS (INSERT INTO post_edits (id, post_id, org_id, previous_content, previous_title, edited_by)"
      " SELECT $5, t.id, $1, t.content, t.title, $2 FROM target t"
      " WHERE t.author_id = $2 AND t.author_type = $3 AND t.deleted_at IS NULL RETURNING post_id"
      "), updated AS (UPDATE posts p SET title = CASE WHEN $6::boolean THEN $7::text ELSE p.title END,"
      " content = coalesce($8::text, p.content), edited_at = now(), updated_at = now()"
      " FROM history h WHERE p.org_id = $1 AND p.id = h.post_id RETURNING " + post_columns("p") +
      "), audit AS (";
  sql += audit_insert_from(audit, params, "updated", "updated.id");
  sql += ") SELECT " + kOutcome + " WHEN (SELECT deleted_at IS NOT NULL FROM target) THEN 'not_found'"
         " ELSE 'changed' END AS outcome, updated.* FROM (SELECT 1) one LEFT JOIN updated ON true";
  Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(update));
  co_return changed_post(r);
}

asio::awaitable<ChangedPost> PostEditStore::remove(const auth::Identity& who, const std::string& id,
                                                   const AuditEntry& audit) {
  // A deleted reply no longer counts in its thread root's reply_count (the reference never
  // decremented it). The walk to the root is the one of post creation, at most 50 hops.
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), id});
  std::string sql =
      "WITH RECURSIVE " + target_cte() +
      ", deleted AS (UPDATE posts p SET deleted_at = now(), updated_at = now() FROM target t"
      " WHERE p.org_id = $1 AND p.id = t.id AND t.author_id = $2 AND t.author_type = $3 AND t.deleted_at IS NULL"
      " RETURNING " + post_columns("p") +
      "), ancestors (id, parent_id, hops) AS ("
      " SELECT p.id, p.parent_id, 0 FROM deleted d JOIN posts p ON p.org_id = $1 AND p.id = d.parent_id"
      " UNION ALL"
      " SELECT p.id, p.parent_id, a.hops + 1 FROM ancestors a JOIN posts p ON p.org_id = $1 AND p.id = a.parent_id"
      " WHERE a.hops < 50"
      "), unbumped AS ("
      " UPDATE posts SET metadata = jsonb_set(metadata, '{reply_count}',"
      "   to_jsonb(greatest(floor((metadata ->> 'reply_count')::numeric) - 1, 0)))"
      " WHERE org_id = $1 AND id = (SELECT id FROM ancestors ORDER BY hops DESC LIMIT 1)"
      "   AND jsonb_typeof(metadata -> 'reply_count') = 'number' RETURNING id"
      "), audit AS (";
  sql += audit_insert_from(audit, params, "deleted", "deleted.id");
  sql += ") SELECT " + kOutcome + " WHEN EXISTS (SELECT 1 FROM deleted) THEN 'changed' ELSE 'unchanged' END AS outcome,"
         " deleted.* FROM (SELECT 1) one LEFT JOIN deleted ON true";
  Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(update));
  co_return changed_post(r);
}

asio::awaitable<std::optional<json::array>> PostEditStore::edits(const auth::Identity& who, const std::string& id) {
  std::vector<db::Param> params{who.org_id, who.id, std::string(who.type_name()), id};
  std::vector<Statement> batch;
  batch.emplace_back("SELECT 1 FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
                     " WHERE p.org_id = $1 AND p.id = $4 AND " + channel_readable("c", 2, 3),
                     params);
  batch.emplace_back("SELECT e.id, e.post_id, e.org_id, e.previous_content, e.previous_title, e.edited_by, e.created_at"
                     " FROM post_edits e WHERE e.org_id = $1 AND e.post_id = $2 ORDER BY e.created_at DESC, e.id DESC",
                     std::vector<db::Param>{who.org_id, id});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  if (r[0].empty()) co_return std::nullopt;
  co_return r[1].rows_json();
}

}  // namespace agenthq::hub
