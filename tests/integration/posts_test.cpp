// /posts: create (checks, reply counter, audit in one statement), list with every filter and the
// pagination math, full-text search ranking, threads with their authors, and tenant isolation,
// over real HTTP against a real hub and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class PostRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  struct Member {
    std::string id;
    std::string token;
  };
  // A member user added straight into the database (invites are a later feature), logged in.
  Member add_member(const TestOrg& org, const std::string& name) {
    const std::string id = util::new_ulid();
    const std::string email = "member-" + random_suffix(8) + "@example.com";
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, $5, 'member')",
              {id, org.id, email, auth::hash_password("member-pass", 4), name});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "member-pass"}});
    return {id, std::string(r.data().at("accessToken").as_string())};
  }
  std::string channel_id(const TestOrg& org, const std::string& name) {
    return *db().scalar("SELECT id FROM channels WHERE org_id = $1 AND name = $2", {org.id, name});
  }
  std::string new_channel(const std::string& token, const std::string& name, const std::string& type = "public") {
    auto r = client().post("/api/v1/channels", {{"name", name}, {"type", type}}, token);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.data().at("id").as_string());
  }
  HttpResult post(const std::string& token, const json::object& body) {
    return client().post("/api/v1/posts", body, token);
  }
  // Creates a post and returns its JSON (the test fails if it was not created).
  json::object make(const std::string& token, const json::object& body) {
    auto r = post(token, body);
    EXPECT_EQ(r.status, 201) << json::serialize(body) << " -> " << r.body;
    return r.status == 201 ? r.data().as_object() : json::object{};
  }
  static std::vector<std::string> ids(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& p : r.data().as_array()) out.push_back(id_of(p));
    return out;
  }
  std::string sql(const std::string& query, const std::vector<std::string>& params) {
    return db().scalar(query, params).value_or("NULL");
  }
  static HubProcess* hub_;
};
HubProcess* PostRoutes::hub_ = nullptr;

using Ids = std::vector<std::string>;

TEST_F(PostRoutes, CreateReturnsThePostAsInsertedAndAuditsIt) {
  auto org = register_org(client(), "p-create");
  const std::string general = channel_id(org, "general");
  auto r = post(org.access_token, {{"channel_id", general}, {"content", "Hello hub"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("success"), true);
  const auto& p = r.data().as_object();
  for (const char* key : {"id", "org_id", "channel_id", "author_id", "author_type", "type", "title", "content",
                          "metadata", "parent_id", "pinned", "created_at", "updated_at", "edited_at", "deleted_at"})
    EXPECT_TRUE(p.contains(key)) << key;
  EXPECT_EQ(p.size(), 15u) << r.body;  // no search_vector
  EXPECT_EQ(p.at("id").as_string().size(), 26u);
  EXPECT_EQ(p.at("org_id"), json::value(org.id));
  EXPECT_EQ(p.at("channel_id"), json::value(general));
  EXPECT_EQ(p.at("author_id"), json::value(org.owner_id));
  EXPECT_EQ(p.at("author_type"), "user");
  EXPECT_EQ(p.at("type"), "update");  // the default
  EXPECT_TRUE(p.at("title").is_null());
  EXPECT_EQ(p.at("content"), "Hello hub");
  EXPECT_EQ(p.at("metadata"), json::object{});
  EXPECT_TRUE(p.at("parent_id").is_null());
  EXPECT_EQ(p.at("pinned"), false);
  EXPECT_EQ(p.at("created_at").as_string().size(), 24u);
  const std::string id = id_of(r.data());
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'post.created' AND "
                "resource_type = 'post' AND resource_id = $2 AND actor_id = $3 AND actor_type = 'user' AND "
                "details->>'channel_id' = $4 AND details->>'type' = 'update' AND ip_address IS NOT NULL",
                {org.id, id, org.owner_id, general}),
            "1");

  // Every type, a title, metadata; an agent posts as itself; author fields in the body are ignored.
  auto agent = register_agent(client(), org.access_token, "poster");
  for (const std::string type : {"update", "insight", "question", "answer", "alert", "metric"}) {
    auto a = post(agent.api_key, {{"channel_id", general}, {"type", type}, {"title", "T " + type},
                                  {"content", "c"}, {"metadata", {{"k", 1}, {"nested", {{"x", true}}}}},
                                  {"author_id", "spoof"}, {"author_type", "user"}, {"pinned", true}, {"org_id", "X"}});
    ASSERT_EQ(a.status, 201) << a.body;
    EXPECT_EQ(a.data().at("type"), json::value(type));
    EXPECT_EQ(a.data().at("title"), json::value("T " + type));
    EXPECT_EQ(a.data().at("metadata"), (json::value{{"k", 1}, {"nested", {{"x", true}}}}));
    EXPECT_EQ(a.data().at("author_id"), json::value(agent.id));
    EXPECT_EQ(a.data().at("author_type"), "agent");
    EXPECT_EQ(a.data().at("pinned"), false);
    EXPECT_EQ(a.data().at("org_id"), json::value(org.id));
  }
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'post.created' AND actor_id = $2 "
                "AND actor_type = 'agent'",
                {org.id, agent.id}),
            "6");
  EXPECT_EQ(post("", {{"channel_id", general}, {"content", "anon"}}).status, 401);
}

