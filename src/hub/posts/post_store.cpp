#include "hub/posts/post_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/cache/versioned_read.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/posts/post_side_effects.hpp"
#include "hub/posts/post_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {

// Threads cannot form cycles through the API (a parent exists before its reply and parent_id
// never changes), but a walk over rows must terminate whatever the data says.
constexpr int kMaxThreadDepth = 1000;

// One statement per list: the total and the page, so a list costs PostgreSQL what the bare page
// query costs plus a few counter rows. $1 org, $2/$3 the caller (for channel_readable), then one
// parameter per filter present, then limit and offset. Only the filters given appear in the SQL,
// so each combination is its own prepared statement with a plan that fits it.
//
// The total comes from the counters of migration 022 (at most 8 rows per readable channel)
// for every filter but `since`, whose window is counted. With a channel, its readability is one
// uncorrelated EXISTS on the whole statement (checked once, and no row at all when the caller
// may not read it); without, every post and counter row is joined to its channel. The page is
// LEFT JOINed to the total, so a page beyond the end still yields one row carrying it (id NULL).
Statement list_statement(const auth::Identity& who, const PostFilter& f, std::int64_t limit, std::int64_t offset) {
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name())});
  auto ref = [&params](const std::string& value) { return params.bind(value); };
  const std::string channel = f.channel_id ? ref(*f.channel_id) : "";
  const std::string type = f.type ? ref(*f.type) : "";
  const std::string author = f.author_id ? ref(*f.author_id) : "";
  const std::string since = f.since ? ref(*f.since) + "::timestamptz" : "";

  std::string posts = channel.empty()
                          ? " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1 WHERE p.org_id = $1"
                            " AND p.parent_id IS NULL AND p.deleted_at IS NULL AND " + channel_readable("c", 2, 3)
                          : " FROM posts p WHERE p.org_id = $1 AND p.parent_id IS NULL AND p.deleted_at IS NULL"
                            " AND p.channel_id = " + channel;
  if (!type.empty()) posts += " AND p.type = " + type;
  if (!author.empty()) posts += " AND p.author_id = " + author;
  if (!since.empty()) posts += " AND p.created_at >= " + since;

  std::string total;
  if (!since.empty()) {
    total = "SELECT count(*) AS total" + posts;
  } else {
    total = "SELECT coalesce(sum(pc.n), 0)::bigint AS total FROM post_counts pc";
    if (channel.empty())
      total += " JOIN channels c ON c.id = pc.channel_id AND c.org_id = $1 WHERE pc.org_id = $1 AND " +
               channel_readable("c", 2, 3);
    else
      total += " WHERE pc.org_id = $1 AND pc.channel_id = " + channel;
    total += type.empty() ? " AND pc.type IS NULL" : " AND pc.type = " + type;  // NULL: the "any" row
    total += author.empty() ? " AND pc.author_id IS NULL" : " AND pc.author_id = " + author;
  }
  const std::string page = db::limit_offset(params, limit, offset);
  std::string sql = "SELECT " + post_columns("p") + ", t.total FROM (" + total + ") t LEFT JOIN LATERAL (SELECT " +
                    post_columns("p") + posts + " ORDER BY " + kPostListOrder + page + ") p ON true";
  if (!channel.empty())
    sql += " WHERE EXISTS (SELECT 1 FROM channels c WHERE c.org_id = $1 AND c.id = " + channel + " AND " +
           channel_readable("c", 2, 3) + ")";
  return Statement(std::move(sql), params.take(), db::Plan::cached);
}

// Everything a list page depends on besides the data: the caller (channel readability), the
// filters and the page. \x1f cannot occur in ids, timestamps or numbers; absent filters carry a marker.
std::string list_cache_key(const auth::Identity& who, const PostFilter& f, std::int64_t limit, std::int64_t offset) {
  std::string key = who.org_id;
  (key += '\x1f') += who.type_name();
  (key += '\x1f') += who.id;
  for (const auto* part : {&f.channel_id, &f.type, &f.author_id, &f.since}) key += *part ? "\x1f=" + **part : "\x1f-";
  return key + '\x1f' + std::to_string(limit) + '\x1f' + std::to_string(offset);
}

// Rows of list_statement(); nullopt when it returned none (a channel the caller may not read).
std::optional<PostPage> page_of(const db::PgResult& r) {
  if (r.empty()) return std::nullopt;
  PostPage out;
  out.total = r.counted_page_json(out.posts);
  return out;
}

