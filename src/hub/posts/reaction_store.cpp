#include "hub/posts/reaction_store.hpp"

#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/notifications/notification_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {
constexpr const char* kReactionColumns = "id, org_id, post_id, author_id, author_type, emoji, created_at";

// $1 org, $2/$3 caller, $4 post id.
std::string readable_post(bool live_only) {
  return "SELECT p.id, p.author_id, p.author_type, p.content, c.name AS channel_name FROM posts p"
         " JOIN channels c ON c.id = p.channel_id AND c.org_id = $1 WHERE p.org_id = $1 AND p.id = $4" +
         std::string(live_only ? " AND p.deleted_at IS NULL" : "") + " AND " + channel_readable("c", 2, 3);
}
}  // namespace

asio::awaitable<AddedReaction> ReactionStore::add(const auth::Identity& who, const std::string& post_id,
                                                  const std::string& emoji, const AuditEntry& audit) {
  // $5 emoji, $6 reaction id, $7 notification id (as a one-element text[]).
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), post_id, emoji, util::new_ulid(),
                                new_ids(1)});
  // The notification names the reactor (the reference named the post's author, i.e. the
  // recipient) and is written only for a new reaction. The post is locked (against a
  // concurrent delete) only when the reaction is not there yet: a repeated reaction neither
  // waits on the row lock nor on the conflicting insert, so repeats do not queue behind each other.
  std::string sql =
      "WITH seen AS (" + readable_post(true) +
      "), existing AS (SELECT 1 FROM reactions WHERE org_id = $1 AND post_id = $4 AND author_id = $2 AND emoji = $5"
      "), post AS (" + readable_post(true) + " AND NOT EXISTS (SELECT 1 FROM existing) FOR SHARE OF p"
      "), inserted AS (INSERT INTO reactions (id, org_id, post_id, author_id, author_type, emoji)"
      " SELECT $6, $1, post.id, $2, $3, $5 FROM post ON CONFLICT (post_id, author_id, emoji) DO NOTHING"
      " RETURNING " + std::string(kReactionColumns) +
      "), wanted (recipient_id, recipient_type, type, source_id, source_type, title, body) AS ("
      " SELECT post.author_id, post.author_type, 'reaction', post.id, 'post', " + display_name("$2", "$3") +
      " || ' reacted ' || $5 || ' to your post in #' || post.channel_name, " + cut_text("post.content", 100) +
      " FROM post, inserted WHERE post.author_type IN ('agent', 'user')"
      "), notified AS (" + insert_notifications_from("wanted", "$7", "$2", "$3") +
      "), audit AS (";
  sql += audit_insert_from(audit, params, "post", "post.id", "jsonb_build_object('emoji', $5::text)");
  sql += " WHERE EXISTS (SELECT 1 FROM inserted)"
         ") SELECT EXISTS (SELECT 1 FROM seen) AS post_found, r.*, (SELECT id FROM notified LIMIT 1) AS notification_id"
         " FROM (SELECT 1) one LEFT JOIN ("
         "  SELECT " + std::string(kReactionColumns) + ", true AS is_new FROM inserted"
         "  UNION ALL SELECT " + kReactionColumns + ", false FROM reactions"
         "  WHERE org_id = $1 AND post_id = $4 AND author_id = $2 AND emoji = $5 AND NOT EXISTS (SELECT 1 FROM inserted)"
         " ) r ON true LIMIT 1";
  Statement insert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(insert));
  AddedReaction out;
  out.post_found = r.boolean(0, 0);
  if (!out.post_found) co_return out;
  const int id_col = r.column("id");
  if (!r.is_null(0, id_col)) {
    out.reaction = r.row_json(0);
    out.is_new = out.reaction.at("is_new").as_bool();
    out.reaction.erase("is_new");
    out.reaction.erase("post_found");
    out.reaction.erase("notification_id");
  }
  out.notification_id = r.opt_text(0, r.column("notification_id"));
  co_return out;
}

asio::awaitable<bool> ReactionStore::remove(const auth::Identity& who, const std::string& post_id,
                                            const std::string& emoji, const AuditEntry& audit) {
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), post_id, emoji});
  std::string sql =
      "WITH removed AS (DELETE FROM reactions WHERE org_id = $1 AND post_id = $4 AND author_id = $2"
      " AND author_type = $3 AND emoji = $5 RETURNING post_id AS id), audit AS (";
  sql += audit_insert_from(audit, params, "removed", "removed.id", "jsonb_build_object('emoji', $5::text)");
  sql += ") SELECT count(*) FROM removed";
  Statement remove(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(remove));
  co_return r.integer(0, 0) > 0;
}

asio::awaitable<std::optional<json::array>> ReactionStore::summary(const auth::Identity& who,
                                                                   const std::string& post_id) {
  std::vector<db::Param> params{who.org_id, who.id, std::string(who.type_name()), post_id};
  std::vector<Statement> batch;
  batch.emplace_back(readable_post(false), params);
  batch.emplace_back(
      "SELECT r.emoji, count(*) AS count, json_agg(json_build_object('id', r.author_id, 'type', r.author_type)"
      " ORDER BY r.created_at, r.id) AS authors FROM reactions r WHERE r.org_id = $1 AND r.post_id = $2"
      " GROUP BY r.emoji ORDER BY min(r.created_at), r.emoji",
      std::vector<db::Param>{who.org_id, post_id});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  if (r[0].empty()) co_return std::nullopt;
  co_return r[1].rows_json();
}

}  // namespace agenthq::hub