TEST_F(PostRoutes, CreateValidation) {
  auto org = register_org(client(), "p-valid");
  const std::string general = channel_id(org, "general");
  struct Case {
    json::object body;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {{{"content", "no channel"}}, "channel_id"},
      {{}, "channel_id"},  // first failing field in declaration order
      {{{"channel_id", ""}, {"content", "x"}}, "channel_id"},
      {{{"channel_id", 5}, {"content", "x"}}, "channel_id"},
      {{{"channel_id", nullptr}, {"content", "x"}}, "channel_id"},
      {{{"channel_id", general}}, "content"},
      {{{"channel_id", general}, {"content", ""}}, "content"},
      {{{"channel_id", general}, {"content", 7}}, "content"},
      {{{"channel_id", general}, {"content", std::string(50001, 'x')}}, "content"},
      {{{"channel_id", general}, {"type", "rant"}, {"content", "x"}}, "type"},
      {{{"channel_id", general}, {"type", nullptr}, {"content", "x"}}, "type"},
      {{{"channel_id", general}, {"type", "bad"}, {"content", ""}}, "type"},
      {{{"channel_id", general}, {"title", std::string(501, 't')}, {"content", "x"}}, "title"},
      {{{"channel_id", general}, {"title", nullptr}, {"content", "x"}}, "title"},
      {{{"channel_id", general}, {"title", 3}, {"content", "x"}}, "title"},
      {{{"channel_id", general}, {"content", "x"}, {"metadata", "text"}}, "metadata"},
      {{{"channel_id", general}, {"content", "x"}, {"metadata", json::array{1, 2}}}, "metadata"},
      {{{"channel_id", general}, {"content", "x"}, {"metadata", nullptr}}, "metadata"},
      {{{"channel_id", general}, {"content", "x"}, {"parent_id", ""}}, "parent_id"},
      {{{"channel_id", general}, {"content", "x"}, {"parent_id", 12}}, "parent_id"},
      {{{"content", "x"}, {"parent_id", nullptr}}, "parent_id"},
  };
  for (const auto& c : cases) {
    auto r = post(org.access_token, c.body);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body).substr(0, 200);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    if (r.json.is_object() && r.json.as_object().contains("error")) {
      EXPECT_NE(std::string(r.json.at("error").at("message").as_string()).find(c.fragment), std::string::npos)
          << json::serialize(c.body).substr(0, 200) << " -> " << r.body;
    }
  }
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE org_id = $1 AND NOT pinned", {org.id}), "0");
  // The limits themselves are accepted; an empty title is a title.
  EXPECT_EQ(post(org.access_token, {{"channel_id", general}, {"content", std::string(50000, 'x')}}).status, 201);
  auto edge = post(org.access_token, {{"channel_id", general}, {"title", std::string(500, 't')}, {"content", "x"}});
  EXPECT_EQ(edge.status, 201);
  EXPECT_EQ(post(org.access_token, {{"channel_id", general}, {"title", ""}, {"content", "x"}}).data().at("title"), "");
  // Unknown channel and unknown parent are not found, not a database error.
  auto unknown = post(org.access_token, {{"channel_id", "nope"}, {"content", "x"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "NOT_FOUND");
  auto orphan = post(org.access_token, {{"channel_id", general}, {"content", "x"}, {"parent_id", util::new_ulid()}});
  EXPECT_EQ(orphan.status, 404);
  EXPECT_EQ(orphan.error_code(), "NOT_FOUND");
  EXPECT_EQ(post(org.access_token, {{"content", "x"}, {"parent_id", "nope"}}).status, 404);
}

TEST_F(PostRoutes, ThreeLevelThreadWithAuthorsAndReplyCount) {
  auto org = register_org(client(), "p-thread");
  auto member = add_member(org, "Mia Member");
  auto agent = register_agent(client(), org.access_token, "Thread Bot");
  const std::string general = channel_id(org, "general");

  auto root = make(org.access_token, {{"channel_id", general}, {"type", "question"}, {"title", "Why?"},
                                      {"content", "Root question"}, {"metadata", {{"tag", "q"}}}});
  auto a = make(agent.api_key, {{"channel_id", general}, {"type", "answer"}, {"content", "level 1"},
                                {"parent_id", root.at("id")}});
  // The reply comes back as inserted: its own metadata, no counter.
  EXPECT_EQ(a.at("parent_id"), root.at("id"));
  EXPECT_EQ(a.at("metadata"), json::object{});
  // Without channel_id a reply inherits its parent's channel (the Go CLI's reply command).
  auto b = make(member.token, {{"content", "level 2"}, {"parent_id", a.at("id")}});
  EXPECT_EQ(b.at("channel_id"), json::value(general));
  auto c = make(org.access_token, {{"content", "level 3"}, {"parent_id", b.at("id")}});
  auto a2 = make(member.token, {{"channel_id", general}, {"content", "level 1 again"}, {"parent_id", root.at("id")}});

  // Replies at any depth count on the root only; the root's own metadata is kept.
  EXPECT_EQ(sql("SELECT metadata::text FROM posts WHERE id = $1", {id_of(root)}), R"({"tag": "q", "reply_count": 4})");
  EXPECT_EQ(sql("SELECT metadata ? 'reply_count' FROM posts WHERE id = $1", {id_of(a)}), "f");
  EXPECT_EQ(sql("SELECT metadata ? 'reply_count' FROM posts WHERE id = $1", {id_of(b)}), "f");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE action = 'post.created' AND details->>'parent_id' = $1",
                {id_of(root)}),
            "2");

  auto r = client().get("/api/v1/posts/" + id_of(root), agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& d = r.data().as_object();
  EXPECT_EQ(d.size(), 4u);
  EXPECT_EQ(id_of(d.at("post")), id_of(root));
  EXPECT_EQ(d.at("post").at("metadata").at("reply_count"), 4);
  EXPECT_EQ(d.at("post").as_object().size(), 15u);
  Ids thread;
  for (const auto& t : d.at("thread").as_array()) thread.push_back(id_of(t));
  EXPECT_EQ(thread, (Ids{id_of(a), id_of(b), id_of(c), id_of(a2)}));  // every depth, oldest first
  EXPECT_EQ(d.at("thread").at(1).at("content"), "level 2");
  EXPECT_EQ(d.at("thread").at(0).as_object().size(), 15u);
  EXPECT_EQ(d.at("authors"), (json::value{{org.owner_id, {{"id", org.owner_id}, {"name", "Owner"}, {"type", "user"}}},
                                          {agent.id, {{"id", agent.id}, {"name", "Thread Bot"}, {"type", "agent"}}},
                                          {member.id, {{"id", member.id}, {"name", "Mia Member"}, {"type", "user"}}}}));
  EXPECT_EQ(d.at("author"), (json::value{{"id", org.owner_id}, {"name", "Owner"}, {"type", "user"}}));

  // From the middle: the post, its descendants only, and its author.
  auto mid = client().get("/api/v1/posts/" + id_of(a), org.access_token);
  ASSERT_EQ(mid.status, 200);
  Ids below;
  for (const auto& t : mid.data().at("thread").as_array()) below.push_back(id_of(t));
  EXPECT_EQ(below, (Ids{id_of(b), id_of(c)}));
  EXPECT_EQ(mid.data().at("author"), (json::value{{"id", agent.id}, {"name", "Thread Bot"}, {"type", "agent"}}));
  EXPECT_EQ(mid.data().at("authors").as_object().size(), 3u);
  auto leaf = client().get("/api/v1/posts/" + id_of(c), org.access_token);
  EXPECT_EQ(leaf.data().at("thread"), json::array{});

  // Replies never appear in lists; the root does.
  auto list = client().get("/api/v1/posts?channel_id=" + general + "&limit=100", org.access_token);
  Ids listed = ids(list);
  EXPECT_NE(std::find(listed.begin(), listed.end(), id_of(root)), listed.end());
  for (const auto& reply : {a, b, c, a2}) EXPECT_EQ(std::find(listed.begin(), listed.end(), id_of(reply)), listed.end());
}

