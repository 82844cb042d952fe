// pagination.total of the post lists comes from counters kept by a trigger (migration 022), not
// from counting rows. These tests hold the counters to count(*) across every kind of change,
// whoever makes it (the API, concurrent writers, SQL, a soft delete), and check that the
// server's role can read them only for its tenant and never write them.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "db/embedded_migrations.hpp"
#include "db/migrator.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/pg_fixture.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using db::Migrator;

std::int64_t as_int(const std::optional<std::string>& v) { return v ? std::stoll(*v) : -1; }

// Every (channel, type, author) counter against count(*) of the posts it stands for; returns
// the mismatches as text so a failure shows which counter drifted.
std::string counter_drift(PgConn& c) {
  auto rows = c.query(
      "WITH truth AS ("
      " SELECT p.org_id, p.channel_id, k.type, k.author_id, count(*) AS n"
      " FROM posts p, LATERAL (VALUES (NULL::text, NULL::text), (p.type, NULL), (NULL, p.author_id),"
      "                               (p.type, p.author_id)) k (type, author_id)"
      " WHERE agenthq_post_counted(p) GROUP BY 1, 2, 3, 4"
      "), kept AS ("
      " SELECT org_id, channel_id, type, author_id, sum(n) AS n FROM post_counts GROUP BY 1, 2, 3, 4"
      ") SELECT coalesce(t.channel_id, k.channel_id) || ' ' || coalesce(t.type, k.type, '*') || ' ' ||"
      " coalesce(t.author_id, k.author_id, '*') || ': counted ' || coalesce(t.n, 0) || ', kept ' || coalesce(k.n, 0)"
      " FROM truth t FULL JOIN kept k ON k.org_id = t.org_id AND k.channel_id = t.channel_id"
      " AND k.type IS NOT DISTINCT FROM t.type AND k.author_id IS NOT DISTINCT FROM t.author_id"
      " WHERE coalesce(t.n, 0) <> coalesce(k.n, 0)");
  std::string out;
  for (const auto& r : rows) out += *r[0] + "\n";
  return out;
}

std::vector<db::EmbeddedSqlFile> files_through(const std::string& last) {
  std::vector<db::EmbeddedSqlFile> out;
  for (const auto& f : db::embedded_sql_files())
    if (f.name.substr(0, 3) <= last) out.push_back(f);
  return out;
}

void seed_channels(PgConn& c, const std::string& org) {
  c.exec("INSERT INTO orgs (id, name, slug) VALUES ($1, $1, $1)", {org});
  c.exec("INSERT INTO channels (id, org_id, name, type) VALUES ($1 || '-a', $1, 'a', 'public'), "
         "($1 || '-b', $1, 'b', 'private')",
         {org});
}

void insert_posts(PgConn& c, const std::string& org, int from, int to) {
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, content) "
         "SELECT $1 || '-p' || g, $1, $1 || CASE WHEN g % 3 = 0 THEN '-b' ELSE '-a' END, 'au' || (g % 4), 'agent', "
         "(ARRAY['update', 'alert', 'question'])[1 + g % 3], 'x' FROM generate_series($2::int, $3::int) g",
         {org, std::to_string(from), std::to_string(to)});
}