// $1 org, $2 author id, $3 author type, $4 channel id (NULL: the parent's), $5 parent id,
// $6 new id, $7 type, $8 title, $9 content, $10 metadata; the audit entry's values follow.
// parent: only a post of a channel the caller can read counts as existing (no probing of
// private channels). ancestors: the walk to the thread root, at most 50 hops, in the same
// statement rather than one query per level. The reply counter is bumped in SQL, so
// concurrent replies never lose an increment. A client-written reply_count that is not a
// number counts as 0 instead of failing the insert.
std::string create_sql(const AuditEntry& audit, db::SqlParams& params) {
  std::string sql =
      "WITH RECURSIVE parent AS ("
      " SELECT p.id, p.channel_id, p.parent_id FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
      " WHERE p.org_id = $1 AND p.id = $5::text AND p.deleted_at IS NULL AND " + channel_readable("c", 2, 3) +
      "), target AS ("
      " SELECT c.id FROM channels c WHERE c.org_id = $1 AND c.id = COALESCE($4::text, (SELECT channel_id FROM parent))"
      " AND " + channel_readable("c", 2, 3) +
      "), inserted AS ("
      " INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, metadata, parent_id)"
      " SELECT $6, $1, target.id, $2, $3, $7, $8, $9, $10::jsonb, $5::text FROM target"
      " WHERE $5::text IS NULL OR EXISTS (SELECT 1 FROM parent WHERE parent.channel_id = target.id)"
      " RETURNING " + post_columns("posts") +
      "), ancestors (id, parent_id, hops) AS ("
      " SELECT parent.id, parent.parent_id, 0 FROM parent WHERE EXISTS (SELECT 1 FROM inserted)"
      " UNION ALL"
      " SELECT p.id, p.parent_id, a.hops + 1 FROM ancestors a JOIN posts p ON p.org_id = $1 AND p.id = a.parent_id"
      " WHERE a.hops < 50"
      "), bumped AS ("
      " UPDATE posts SET metadata = jsonb_set("
      "   CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata ELSE '{}'::jsonb END, '{reply_count}',"
      "   to_jsonb(CASE WHEN jsonb_typeof(metadata -> 'reply_count') = 'number'"
      "            THEN floor((metadata ->> 'reply_count')::numeric) ELSE 0 END + 1))"
      " WHERE org_id = $1 AND id = (SELECT id FROM ancestors ORDER BY hops DESC LIMIT 1)"
      " RETURNING id"
      "), audit AS (";
  sql += audit_insert_from(audit, params, "inserted", "inserted.id",
                           "jsonb_build_object('channel_id', inserted.channel_id, 'type', inserted.type, "
                           "'parent_id', inserted.parent_id)");
  sql += ") SELECT CASE WHEN inserted.id IS NOT NULL THEN 'created'"
         " WHEN $5::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM parent) THEN 'parent_not_found'"
         " WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'channel_not_found'"
         " ELSE 'parent_in_other_channel' END AS outcome, inserted.*"
         " FROM (SELECT 1) AS one LEFT JOIN inserted ON true";
  return sql;
}

const std::string& thread_sql() {
  // $1 org, $2/$3 caller, $4 post id. One statement returns the post (in_thread = 0) and every
  // descendant that is not deleted (in_thread = 1; a deleted reply's own replies still show),
  // with its author's name resolved from agents or users of the org
  // (NULL when unknown, e.g. "system"), so the authors map costs no extra round trip.
  static const std::string sql =
      "WITH RECURSIVE root AS ("
      " SELECT p.id FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
      " WHERE p.org_id = $1 AND p.id = $4 AND " + channel_readable("c", 2, 3) +
      "), thread (id, depth) AS ("
      " SELECT p.id, 1 FROM root JOIN posts p ON p.org_id = $1 AND p.parent_id = root.id"
      " UNION ALL"
      " SELECT p.id, t.depth + 1 FROM thread t JOIN posts p ON p.org_id = $1 AND p.parent_id = t.id"
      " WHERE t.depth < " + std::to_string(kMaxThreadDepth) +
      "), found (id, in_thread) AS (SELECT id, 0 FROM root UNION ALL SELECT id, 1 FROM thread)"
      " SELECT " + post_columns("p") + ", r.in_thread, who.name AS author_name, who.kind AS author_kind"
      " FROM found r JOIN posts p ON p.org_id = $1 AND p.id = r.id AND (r.in_thread = 0 OR p.deleted_at IS NULL)"
      " LEFT JOIN LATERAL ("
      "  SELECT a.name, 'agent'::text AS kind FROM agents a"
      "  WHERE p.author_type = 'agent' AND a.org_id = $1 AND a.id = p.author_id"
      "  UNION ALL"
      "  SELECT u.name, 'user'::text FROM users u WHERE p.author_type = 'user' AND u.org_id = $1 AND u.id = p.author_id"
      "  LIMIT 1) who ON true"
      " ORDER BY r.in_thread, p.created_at, p.id";
  return sql;
}