TEST_F(PostRoutes, SystemPostsNameTheirAuthorByRawId) {
  auto org = register_org(client(), "p-system");
  const std::string pinned = *db().scalar(
      "SELECT id FROM posts WHERE org_id = $1 AND channel_id = $2 AND title LIKE 'Welcome%'",
      {org.id, channel_id(org, "general")});
  auto r = client().get("/api/v1/posts/" + pinned, org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("post").at("pinned"), true);
  EXPECT_EQ(r.data().at("author"), (json::value{{"id", "system"}, {"name", "system"}, {"type", "system"}}));
  EXPECT_EQ(r.data().at("authors"), json::object{});
  EXPECT_EQ(r.data().at("thread"), json::array{});
  // An author that no longer resolves (a deleted agent) falls back the same way.
  auto agent = register_agent(client(), org.access_token, "ephemeral");
  auto p = make(agent.api_key, {{"channel_id", channel_id(org, "updates")}, {"content", "bye"}});
  db().exec("DELETE FROM agents WHERE id = $1", {agent.id});
  auto gone = client().get("/api/v1/posts/" + id_of(p), org.access_token);
  EXPECT_EQ(gone.data().at("author"), (json::value{{"id", agent.id}, {"name", agent.id}, {"type", "agent"}}));
}

TEST_F(PostRoutes, ConcurrentRepliesNeverLoseACount) {
  auto org = register_org(client(), "p-race");
  const std::string general = channel_id(org, "general");
  auto root = make(org.access_token, {{"channel_id", general}, {"content", "hot thread"}});
  auto child = make(org.access_token, {{"channel_id", general}, {"content", "child"}, {"parent_id", root.at("id")}});
  constexpr int kThreads = 8, kEach = 5;
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Half reply to the root, half one level down: both count on the root.
        json::object body{{"content", "r"}, {"parent_id", (t % 2 ? root : child).at("id")}};
        if (client().post("/api/v1/posts", body, org.access_token).status == 201) ++created;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), kThreads * kEach);
  EXPECT_EQ(sql("SELECT metadata->>'reply_count' FROM posts WHERE id = $1", {id_of(root)}),
            std::to_string(kThreads * kEach + 1));
}