TEST(PostCounts, BackfilledThenKeptExactByEveryKindOfWrite) {
  FreshDatabase db;
  PgConn c(db.conninfo());
  Migrator(db.conninfo(), "", files_through("011")).up();
  seed_channels(c, "o1");
  insert_posts(c, "o1", 1, 60);  // before migration 022: its backfill counts these
  Migrator(db.conninfo()).up();
  EXPECT_EQ(counter_drift(c), "");
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")), 60);

  insert_posts(c, "o1", 61, 100);
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, parent_id) "
         "VALUES ('r1', 'o1', 'o1-a', 'au1', 'agent', 'a reply counts nowhere', 'o1-p1')");
  c.exec("UPDATE posts SET metadata = '{\"reply_count\": 1}' WHERE id = 'o1-p1'");  // same counters
  c.exec("UPDATE posts SET type = 'alert', author_id = 'au9' WHERE id = 'o1-p2'");  // moves between counters
  c.exec("UPDATE posts SET channel_id = 'o1-b' WHERE id = 'o1-p4'");
  c.exec("UPDATE posts SET parent_id = 'o1-p1' WHERE id = 'o1-p5'");  // becomes a reply
  c.exec("UPDATE posts SET parent_id = NULL WHERE id = 'r1'");         // a reply becomes top level
  c.exec("DELETE FROM posts WHERE id IN ('o1-p7', 'o1-p8')");
  EXPECT_EQ(counter_drift(c), "");
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")),
            as_int(c.scalar("SELECT count(*) FROM posts WHERE parent_id IS NULL")));

  // Soft delete (migration 013 adds deleted_at, possibly after this migration ran): a deleted
  // post leaves every counter, an undeleted one comes back.
  c.exec("ALTER TABLE posts ADD COLUMN IF NOT EXISTS deleted_at timestamptz");
  c.exec("UPDATE posts SET deleted_at = now() WHERE id IN ('o1-p10', 'o1-p11', 'o1-p12')");
  EXPECT_EQ(counter_drift(c), "");
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")), 95);
  c.exec("UPDATE posts SET deleted_at = NULL WHERE id = 'o1-p10'");
  c.exec("UPDATE posts SET deleted_at = now() WHERE id = 'o1-p10'");
  c.exec("UPDATE posts SET deleted_at = NULL WHERE id = 'o1-p11'");
  EXPECT_EQ(counter_drift(c), "");
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")), 96);

  // Deleting a channel or an org takes its posts and its counters with it.
  c.exec("DELETE FROM channels WHERE id = 'o1-b'");
  EXPECT_EQ(counter_drift(c), "");
  EXPECT_EQ(as_int(c.scalar("SELECT count(*) FROM post_counts WHERE channel_id = 'o1-b'")), 0);
  c.exec("DELETE FROM orgs WHERE id = 'o1'");
  EXPECT_EQ(as_int(c.scalar("SELECT count(*) FROM post_counts")), 0);
}

TEST(PostCounts, ServerRoleReadsItsTenantsCountersAndCannotWriteThem) {
  TempRole app("agenthq_app");  // declared first: destroyed after the database
  FreshDatabase db;
  Migrator(db.conninfo(), app.name()).up();
  PgConn admin(db.conninfo());
  for (const std::string org : {"oa", "ob"}) {
    seed_channels(admin, org);
    insert_posts(admin, org, 1, 9);
  }
  PgConn c(app.conninfo(db.conninfo()));
  c.exec("SELECT set_config('app.org_id', 'oa', false)");
  EXPECT_EQ(as_int(c.scalar("SELECT count(DISTINCT org_id) FROM post_counts")), 1);
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")), 9);
  for (const std::string sql : {"UPDATE post_counts SET n = 0", "DELETE FROM post_counts",
                                "INSERT INTO post_counts VALUES ('oa', NULL, NULL, 'oa-a', 0, 5)"}) {
    auto err = c.try_exec(sql);
    ASSERT_TRUE(err) << sql;
    EXPECT_EQ(err->sqlstate, "42501") << sql << ": " << err->what();
  }
  // Its own writes to posts still keep the counters (the trigger runs as the owner).
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) "
         "VALUES ('oa-new', 'oa', 'oa-a', 'au1', 'agent', 'x')");
  EXPECT_EQ(as_int(c.scalar("SELECT sum(n) FROM post_counts WHERE type IS NULL AND author_id IS NULL")), 10);
  EXPECT_EQ(counter_drift(admin), "");
}

class PostCountsHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }
  std::int64_t total(const std::string& path, const std::string& token) {
    auto r = client().get(path, token);
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    return r.json.at("pagination").at("total").as_int64();
  }
  static HubProcess* hub_;
};
HubProcess* PostCountsHttp::hub_ = nullptr;

