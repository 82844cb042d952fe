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

namespace {
// The statement with only the branches a post can need: mentions when its content names
// someone, a reply notification when it has a parent, a DM notification always (the channel's
// type is only known in the database). A plain post then costs a lookup of its channel, not a
// scan of the org's agents and a join to a parent it does not have.
std::string side_effects_sql(bool mentions, bool reply) {
  std::string sql =
      "WITH post AS ("
      " SELECT p.id, p.channel_id, p.parent_id, p.content, c.name AS channel_name, c.type AS channel_type"
      " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1 WHERE p.org_id = $1 AND p.id = $2"
      "), author AS (SELECT " + display_name("$3", "$4") + " AS name)";
  std::string wanted;
  if (mentions) {
    sql +=
        ", targets AS ("
        " SELECT a.id, row_number() OVER (ORDER BY a.created_at, a.id) AS ord FROM agents a, post"
        " WHERE a.org_id = $1 AND lower(a.name) IN (SELECT lower(x) FROM unnest($5::text[]) x)"
        " AND " + readable_by("a.id", "'agent'") +
        "), mentioned AS ("
        " INSERT INTO mentions (id, org_id, post_id, mentioned_id, mentioned_type)"
        " SELECT ($6::text[])[t.ord], $1, $2, t.id, 'agent' FROM targets t WHERE t.ord <= cardinality($6::text[])"
        " ON CONFLICT DO NOTHING RETURNING mentioned_id)";
    wanted +=
        " SELECT m.mentioned_id, 'agent', 'mention', post.id, 'post',"
        "  author.name || ' mentioned you in #' || post.channel_name, post.content FROM mentioned m, post, author"
        " UNION ALL";
  }
  if (reply)
    wanted +=
        " SELECT parent.author_id, parent.author_type, 'reply', post.id, 'post',"
        "  author.name || ' replied in #' || post.channel_name, post.content"
        " FROM post JOIN posts parent ON parent.org_id = $1 AND parent.id = post.parent_id, author"
        " WHERE parent.author_type IN ('agent', 'user') AND " + readable_by("parent.author_id", "parent.author_type") +
        " UNION ALL";
  wanted +=
      " SELECT m.member_id, m.member_type, 'dm', post.channel_id, 'channel',"
      "  'New direct message from ' || author.name, " + cut_text("post.content", 150) +
      " FROM post, author, LATERAL (SELECT cm.member_id, cm.member_type FROM channel_members cm"
      "  WHERE cm.channel_id = post.channel_id AND cm.member_id <> $3 ORDER BY cm.joined_at, cm.member_id LIMIT 1) m"
      " WHERE post.channel_type = 'dm'";
  return sql + ", wanted (recipient_id, recipient_type, type, source_id, source_type, title, body) AS (" + wanted +
         "), notified AS (" + insert_notifications_from("wanted", mentions ? "$7" : "$5", "$3", "$4") +
         ") SELECT id FROM notified";
}
}  // namespace

db::Statement post_side_effects(const auth::Identity& who, const std::string& post_id, const std::string& content,
                                bool reply) {
  // $1 org, $2 post id, $3 actor id, $4 actor type, then with mentions $5 mentioned names,
  // $6 mention ids, $7 notification ids; without, $5 notification ids.
  // Mentions are matched without regard to case (the reference was case-sensitive, so "@Scout"
  // missed "scout"); every agent of that name is mentioned (the reference picked one at random).
  const auto names = parse_mentions(content);
  const std::size_t mentions = names.empty() ? 0 : kMaxMentioned;
  static const std::string variants[4] = {side_effects_sql(false, false), side_effects_sql(false, true),
                                          side_effects_sql(true, false), side_effects_sql(true, true)};
  const std::string& sql = variants[(mentions ? 2 : 0) + (reply ? 1 : 0)];
  std::vector<db::Param> params{who.org_id, post_id, who.id, std::string(who.type_name())};
  if (mentions) {
    params.emplace_back(db::text_array(names));
    params.emplace_back(new_ids(mentions));
  }
  params.emplace_back(new_ids(mentions + (reply ? 1 : 0) + 1));  // one per mention, the reply and the dm
  return db::Statement(sql, std::move(params));
}

}  // namespace agenthq::hub