TEST_F(PostRoutes, ReplyRules) {
  auto org = register_org(client(), "p-reply");
  const std::string general = channel_id(org, "general");
  const std::string updates = channel_id(org, "updates");
  auto parent = make(org.access_token, {{"channel_id", general}, {"content", "parent"}});

  // The parent must be in the same channel.
  auto elsewhere = post(org.access_token, {{"channel_id", updates}, {"content", "x"}, {"parent_id", parent.at("id")}});
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_EQ(elsewhere.error_code(), "VALIDATION_ERROR");
  EXPECT_NE(elsewhere.body.find("same channel"), std::string::npos);

  // A client-written reply_count that is not a number does not break replying.
  auto odd = make(org.access_token, {{"channel_id", general}, {"content", "odd"}, {"metadata", {{"reply_count", "x"}}}});
  make(org.access_token, {{"content", "fix"}, {"parent_id", odd.at("id")}});
  EXPECT_EQ(sql("SELECT metadata->>'reply_count' FROM posts WHERE id = $1", {id_of(odd)}), "1");

  // The reply counter walks at most 50 hops up: a 52-deep chain counts on the 51st ancestor of the
  // newest reply, like the reference (chains that deep are built here in SQL, quickly).
  PgConn admin = db();
  std::string prev = id_of(parent);
  for (int i = 0; i < 51; ++i) {
    const std::string id = util::new_ulid();
    admin.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, parent_id) "
               "VALUES ($1, $2, $3, $4, 'user', 'deep', $5)",
               {id, org.id, general, org.owner_id, prev});
    prev = id;
  }
  make(org.access_token, {{"content", "deepest"}, {"parent_id", prev}});
  EXPECT_EQ(sql("SELECT metadata->>'reply_count' FROM posts WHERE id = $1", {id_of(parent)}), "NULL");
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE org_id = $1 AND metadata ? 'reply_count' AND parent_id IS NOT NULL",
                {org.id}),
            "1");
  // And the thread shows every level of the chain.
  EXPECT_EQ(client().get("/api/v1/posts/" + id_of(parent), org.access_token).data().at("thread").as_array().size(), 52u);
}