// Rows of thread_sql() -> {post, thread, authors, author}. Kept out of the coroutine: plain code
// building JSON is easier to reason about there (g++ 12 coroutine frames).
json::object assemble_thread(const db::PgResult& r) {
  const int name_col = r.column("author_name");
  json::object authors;
  json::array thread;
  json::object post;
  for (int i = 0; i < r.rows(); ++i) {
    json::object row = r.row_json(i);
    json::value kind = row.at("author_kind");
    row.erase("in_thread");
    row.erase("author_name");
    row.erase("author_kind");
    if (!r.is_null(i, name_col)) {
      json::string author_id = row.at("author_id").as_string();
      json::object entry;
      entry["id"] = author_id;
      entry["name"] = json::string(r.text(i, name_col));
      entry["type"] = kind;
      authors[author_id] = std::move(entry);
    }
    if (i == 0)
      post = std::move(row);
    else
      thread.emplace_back(std::move(row));
  }
  // The root's author, named even when nobody resolves it ("system" on the welcome posts).
  json::object author;
  const json::string root_author = post.at("author_id").as_string();
  if (auto it = authors.find(root_author); it != authors.end()) {
    author = it->value().as_object();
  } else {
    author["id"] = root_author;
    author["name"] = root_author;
    author["type"] = post.at("author_type");
  }
  json::object out;
  out["post"] = std::move(post);
  out["thread"] = std::move(thread);
  out["authors"] = std::move(authors);
  out["author"] = std::move(author);
  return out;
}

CreatedPost created_post(const db::PgResult& r) {
  CreatedPost out;
  const auto outcome = r.text(0, 0);
  if (outcome == "created") {
    out.post = r.row_json(0);
    out.post.erase("outcome");
  } else if (outcome == "parent_not_found") {
    out.outcome = CreateOutcome::parent_not_found;
  } else if (outcome == "channel_not_found") {
    out.outcome = CreateOutcome::channel_not_found;
  } else {
    out.outcome = CreateOutcome::parent_in_other_channel;
  }
  return out;
}

}  // namespace

asio::awaitable<std::optional<PostPage>> PostStore::read_list(const auth::Identity& who, const PostFilter& filter,
                                                              std::int64_t limit, std::int64_t offset) {
  if (!cache_) {
    Statement select = list_statement(who, filter, limit, offset);
    const db::Scope scope = db::Scope::org(who.org_id);
    auto r = co_await db_.query(scope, std::move(select));
    co_return page_of(r);
  }
  const std::string key = list_cache_key(who, filter, limit, offset);
  std::function<Statement()> read = [&] { return list_statement(who, filter, limit, offset); };
  std::function<std::optional<PostPage>(const db::PgResult&)> parse = page_of;
  co_return co_await read_versioned(db_, who.org_id, *cache_, key, std::move(read), std::move(parse));
}

asio::awaitable<PostPage> PostStore::list(const auth::Identity& who, const PostFilter& filter, std::int64_t limit,
                                          std::int64_t offset) {
  std::optional<PostPage> page = co_await read_list(who, filter, limit, offset);
  if (!page) page.emplace();  // none: a channel filter the caller may not read lists nothing
  co_return std::move(*page);
}

asio::awaitable<std::optional<PostPage>> PostStore::list_channel(const auth::Identity& who, const PostFilter& filter,
                                                                 std::int64_t limit, std::int64_t offset) {
  co_return co_await read_list(who, filter, limit, offset);  // filter.channel_id is set
}

asio::awaitable<std::optional<json::object>> PostStore::find_with_thread(const auth::Identity& who,
                                                                         const std::string& id) {
  Statement select(thread_sql(), {who.org_id, who.id, std::string(who.type_name()), id});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return assemble_thread(r);
}

asio::awaitable<CreatedPost> PostStore::create(const auth::Identity& who, const NewPost& n, const AuditEntry& audit) {
  const std::string id = util::new_ulid();
  db::SqlParams params({who.org_id, who.id, std::string(who.type_name()), n.channel_id, n.parent_id, id, n.type,
                        n.title, n.content, json::serialize(n.metadata)});
  std::string sql = create_sql(audit, params);
  std::vector<Statement> batch;
  batch.emplace_back(std::move(sql), params.take());
  batch.push_back(post_side_effects(who, id, n.content, n.parent_id.has_value()));
  batch.emplace_back("SELECT EXISTS (SELECT 1 FROM webhooks w WHERE w.org_id = $1 AND w.active)",
                     std::vector<db::Param>{who.org_id});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  CreatedPost out = created_post(r[0]);
  for (int i = 0; i < r[1].rows(); ++i) out.notification_ids.emplace_back(r[1].text(i, 0));
  out.org_has_webhooks = r[2].boolean(0, 0);
  co_return out;
}

}  // namespace agenthq::hub
