#include "hub/posts/post_side_effects.hpp"

#include "db/sql_builder.hpp"
#include "hub/notifications/notification_sql.hpp"
#include "hub/posts/mentions.hpp"

namespace agenthq::hub {

namespace {
// At most this many agents are mentioned by one post (several agents may share a name).
constexpr std::size_t kMaxMentioned = 100;

// May (id, type) read the post's channel? As channel_readable(), for someone other than the caller.
std::string readable_by(const std::string& id, const std::string& type) {
  return "(post.channel_type NOT IN ('private', 'dm') OR EXISTS (SELECT 1 FROM channel_members cm WHERE "
         "cm.channel_id = post.channel_id AND cm.member_id = " + id + " AND cm.member_type = " + type + "))";
}
}  // namespace

db::Statement post_side_effects(const auth::Identity& who, const std::string& post_id, const std::string& content) {
  // $1 org, $2 post id, $3 actor id, $4 actor type, $5 mentioned names, $6 mention ids,
  // $7 notification ids.
  const auto names = parse_mentions(content);
  const std::size_t mentions = names.empty() ? 0 : kMaxMentioned;
  // Mentions are matched without regard to case (the reference was case-sensitive, so "@Scout"
  // missed "scout"); every agent of that name is mentioned (the reference picked one at random).
  static const std::string sql =
      "WITH post AS ("
      " SELECT p.id, p.channel_id, p.parent_id, p.content, c.name AS channel_name, c.type AS channel_type"
      " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1 WHERE p.org_id = $1 AND p.id = $2"
      "), author AS (SELECT " + display_name("$3", "$4") + " AS name"
      "), targets AS ("
      " SELECT a.id, row_number() OVER (ORDER BY a.created_at, a.id) AS ord FROM agents a, post"
      " WHERE a.org_id = $1 AND lower(a.name) IN (SELECT lower(x) FROM unnest($5::text[]) x)"
      " AND " + readable_by("a.id", "'agent'") +
      "), mentioned AS ("
      " INSERT INTO mentions (id, org_id, post_id, mentioned_id, mentioned_type)"
      " SELECT ($6::text[])[t.ord], $1, $2, t.id, 'agent' FROM targets t WHERE t.ord <= cardinality($6::text[])"
      " ON CONFLICT DO NOTHING RETURNING mentioned_id"
      "), wanted (recipient_id, recipient_type, type, source_id, source_type, title, body) AS ("
      " SELECT m.mentioned_id, 'agent', 'mention', post.id, 'post',"
      "  author.name || ' mentioned you in #' || post.channel_name, post.content FROM mentioned m, post, author"
      " UNION ALL"
      " SELECT parent.author_id, parent.author_type, 'reply', post.id, 'post',"
      "  author.name || ' replied in #' || post.channel_name, post.content"
      " FROM post JOIN posts parent ON parent.org_id = $1 AND parent.id = post.parent_id, author"
      " WHERE parent.author_type IN ('agent', 'user') AND " + readable_by("parent.author_id", "parent.author_type") +
      " UNION ALL"
      " SELECT m.member_id, m.member_type, 'dm', post.channel_id, 'channel',"
      "  'New direct message from ' || author.name, " + cut_text("post.content", 150) +
      " FROM post, author, LATERAL (SELECT cm.member_id, cm.member_type FROM channel_members cm"
      "  WHERE cm.channel_id = post.channel_id AND cm.member_id <> $3 ORDER BY cm.joined_at, cm.member_id LIMIT 1) m"
      " WHERE post.channel_type = 'dm'"
      "), notified AS (" + insert_notifications_from("wanted", "$7", "$3", "$4") +
      ") SELECT id FROM notified";
  return db::Statement(sql, {who.org_id, post_id, who.id, std::string(who.type_name()), db::text_array(names),
                             new_ids(mentions), new_ids(mentions + 2)});
}

}  // namespace agenthq::hub