TEST_F(PostRoutes, ListFiltersAndOrder) {
  auto org = register_org(client(), "p-list");
  auto agent = register_agent(client(), org.access_token, "lister");
  const std::string ch = new_channel(org.access_token, "feed");
  const std::string other = new_channel(org.access_token, "other");
  auto q1 = make(agent.api_key, {{"channel_id", ch}, {"type", "question"}, {"content", "q1"}});
  // An hour older, so that `since` = u1's (millisecond) timestamp can never include it.
  db().exec("UPDATE posts SET created_at = created_at - interval '1 hour' WHERE id = $1", {id_of(q1)});
  auto u1 = make(org.access_token, {{"channel_id", ch}, {"content", "u1"}});
  auto q2 = make(org.access_token, {{"channel_id", ch}, {"type", "question"}, {"content", "q2"}});
  auto o1 = make(agent.api_key, {{"channel_id", other}, {"type", "alert"}, {"content", "o1"}});
  make(agent.api_key, {{"content", "reply"}, {"parent_id", q1.at("id")}});

  auto all = client().get("/api/v1/posts?limit=100", org.access_token);
  ASSERT_EQ(all.status, 200) << all.body;
  // Pinned welcome posts of every readable channel first (system channels included), then newest.
  Ids listed = ids(all);
  ASSERT_EQ(listed.size(), 10u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(all.data().at(i).at("pinned"), true) << i;
  EXPECT_EQ(Ids(listed.begin() + 6, listed.end()), (Ids{id_of(o1), id_of(q2), id_of(u1), id_of(q1)}));
  EXPECT_EQ(all.json.at("pagination"), (json::value{{"page", 1}, {"limit", 100}, {"total", 10}, {"hasMore", false}}));

  auto get_ids = [&](const std::string& query) {
    auto r = client().get("/api/v1/posts?" + query, agent.api_key);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    EXPECT_EQ(r.json.at("pagination").at("total"), static_cast<std::int64_t>(r.data().as_array().size())) << query;
    return ids(r);
  };
  EXPECT_EQ(get_ids("channel_id=" + ch), (Ids{id_of(q2), id_of(u1), id_of(q1)}));
  EXPECT_EQ(get_ids("channel_id=" + ch + "&type=question"), (Ids{id_of(q2), id_of(q1)}));
  auto alerts = get_ids("type=alert");  // the pinned "System Alerts" welcome post, then o1
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[1], id_of(o1));
  EXPECT_EQ(get_ids("type=nonsense"), Ids{});
  EXPECT_EQ(get_ids("author_id=" + agent.id), (Ids{id_of(o1), id_of(q1)}));
  EXPECT_EQ(get_ids("author_id=" + org.owner_id + "&channel_id=" + ch), (Ids{id_of(q2), id_of(u1)}));
  EXPECT_EQ(get_ids("author_id=system&type=alert").size(), 1u);  // the pinned "System Alerts" post
  EXPECT_EQ(get_ids("channel_id=unknown"), Ids{});
  // since: created_at >= since, any ISO-8601 form.
  const std::string u1_at(u1.at("created_at").as_string());
  EXPECT_EQ(get_ids("channel_id=" + ch + "&since=" + u1_at), (Ids{id_of(q2), id_of(u1)}));
  EXPECT_EQ(get_ids("channel_id=" + ch + "&since=2200-01-01"), Ids{});
  EXPECT_EQ(get_ids("channel_id=" + ch + "&since=2000-01-01T00:00:00Z").size(), 3u);
  EXPECT_EQ(get_ids("channel_id=" + ch + "&since=2000-01-01T01:00:00%2B01:00").size(), 3u);
  EXPECT_EQ(get_ids("channel_id=" + ch + "&since=").size(), 3u);  // empty means absent
  for (const std::string bad : {"yesterday", "2026-13-01", "2026-02-30", "12345", "2026-01-01T25:00:00Z"}) {
    auto r = client().get("/api/v1/posts?since=" + bad, agent.api_key);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << bad;
  }
  EXPECT_EQ(client().get("/api/v1/posts", "").status, 401);
}

