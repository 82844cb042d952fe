// GET /feed: item shapes and summaries, the since/until/types/actor_id filters, total and
// hasMore across pages, the default 24-hour window, channel privacy and tenant isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <set>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/time.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

std::set<std::string> keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& kv : v.as_object()) out.insert(std::string(kv.key()));
  return out;
}

std::vector<std::string> resource_ids(const json::value& list) {
  std::vector<std::string> out;
  for (const auto& v : list.as_array()) out.emplace_back(v.at("resource_id").as_string());
  return out;
}

class FeedRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

  // Tests place their rows at fixed offsets from `base`, ten days ago, and query an explicit
  // window around them, so the org's own sign-up rows (pinned posts, audit entries) stay out.
  void SetUp() override { base_ = std::chrono::system_clock::now() - 240h; }
  std::string at(std::chrono::seconds offset) const { return util::iso8601(base_ + offset); }
  std::string window(std::chrono::seconds from, std::chrono::seconds to) const {
    return "since=" + at(from) + "&until=" + at(to);
  }

  std::string channel(const TestOrg& org, const std::string& type = "public") {
    const std::string id = util::new_ulid();
    db().exec("INSERT INTO channels (id, org_id, name, type) VALUES ($1, $2, $3, $4)",
              {id, org.id, "ch-" + random_suffix(8), type});
    return id;
  }
  void join(const std::string& channel_id, const std::string& member_id, const std::string& member_type) {
    db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, $3)",
              {channel_id, member_id, member_type});
  }
  std::string post(const TestOrg& org, const std::string& channel_id, const std::string& when,
                   const std::string& author = "author-1", const std::string& title = "",
                   const std::string& type = "update", const std::string& id = util::new_ulid()) {
    if (title.empty())
      db().exec(
          "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, content, metadata, "
          "created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, 'agent', $5, 'body', '{\"reply_count\":2}', $6, $6)",
          {id, org.id, channel_id, author, type, when});
    else
      db().exec(
          "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, "
          "created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, 'agent', $5, $6, 'body', $7, $7)",
          {id, org.id, channel_id, author, type, title, when});
    return id;
  }
  std::string activity(const TestOrg& org, const std::string& when, const std::string& actor = "actor-1",
                       const std::string& action = "deploy.started",
                       const std::string& id = util::new_ulid()) {
    db().exec(
        "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, "
        "details,"
        " ip_address, created_at) VALUES ($1, $2, $3, 'agent', $4, 'service', 'svc-1', '{\"v\":3}', '::1', "
        "$5)",
        {id, org.id, actor, action, when});
    return id;
  }
  std::string insight(const TestOrg& org, const std::string& when, const std::string& title = "Rising") {
    const std::string id = util::new_ulid();
    db().exec(
        "INSERT INTO insights (id, org_id, type, title, content, source_agents, confidence, created_at)"
        " VALUES ($1, $2, 'trend', $3, 'content', '[\"a1\"]', 0.5, $4)",
        {id, org.id, title, when});
    return id;
  }
  HttpResult feed(const std::string& query, const std::string& token) {
    return client().get("/api/v1/feed?" + query, token);
  }

  std::chrono::system_clock::time_point base_;
  static HubProcess* hub_;
};
HubProcess* FeedRoutes::hub_ = nullptr;

