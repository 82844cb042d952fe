#include "hub/posts/post_store.hpp"

#include <boost/json.hpp>

#include "hub/channels/channel_access_sql.hpp"
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

// FROM/WHERE shared by a list's count and page statements: $1 org, $2/$3 the caller (for
// channel_readable), then one parameter per filter present. Only the filters given appear in the
// SQL, so each combination is its own prepared statement with a plan that fits it.
struct ListQuery {
  std::string from;
  std::vector<db::Param> params;
};

ListQuery list_query(const auth::Identity& who, const PostFilter& f) {
  ListQuery q;
  q.params = {who.org_id, who.id, std::string(who.type_name())};
  q.from = " FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1 WHERE p.org_id = $1 AND "
           "p.parent_id IS NULL AND " + channel_readable("c", 2, 3);
  auto add = [&q](const std::optional<std::string>& value, const std::string& column) {
    if (!value) return;
    q.params.emplace_back(*value);
    q.from += " AND " + column + " = $" + std::to_string(q.params.size());
  };
  add(f.channel_id, "p.channel_id");
  add(f.type, "p.type");
  add(f.author_id, "p.author_id");
  if (f.since) {
    q.params.emplace_back(*f.since);
    q.from += " AND p.created_at >= $" + std::to_string(q.params.size()) + "::timestamptz";
  }
  return q;
}

// pagination.total from the counters of migration 022: the sum of at most 8 rows per readable
// channel, whatever the number of posts. The counters cover every filter but `since`, which
// counts the matching rows (its window is what the caller asked to see).
Statement counted_total(const auth::Identity& who, const PostFilter& f, db::Plan plan) {
  std::vector<db::Param> params{who.org_id, who.id, std::string(who.type_name())};
  std::string sql = "SELECT coalesce(sum(pc.n), 0)::bigint FROM post_counts pc JOIN channels c ON c.id = "
                    "pc.channel_id AND c.org_id = $1 WHERE pc.org_id = $1 AND " + channel_readable("c", 2, 3);
  auto key = [&](const std::optional<std::string>& value, const std::string& column) {
    if (!value) {
      sql += " AND " + column + " IS NULL";  // the "any" row
      return;
    }
    params.emplace_back(*value);
    sql += " AND " + column + " = $" + std::to_string(params.size());
  };
  key(f.type, "pc.type");
  key(f.author_id, "pc.author_id");
  if (f.channel_id) {
    params.emplace_back(*f.channel_id);
    sql += " AND pc.channel_id = $" + std::to_string(params.size());
  }
  return Statement(std::move(sql), std::move(params), plan);
}

// Appends the total and "SELECT <post> ... ORDER BY ... LIMIT OFFSET" to `batch`.
void push_count_and_page(std::vector<Statement>& batch, const auth::Identity& who, const PostFilter& f,
                         const std::string& order, std::int64_t limit, std::int64_t offset, db::Plan plan) {
  const ListQuery q = list_query(who, f);
  if (f.since)
    batch.emplace_back("SELECT count(*)" + q.from, q.params, plan);
  else
    batch.push_back(counted_total(who, f, plan));
  std::vector<db::Param> page_params = q.params;
  page_params.emplace_back(std::to_string(limit));
  page_params.emplace_back(std::to_string(offset));
  const auto n = page_params.size();
  Statement page("SELECT " + post_columns("p") + q.from + " ORDER BY " + order + " LIMIT $" + std::to_string(n - 1) +
                     "::bigint OFFSET $" + std::to_string(n) + "::bigint",
                 std::move(page_params), plan);
  batch.push_back(std::move(page));
}

PostPage page_of(const db::PgResult& count, const db::PgResult& page) {
  return {page.rows_json(), count.integer(0, 0)};
}

const std::string& create_sql() {
  // $1 org, $2 author id, $3 author type, $4 channel id (NULL: the parent's), $5 parent id,
  // $6 new id, $7 type, $8 title, $9 content, $10 metadata, $11 audit id, $12 audit action,
  // $13 audit details, $14 client IP.
  // parent: only a post of a channel the caller can read counts as existing (no probing of
  // private channels). ancestors: the walk to the thread root, at most 50 hops, in the same
  // statement rather than one query per level. The reply counter is bumped in SQL, so
  // concurrent replies never lose an increment. A client-written reply_count that is not a
  // number counts as 0 instead of failing the insert.
  static const std::string sql =
      "WITH RECURSIVE parent AS ("
      " SELECT p.id, p.channel_id, p.parent_id FROM posts p JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
      " WHERE p.org_id = $1 AND p.id = $5::text AND " + channel_readable("c", 2, 3) +
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
      "), audit AS ("
      " INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, details,"
      " ip_address) SELECT $11, $1, $2, $3, $12, 'post', inserted.id, $13::jsonb || jsonb_build_object("
      " 'channel_id', inserted.channel_id, 'type', inserted.type, 'parent_id', inserted.parent_id), NULLIF($14, '')"
      " FROM inserted"
      ") SELECT CASE WHEN inserted.id IS NOT NULL THEN 'created'"
      " WHEN $5::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM parent) THEN 'parent_not_found'"
      " WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'channel_not_found'"
      " ELSE 'parent_in_other_channel' END AS outcome, inserted.*"
      " FROM (SELECT 1) AS one LEFT JOIN inserted ON true";
  return sql;
}

const std::string& thread_sql() {
  // $1 org, $2/$3 caller, $4 post id. One statement returns the post (in_thread = 0) and every
  // descendant (in_thread = 1) with its author's name resolved from agents or users of the org
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
      " FROM found r JOIN posts p ON p.org_id = $1 AND p.id = r.id"
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

asio::awaitable<PostPage> PostStore::list(const auth::Identity& who, const PostFilter& filter, std::int64_t limit,
                                          std::int64_t offset) {
  std::vector<Statement> batch;
  push_count_and_page(batch, who, filter, kPostListOrder, limit, offset, db::Plan::cached);
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  co_return page_of(r[0], r[1]);
}

asio::awaitable<std::optional<PostPage>> PostStore::list_channel(const auth::Identity& who, const PostFilter& filter,
                                                                 std::int64_t limit, std::int64_t offset) {
  std::vector<Statement> batch;
  Statement readable("SELECT 1 FROM channels c WHERE c.org_id = $1 AND c.id = $4 AND " + channel_readable("c", 2, 3),
                     {who.org_id, who.id, std::string(who.type_name()), filter.channel_id});
  batch.push_back(std::move(readable));
  push_count_and_page(batch, who, filter, kPostListOrder, limit, offset, db::Plan::cached);
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  if (r[0].empty()) co_return std::nullopt;
  co_return page_of(r[1], r[2]);
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
  Statement insert(create_sql(), {who.org_id, who.id, std::string(who.type_name()), n.channel_id, n.parent_id,
                                  util::new_ulid(), n.type, n.title, n.content, json::serialize(n.metadata),
                                  audit.id, audit.action, json::serialize(audit.details), audit.ip_address});
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(insert));
  co_return created_post(r);
}

}  // namespace agenthq::hub