TEST_F(PostRoutes, PaginationMath) {
  auto org = register_org(client(), "p-page");
  const std::string ch = new_channel(org.access_token, "pages");
  // 25 posts inserted in SQL with distinct, known timestamps (newest = p24).
  PgConn admin = db();
  Ids newest_first;
  for (int i = 0; i < 25; ++i) {
    const std::string id = util::new_ulid();
    admin.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, created_at) "
               "VALUES ($1, $2, $3, $4, 'user', $5, now() - make_interval(mins => $6::int))",
               {id, org.id, ch, org.owner_id, std::to_string(i), std::to_string(100 - i)});
    newest_first.insert(newest_first.begin(), id);
  }
  const std::string base = "/api/v1/posts?channel_id=" + ch;
  auto page = [&](const std::string& query) { return client().get(base + query, org.access_token); };
  auto pagination = [](std::int64_t p, std::int64_t l, std::int64_t t, bool more) {
    return json::value{{"page", p}, {"limit", l}, {"total", t}, {"hasMore", more}};
  };

  auto first = page("&limit=10");
  EXPECT_EQ(first.json.at("pagination"), pagination(1, 10, 25, true));
  EXPECT_EQ(ids(first), Ids(newest_first.begin(), newest_first.begin() + 10));
  auto third = page("&limit=10&page=3");
  EXPECT_EQ(third.json.at("pagination"), pagination(3, 10, 25, false));
  EXPECT_EQ(ids(third), Ids(newest_first.begin() + 20, newest_first.end()));
  auto beyond = page("&limit=10&page=4");
  EXPECT_EQ(beyond.json.at("pagination"), pagination(4, 10, 25, false));
  EXPECT_EQ(ids(beyond), Ids{});
  // Pages of any size tile the list exactly.
  Ids tiled;
  for (int p = 1; p <= 4; ++p) {
    auto r = page("&limit=7&page=" + std::to_string(p));
    auto got = ids(r);
    tiled.insert(tiled.end(), got.begin(), got.end());
  }
  EXPECT_EQ(tiled, newest_first);

  EXPECT_EQ(page("").json.at("pagination"), pagination(1, 20, 25, true));  // defaults
  EXPECT_EQ(page("&limit=1000").json.at("pagination"), pagination(1, 100, 25, false));
  EXPECT_EQ(page("&limit=-5").json.at("pagination"), pagination(1, 1, 25, true));
  EXPECT_EQ(page("&limit=0").json.at("pagination"), pagination(1, 20, 25, true));
  EXPECT_EQ(page("&limit=abc&page=xyz").json.at("pagination"), pagination(1, 20, 25, true));
  EXPECT_EQ(page("&limit=10abc&page=2.7").json.at("pagination"), pagination(2, 10, 25, true));
  EXPECT_EQ(page("&page=-3&limit=5").json.at("pagination"), pagination(1, 5, 25, true));
  EXPECT_EQ(page("&page=0&limit=5").json.at("pagination"), pagination(1, 5, 25, true));
  EXPECT_EQ(ids(page("&page=-3&limit=5")), Ids(newest_first.begin(), newest_first.begin() + 5));
  EXPECT_EQ(page("&page=99999999999999999999").data().as_array().size(), 0u);
}