TEST_F(FeedRoutes, ItemShapesSummariesAndOrder) {
  auto org = register_org(client(), "shape");
  auto bot = register_agent(client(), org.access_token, "reader");
  const auto ch = channel(org);
  const auto titled = post(org, ch, at(60s), "author-9", "Disk full", "alert");
  const auto untitled = post(org, ch, at(120s), "author-7");
  const auto act = activity(org, at(180s), "actor-3", "deploy.started");
  const auto ins = insight(org, at(240s), "Rising latency");

  for (const auto& token : {org.access_token, bot.api_key}) {
    auto r = feed(window(0s, 300s), token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(keys(r.json), (std::set<std::string>{"success", "data", "pagination"}));
    EXPECT_EQ(keys(r.json.at("pagination")), (std::set<std::string>{"page", "limit", "total", "hasMore"}));
    EXPECT_EQ(r.json.at("pagination").at("limit"), json::value(20));
    EXPECT_EQ(r.json.at("pagination").at("total"), json::value(4));
    EXPECT_EQ(r.json.at("pagination").at("hasMore"), json::value(false));
    ASSERT_EQ(resource_ids(r.data()), (std::vector<std::string>{ins, act, untitled, titled}));

    for (const auto& item : r.data().as_array()) {
      EXPECT_EQ(keys(item),
                (std::set<std::string>{"resource_type", "resource_id", "timestamp", "summary", "data"}));
      EXPECT_EQ(item.at("timestamp"), item.at("data").at("created_at"));
      EXPECT_EQ(item.at("resource_id"), item.at("data").at("id"));
      EXPECT_EQ(item.at("data").at("org_id"), json::value(org.id));
      const std::string ts(item.at("timestamp").as_string());
      EXPECT_EQ(ts.size(), 24u) << ts;
      EXPECT_EQ(ts.back(), 'Z');
    }
    const auto& d = r.data().as_array();
    EXPECT_EQ(d[0].at("resource_type"), json::value("insight"));
    EXPECT_EQ(d[0].at("summary"), json::value("New trend: Rising latency"));
    EXPECT_EQ(keys(d[0].at("data")),
              (std::set<std::string>{"id", "org_id", "type", "title", "content", "data", "source_posts",
                                     "source_agents", "confidence", "reviewed", "created_at"}));
    EXPECT_DOUBLE_EQ(d[0].at("data").at("confidence").to_number<double>(), 0.5);
    EXPECT_EQ(d[0].at("data").at("source_agents"), json::parse(R"(["a1"])"));
    EXPECT_EQ(d[0].at("data").at("data"), json::parse("{}"));
    EXPECT_EQ(d[0].at("data").at("reviewed"), json::value(false));

    EXPECT_EQ(d[1].at("resource_type"), json::value("activity"));
    EXPECT_EQ(d[1].at("summary"), json::value("deploy.started by actor-3"));
    EXPECT_EQ(keys(d[1].at("data")),
              (std::set<std::string>{"id", "org_id", "actor_id", "actor_type", "action", "resource_type",
                                     "resource_id", "details", "ip_address", "created_at"}));
    EXPECT_EQ(d[1].at("data").at("details"), json::parse(R"({"v":3})"));
    EXPECT_EQ(d[1].at("data").at("ip_address"), json::value("::1"));

    const std::set<std::string> post_keys{"id",     "org_id",     "channel_id", "author_id", "author_type",
                                          "type",   "title",      "content",    "metadata",  "parent_id",
                                          "pinned", "created_at", "updated_at", "edited_at", "deleted_at"};
    EXPECT_EQ(d[2].at("resource_type"), json::value("post"));
    EXPECT_EQ(d[2].at("summary"), json::value("New update by author-7"));
    EXPECT_EQ(keys(d[2].at("data")), post_keys);  // never search_vector
    EXPECT_EQ(d[2].at("data").at("metadata"), json::parse(R"({"reply_count":2})"));
    EXPECT_TRUE(d[2].at("data").at("title").is_null());
    EXPECT_EQ(d[2].at("data").at("pinned"), json::value(false));
    EXPECT_EQ(d[3].at("summary"), json::value("New alert: Disk full"));
    EXPECT_EQ(d[3].at("data").at("created_at"), json::value(at(60s)));
  }

  // The feed's post object is the same JSON search returns for that row.
  db().exec("UPDATE posts SET content = 'feedsearchword' WHERE id = $1", {untitled});
  auto s = client().get("/api/v1/search?q=feedsearchword&types=posts", org.access_token);
  auto f = feed(window(0s, 300s) + "&types=posts", org.access_token);
  ASSERT_EQ(s.data().at("posts").as_array().size(), 1u);
  EXPECT_EQ(json::serialize(s.data().at("posts").at(0)), json::serialize(f.data().at(0).at("data")));
}

TEST_F(FeedRoutes, EqualTimestampsOrderByIdDescending) {
  auto org = register_org(client(), "ties");
  const auto ch = channel(org);
  const auto p = post(org, ch, at(60s), "a", "", "update", "01JAAAAAAAAAAAAAAAAAAAAAA2");
  const auto a = activity(org, at(60s), "a", "x", "01JAAAAAAAAAAAAAAAAAAAAAA3");
  const auto p2 = post(org, ch, at(60s), "a", "", "update", "01JAAAAAAAAAAAAAAAAAAAAAA1");
  auto r = feed(window(0s, 120s), org.access_token);
  EXPECT_EQ(resource_ids(r.data()), (std::vector<std::string>{a, p, p2}));
}

TEST_F(FeedRoutes, TypesFilter) {
  auto org = register_org(client(), "types");
  const auto ch = channel(org);
  const auto p = post(org, ch, at(10s));
  const auto a = activity(org, at(20s));
  const auto i = insight(org, at(30s));
  auto got = [&](const std::string& types) {
    auto r = feed(window(0s, 60s) + "&types=" + types, org.access_token);
    EXPECT_EQ(r.status, 200) << types << r.body;
    auto list = resource_ids(r.data());
    EXPECT_EQ(r.json.at("pagination").at("total"), json::value(list.size())) << types;
    return list;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(got(""), (V{i, a, p}));
  EXPECT_EQ(got("posts"), (V{p}));
  EXPECT_EQ(got("activity"), (V{a}));
  EXPECT_EQ(got("insights"), (V{i}));
  EXPECT_EQ(got("activity,insights"), (V{i, a}));
  EXPECT_EQ(got("posts,bogus"), (V{p}));
  EXPECT_EQ(got("%20posts%20,%20insights"), (V{i, p}));
  EXPECT_EQ(got("bogus"), (V{}));
  EXPECT_EQ(got("post,insight"), (V{}));  // singular names are not source names
}

TEST_F(FeedRoutes, SinceAndUntilAreInclusiveAndCountedForEverySource) {
  auto org = register_org(client(), "window");
  const auto ch = channel(org);
  std::vector<std::string> by_minute;  // minute k holds a post, an activity or an insight
  for (int k = 0; k < 9; ++k) {
    const auto when = at(std::chrono::minutes(k));
    by_minute.push_back(k % 3 == 0   ? post(org, ch, when)
                        : k % 3 == 1 ? activity(org, when)
                                     : insight(org, when));
  }
  // [2, 6] minutes, both ends inclusive: 5 items, 1..2 of each source, and total says 5.
  auto r = feed(window(2min, 6min), org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(resource_ids(r.data()),
            (std::vector<std::string>{by_minute[6], by_minute[5], by_minute[4], by_minute[3], by_minute[2]}));
  EXPECT_EQ(r.json.at("pagination").at("total"), json::value(5));
  // until alone with the default since (24 h ago) reaches nothing ten days back.
  auto only_until = feed("until=" + at(6min), org.access_token);
  EXPECT_EQ(only_until.json.at("pagination").at("total"), json::value(0));
  // since alone: everything from minute 7 up to now, including the org's own recent rows.
  auto only_since = feed("since=" + at(7min) + "&limit=100", org.access_token);
  auto all = resource_ids(only_since.data());
  EXPECT_EQ(std::vector<std::string>(all.end() - 2, all.end()),
            (std::vector<std::string>{by_minute[8], by_minute[7]}));
  // A window that ends before it starts is empty, not an error.
  auto backwards = feed(window(6min, 2min), org.access_token);
  EXPECT_EQ(backwards.status, 200);
  EXPECT_EQ(backwards.json.at("pagination").at("total"), json::value(0));
  // Other ISO forms: a date, an offset.
  auto by_date = feed("since=" + at(0s).substr(0, 10) + "&until=" + at(6min), org.access_token);
  EXPECT_EQ(by_date.status, 200) << by_date.body;
  EXPECT_EQ(by_date.json.at("pagination").at("total"), json::value(7));
}

TEST_F(FeedRoutes, BadDatesAreValidationErrors) {
  auto org = register_org(client(), "dates");
  for (const char* query : {"since=yesterday", "until=2026-13-01", "since=2026-02-30",
                            "until=2026-02-17T25:00:00Z", "since=%FF", "since=1700000000"}) {
    auto r = feed(query, org.access_token);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << query;
    EXPECT_EQ(r.json.at("success"), json::value(false));
  }
  // Empty values mean "not given", as in the reference.
  EXPECT_EQ(feed("since=&until=", org.access_token).status, 200);
  EXPECT_EQ(feed("actor_id=%FF", org.access_token).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(feed("", "").status, 401);
}

TEST_F(FeedRoutes, ActorFilterCoversPostsAndActivityAndDropsInsights) {
  auto org = register_org(client(), "actor");
  const auto ch = channel(org);
  const auto mine_post = post(org, ch, at(10s), "alice");
  post(org, ch, at(20s), "bob");
  const auto mine_act = activity(org, at(30s), "alice");
  activity(org, at(40s), "bob");
  insight(org, at(50s));

  auto r = feed(window(0s, 60s) + "&actor_id=alice", org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(resource_ids(r.data()), (std::vector<std::string>{mine_act, mine_post}));
  EXPECT_EQ(r.json.at("pagination").at("total"), json::value(2));
  auto only_insights = feed(window(0s, 60s) + "&actor_id=alice&types=insights", org.access_token);
  EXPECT_EQ(only_insights.status, 200);
  EXPECT_EQ(only_insights.data().as_array().size(), 0u);
  EXPECT_EQ(only_insights.json.at("pagination").at("total"), json::value(0));
  // Every combination of sources binds only the parameters it uses.
  auto ids_for = [&](const std::string& types) {
    return resource_ids(feed(window(0s, 60s) + "&actor_id=alice&types=" + types, org.access_token).data());
  };
  EXPECT_EQ(ids_for("posts"), std::vector<std::string>{mine_post});
  EXPECT_EQ(ids_for("activity"), std::vector<std::string>{mine_act});
  EXPECT_EQ(ids_for("activity,insights"), std::vector<std::string>{mine_act});
  EXPECT_EQ(ids_for("posts,insights"), std::vector<std::string>{mine_post});
  EXPECT_EQ(feed(window(0s, 60s) + "&actor_id=nobody", org.access_token).json.at("pagination").at("total"),
            json::value(0));
  EXPECT_EQ(feed(window(0s, 60s) + "&actor_id=", org.access_token).json.at("pagination").at("total"),
            json::value(5));
}

TEST_F(FeedRoutes, TotalAndHasMoreAcrossPages) {
  auto org = register_org(client(), "pages");
  const auto ch = channel(org);
  std::vector<std::string> newest_first;
  for (int k = 0; k < 25; ++k) {
    const auto when = at(std::chrono::seconds(10 * k));
    newest_first.insert(newest_first.begin(), k % 5 == 4   ? insight(org, when)
                                              : k % 2 == 0 ? post(org, ch, when)
                                                           : activity(org, when));
  }
  const std::string win = window(0s, 300s);
  std::vector<std::string> paged;
  const std::vector<std::pair<std::size_t, bool>> expected{{10, true}, {10, true}, {5, false}, {0, false}};
  for (int page = 1; page <= 4; ++page) {
    auto r = feed(win + "&limit=10&page=" + std::to_string(page), org.access_token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto& pg = r.json.at("pagination");
    EXPECT_EQ(pg.at("page"), json::value(page));
    EXPECT_EQ(pg.at("limit"), json::value(10));
    EXPECT_EQ(pg.at("total"), json::value(25)) << page;
    EXPECT_EQ(r.data().as_array().size(), expected[page - 1].first) << page;
    EXPECT_EQ(pg.at("hasMore"), json::value(expected[page - 1].second)) << page;
    for (auto& id : resource_ids(r.data())) paged.push_back(id);
  }
  EXPECT_EQ(paged, newest_first);

  auto big = feed(win + "&limit=1000", org.access_token);
  EXPECT_EQ(big.json.at("pagination").at("limit"), json::value(100));
  EXPECT_EQ(big.data().as_array().size(), 25u);
  auto dflt = feed(win, org.access_token);
  EXPECT_EQ(dflt.json.at("pagination").at("limit"), json::value(20));
  EXPECT_EQ(dflt.data().as_array().size(), 20u);
  EXPECT_EQ(dflt.json.at("pagination").at("hasMore"), json::value(true));
  auto odd = feed(win + "&limit=-3&page=abc", org.access_token);
  EXPECT_EQ(odd.json.at("pagination").at("limit"), json::value(1));
  EXPECT_EQ(odd.json.at("pagination").at("page"), json::value(1));
  EXPECT_EQ(resource_ids(odd.data()), std::vector<std::string>{newest_first[0]});
  auto far = feed(win + "&limit=7&page=99999", org.access_token);
  EXPECT_EQ(far.status, 200);
  EXPECT_TRUE(far.data().as_array().empty());
  EXPECT_EQ(far.json.at("pagination").at("total"), json::value(25));
}

TEST_F(FeedRoutes, DefaultWindowIsTheLast24Hours) {
  auto org = register_org(client(), "default");
  const auto ch = channel(org);
  const auto now = std::chrono::system_clock::now();
  const auto recent = util::iso8601(now - 1h);
  const auto old = util::iso8601(now - 25h);
  const std::vector<std::string> in{post(org, ch, recent), activity(org, recent), insight(org, recent)};
  const std::vector<std::string> out{post(org, ch, old), activity(org, old), insight(org, old)};

  auto r = feed("limit=100", org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = resource_ids(r.data());
  const std::set<std::string> seen(got.begin(), got.end());
  for (const auto& id : in) EXPECT_TRUE(seen.count(id)) << id;
  for (const auto& id : out) EXPECT_FALSE(seen.count(id)) << id;
  // The org's sign-up (6 pinned posts) is in the window too; totals count what is listed.
  EXPECT_EQ(r.json.at("pagination").at("total"), json::value(got.size()));
  // Replies are not feed items.
  const auto parent = in[0];
  const std::string reply = util::new_ulid();
  db().exec(
      "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, parent_id)"
      " VALUES ($1, $2, $3, 'x', 'agent', 'reply', $4)",
      {reply, org.id, ch, parent});
  auto again = resource_ids(feed("limit=100", org.access_token).data());
  EXPECT_EQ(std::set<std::string>(again.begin(), again.end()), seen);
}

TEST_F(FeedRoutes, PrivateAndDmChannelPostsOnlyForMembers) {
  auto org = register_org(client(), "private");
  auto member = register_agent(client(), org.access_token, "member");
  auto outsider = register_agent(client(), org.access_token, "outsider");
  const auto open = post(org, channel(org, "public"), at(10s));
  const auto system = post(org, channel(org, "system"), at(20s));
  const auto priv_ch = channel(org, "private");
  const auto dm_ch = channel(org, "dm");
  const auto priv = post(org, priv_ch, at(30s));
  const auto dm = post(org, dm_ch, at(40s));
  join(priv_ch, member.id, "agent");
  join(dm_ch, member.id, "agent");
  join(priv_ch, outsider.id, "user");  // right id, wrong identity type: not a member

  auto visible = [&](const std::string& token) {
    auto r = feed(window(0s, 60s) + "&types=posts", token);
    EXPECT_EQ(r.status, 200) << r.body;
    auto list = resource_ids(r.data());
    EXPECT_EQ(r.json.at("pagination").at("total"), json::value(list.size()));
    return list;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(visible(member.api_key), (V{dm, priv, system, open}));
  EXPECT_EQ(visible(outsider.api_key), (V{system, open}));
  EXPECT_EQ(visible(org.access_token), (V{system, open}));
}

TEST_F(FeedRoutes, SecondOrgSeesNothingOfTheFirst) {
  auto first = register_org(client(), "iso-a");
  auto second = register_org(client(), "iso-b");
  auto second_bot = register_agent(client(), second.access_token, "bot");
  const auto ch = channel(first);
  const std::vector<std::string> firsts{post(first, ch, at(10s)), activity(first, at(20s)),
                                        insight(first, at(30s))};
  const auto now = std::chrono::system_clock::now();
  const auto recent = util::iso8601(now - 1h);
  const std::vector<std::string> recent_firsts{post(first, ch, recent), activity(first, recent),
                                               insight(first, recent)};

  for (const auto& token : {second.access_token, second_bot.api_key}) {
    auto r = feed(window(0s, 60s), token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.data().as_array().empty());
    EXPECT_EQ(r.json.at("pagination").at("total"), json::value(0));
    auto d = feed("limit=100", token);
    for (const auto& item : d.data().as_array()) {
      EXPECT_EQ(item.at("data").at("org_id"), json::value(second.id));
      for (const auto& id : recent_firsts) EXPECT_NE(item.at("resource_id"), json::value(id));
    }
  }
  EXPECT_EQ(feed(window(0s, 60s), first.access_token).json.at("pagination").at("total"), json::value(3));
}

}  // namespace
}  // namespace agenthq::test