TEST_F(PostCountsHttp, TotalsStayExactUnderConcurrentWritersRepliesAndDeletes) {
  auto org = register_org(client(), "pc-race");
  auto agent = register_agent(client(), org.access_token, "pc-writer");
  auto created = client().post("/api/v1/channels", {{"name", "busy"}}, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string ch(created.data().at("id").as_string());
  const std::string list = "/api/v1/posts?channel_id=" + ch;

  // Writers on separate connections (so on separate pooled database connections, hence
  // separate counter slots and also shared ones), each reading its own write back at once.
  constexpr int kThreads = 8, kEach = 6;
  std::vector<std::thread> threads;
  std::atomic<int> stale{0};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string token = t % 2 ? agent.api_key : org.access_token;
        json::object body{{"channel_id", ch}, {"content", "p"}, {"type", t % 3 ? "update" : "alert"}};
        auto r = client().post("/api/v1/posts", body, token);
        if (r.status != 201) continue;
        // Read-your-own-write: the first page shows the post just committed.
        auto page = client().get(list + "&limit=100", token);
        bool seen = false;
        for (const auto& p : page.data().as_array()) seen = seen || p.at("id") == r.data().at("id");
        if (!seen) ++stale;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(stale.load(), 0);
  EXPECT_EQ(total(list, org.access_token), kThreads * kEach);
  EXPECT_EQ(total(list + "&type=alert", org.access_token), 3 * kEach);  // threads 0, 3, 6
  EXPECT_EQ(total(list + "&author_id=" + agent.id, org.access_token), kThreads / 2 * kEach);
  EXPECT_EQ(total(list + "&author_id=" + agent.id + "&type=alert", org.access_token), kEach);  // thread 3

  // Replies are not listed, so they do not count.
  auto first = client().get(list + "&limit=1", org.access_token).data().at(0);
  auto reply = client().post("/api/v1/posts", {{"content", "re"}, {"parent_id", first.at("id")}}, org.access_token);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(total(list, org.access_token), kThreads * kEach);
  EXPECT_EQ(total("/api/v1/channels/" + ch + "/posts", agent.api_key), kThreads * kEach);

  // A delete by anyone (here SQL: the API has no delete yet) leaves the count exact, and the
  // pages still tile it: hasMore is true exactly when another page exists.
  db().exec("DELETE FROM posts WHERE channel_id = $1 AND id IN (SELECT id FROM posts WHERE channel_id = $1 "
            "AND parent_id IS NULL ORDER BY created_at LIMIT 5)",
            {ch});
  const std::int64_t left = kThreads * kEach - 5;
  EXPECT_EQ(total(list, org.access_token), left);
  std::int64_t listed = 0;
  for (int page = 1;; ++page) {
    auto r = client().get(list + "&limit=10&page=" + std::to_string(page), org.access_token);
    listed += static_cast<std::int64_t>(r.data().as_array().size());
    const bool more = r.json.at("pagination").at("hasMore").as_bool();
    EXPECT_EQ(more, listed < left) << "page " << page;
    if (!more) break;
  }
  EXPECT_EQ(listed, left);
}

TEST_F(PostCountsHttp, OrgWideTotalsCountOnlyChannelsTheCallerMayRead) {
  auto org = register_org(client(), "pc-private");
  auto outsider = register_agent(client(), org.access_token, "pc-outsider");
  auto created = client().post("/api/v1/channels", {{"name", "inner"}, {"type", "private"}}, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string priv(created.data().at("id").as_string());
  const std::int64_t before_owner = total("/api/v1/posts", org.access_token);
  const std::int64_t before_outsider = total("/api/v1/posts", outsider.api_key);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", priv}, {"content", "secret"}}, org.access_token).status, 201);
  EXPECT_EQ(total("/api/v1/posts", org.access_token), before_owner + 3);
  EXPECT_EQ(total("/api/v1/posts", outsider.api_key), before_outsider);
  EXPECT_EQ(total("/api/v1/posts?channel_id=" + priv, outsider.api_key), 0);
  EXPECT_EQ(total("/api/v1/posts?author_id=" + org.owner_id, outsider.api_key), 0);
  EXPECT_EQ(total("/api/v1/posts?author_id=" + org.owner_id, org.access_token), 3);

  // Another org's counters never leak in.
  auto other = register_org(client(), "pc-private-b");
  EXPECT_EQ(total("/api/v1/posts?author_id=" + org.owner_id, other.access_token), 0);
  EXPECT_EQ(total("/api/v1/posts?channel_id=" + priv, other.access_token), 0);
}

}  // namespace
}  // namespace agenthq::test