TEST_F(PostRoutes, SearchRanksByRelevanceThenRecency) {
  auto org = register_org(client(), "p-search");
  auto member = add_member(org, "Searcher");
  const std::string ch = new_channel(org.access_token, "research");
  // A corpus whose right order is known: ts_rank grows with how often the word occurs (relative to
  // the document), and equal ranks fall back to newest first.
  auto many = make(org.access_token, {{"channel_id", ch}, {"title", "Kubernetes"},
                                      {"content", "kubernetes kubernetes clusters run kubernetes"}});
  auto two = make(org.access_token, {{"channel_id", ch}, {"content", "kubernetes upgrade notes for kubernetes"}});
  auto once_old = make(org.access_token, {{"channel_id", ch}, {"content", "a cluster managed by kubernetes"}});
  auto once_new = make(org.access_token, {{"channel_id", ch}, {"content", "a cluster managed by kubernetes"}});
  make(org.access_token, {{"channel_id", ch}, {"content", "nothing to see here"}});
  make(org.access_token, {{"content", "kubernetes kubernetes kubernetes in a reply"}, {"parent_id", many.at("id")}});
  const std::string priv = new_channel(org.access_token, "vault", "private");
  auto hidden = make(org.access_token, {{"channel_id", priv}, {"content", "kubernetes secrets"}});

  auto search = [&](const std::string& query, const std::string& token) {
    auto r = client().get("/api/v1/posts/search?" + query, token);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r;
  };
  auto owner = search("q=kubernetes", org.access_token);
  EXPECT_EQ(ids(owner), (Ids{id_of(many), id_of(two), id_of(hidden), id_of(once_new), id_of(once_old)}));
  EXPECT_EQ(owner.json.at("pagination"), (json::value{{"page", 1}, {"limit", 20}, {"total", 5}, {"hasMore", false}}));
  EXPECT_EQ(owner.data().at(0).as_object().size(), 15u);  // no search_vector
  // Members see no private channel they are not in, and replies never.
  auto seen = search("q=kubernetes", member.token);
  EXPECT_EQ(ids(seen), (Ids{id_of(many), id_of(two), id_of(once_new), id_of(once_old)}));
  EXPECT_EQ(seen.json.at("pagination").at("total"), 4);
  // Plain words ANDed, stemmed ("clusters" ~ "cluster"), operators not interpreted.
  EXPECT_EQ(ids(search("q=kubernetes%20cluster", member.token)), (Ids{id_of(many), id_of(once_new), id_of(once_old)}));
  EXPECT_EQ(ids(search("q=kubernetes%20%7C%20nothing", member.token)), Ids{});
  EXPECT_EQ(ids(search("q=upgrading", member.token)), (Ids{id_of(two)}));
  EXPECT_EQ(ids(search("q=the", member.token)), Ids{});  // stop words only: nothing, not an error
  // Paging through ranked results.
  auto second = search("q=kubernetes&limit=1&page=2", member.token);
  EXPECT_EQ(ids(second), (Ids{id_of(two)}));
  EXPECT_EQ(second.json.at("pagination"), (json::value{{"page", 2}, {"limit", 1}, {"total", 4}, {"hasMore", true}}));

  for (const std::string query : {"", "?q=", "?q=%20%20", "?limit=5"}) {
    auto r = client().get("/api/v1/posts/search" + query, member.token);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_EQ(r.error_code(), "MISSING_QUERY") << query;
  }
  EXPECT_EQ(client().get("/api/v1/posts/search?q=kubernetes", "").status, 401);

  // Another org with the same words sees only its own.
  auto other = register_org(client(), "p-search-b");
  auto mine = make(other.access_token, {{"channel_id", channel_id(other, "general")}, {"content", "kubernetes too"}});
  EXPECT_EQ(ids(search("q=kubernetes", other.access_token)), (Ids{id_of(mine)}));
}

TEST_F(PostRoutes, PrivateChannelPostsAreMembersOnly) {
  auto org = register_org(client(), "p-private");
  auto member = add_member(org, "Outsider");
  auto agent = register_agent(client(), org.access_token, "outsider-bot");
  const std::string priv = new_channel(org.access_token, "inner", "private");
  auto secret = make(org.access_token, {{"channel_id", priv}, {"content", "quarterly numbers"}});

  for (const auto& token : {member.token, agent.api_key}) {
    for (const auto& id : ids(client().get("/api/v1/posts?limit=100", token))) EXPECT_NE(id, id_of(secret));
    auto filtered = client().get("/api/v1/posts?channel_id=" + priv, token);
    EXPECT_EQ(filtered.status, 200);
    EXPECT_EQ(filtered.json.at("pagination").at("total"), 0);
    EXPECT_EQ(client().get("/api/v1/posts/" + id_of(secret), token).status, 404);
    EXPECT_EQ(client().get("/api/v1/posts/search?q=quarterly", token).json.at("pagination").at("total"), 0);
    // Replying is posting into the channel: not found, whether the channel is named or inherited.
    EXPECT_EQ(post(token, {{"content", "peek"}, {"parent_id", secret.at("id")}}).status, 404);
    EXPECT_EQ(post(token, {{"channel_id", priv}, {"content", "peek"}, {"parent_id", secret.at("id")}}).status, 404);
    // Naming a readable channel with a hidden parent does not reveal the parent either.
    auto probe = post(token, {{"channel_id", channel_id(org, "general")}, {"content", "peek"},
                              {"parent_id", secret.at("id")}});
    EXPECT_EQ(probe.status, 404);
    EXPECT_EQ(probe.error_code(), "NOT_FOUND");
  }
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE org_id = $1 AND content = 'peek'", {org.id}), "0");

  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'agent')",
            {priv, agent.id});
  EXPECT_EQ(client().get("/api/v1/posts/" + id_of(secret), agent.api_key).status, 200);
  EXPECT_EQ(ids(client().get("/api/v1/posts?channel_id=" + priv, agent.api_key)), (Ids{id_of(secret)}));
  EXPECT_EQ(ids(client().get("/api/v1/posts/search?q=quarterly", agent.api_key)), (Ids{id_of(secret)}));
  auto reply = post(agent.api_key, {{"content", "ack"}, {"parent_id", secret.at("id")}});
  EXPECT_EQ(reply.status, 201);
  EXPECT_EQ(reply.data().at("channel_id"), json::value(priv));
  // The member user is still outside.
  EXPECT_EQ(client().get("/api/v1/posts/" + id_of(secret), member.token).status, 404);
}

TEST_F(PostRoutes, AnotherOrgNeverSeesOrTouchesThePosts) {
  auto a = register_org(client(), "p-iso-a");
  auto b = register_org(client(), "p-iso-b");
  auto agent_b = register_agent(client(), b.access_token, "b-bot");
  const std::string a_general = channel_id(a, "general");
  auto a_post = make(a.access_token, {{"channel_id", a_general}, {"content", "confidential roadmap"}});
  auto a_reply = make(a.access_token, {{"content", "roadmap reply"}, {"parent_id", a_post.at("id")}});
  const std::string b_general = channel_id(b, "general");
  auto b_post = make(b.access_token, {{"channel_id", b_general}, {"content", "our roadmap"}});

  for (const auto& token : {b.access_token, agent_b.api_key}) {
    // Read another org's post or reply: not found.
    for (const auto& p : {a_post, a_reply}) {
      auto r = client().get("/api/v1/posts/" + id_of(p), token);
      EXPECT_EQ(r.status, 404);
      EXPECT_EQ(r.error_code(), "NOT_FOUND");
    }
    // Post into another org's channel, or reply to its post (from an own channel or inheriting).
    EXPECT_EQ(post(token, {{"channel_id", a_general}, {"content", "intrude"}}).status, 404);
    EXPECT_EQ(post(token, {{"channel_id", b_general}, {"content", "intrude"}, {"parent_id", a_post.at("id")}}).status,
              404);
    EXPECT_EQ(post(token, {{"content", "intrude"}, {"parent_id", a_post.at("id")}}).status, 404);
    // Lists, filters and search show only the caller's org.
    auto list = client().get("/api/v1/posts?limit=100", token);
    for (const auto& p : list.data().as_array()) EXPECT_EQ(p.at("org_id"), json::value(b.id));
    EXPECT_EQ(list.json.at("pagination").at("total"), 7);  // six welcome posts + b_post
    EXPECT_EQ(client().get("/api/v1/posts?channel_id=" + a_general, token).json.at("pagination").at("total"), 0);
    EXPECT_EQ(client().get("/api/v1/posts?author_id=" + a.owner_id, token).json.at("pagination").at("total"), 0);
    EXPECT_EQ(ids(client().get("/api/v1/posts/search?q=roadmap", token)), (Ids{id_of(b_post)}));
  }
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE content = 'intrude'", {}), "0");
  EXPECT_EQ(sql("SELECT metadata->>'reply_count' FROM posts WHERE id = $1", {id_of(a_post)}), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'post.created'", {b.id}), "1");
}

}  // namespace
}  // namespace agenthq::test
