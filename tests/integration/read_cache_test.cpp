// The read caches (hub/cache/versioned_cache.hpp) over real HTTP: a repeated search, feed or post list is
// answered from memory, yet never misses a change committed before it (by this caller, another
// process, or SQL), never shows one caller's readable channels to another, and a feed window
// that moved past an item never still counts it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class SearchCacheHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }
  std::string new_post(const std::string& token, const std::string& channel, const std::string& content) {
    auto r = client().post("/api/v1/posts", {{"channel_id", channel}, {"content", content}}, token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? std::string(r.data().at("id").as_string()) : "";
  }
  static std::int64_t total(const HttpResult& r) { return r.json.at("pagination").at("total").as_int64(); }
  static std::string first_id(const HttpResult& r) {
    const auto& a = r.data().as_array();
    return a.empty() ? "" : std::string(a.at(0).at("id").as_string());
  }
  std::string general(const std::string& token) {
    auto r = client().get("/api/v1/channels", token);
    for (const auto& c : r.data().as_array())
      if (c.at("name") == "general") return std::string(c.at("id").as_string());
    return "";
  }
  static HubProcess* hub_;
};
HubProcess* SearchCacheHttp::hub_ = nullptr;

TEST_F(SearchCacheHttp, AWriteIsVisibleToTheVeryNextSearch) {
  auto org = register_org(client(), "sc-own");
  auto agent = register_agent(client(), org.access_token, "sc-agent");
  const std::string ch = general(org.access_token);
  new_post(agent.api_key, ch, "walrus sighting one");
  for (int round = 2; round <= 6; ++round) {
    auto before = client().get("/api/v1/posts/search?q=walrus", agent.api_key);
    auto again = client().get("/api/v1/posts/search?q=walrus", agent.api_key);  // cached
    EXPECT_EQ(again.body, before.body);
    EXPECT_EQ(total(before), round - 1);
    // Alternate writers: the agent itself, then the org's owner (another identity, same org).
    const std::string id = new_post(round % 2 ? agent.api_key : org.access_token, ch, "walrus sighting again");
    auto after = client().get("/api/v1/posts/search?q=walrus", agent.api_key);
    EXPECT_EQ(total(after), round);
    EXPECT_EQ(first_id(after), id);  // equal ranks: newest first
    auto global = client().get("/api/v1/search?q=walrus&types=posts", agent.api_key);
    EXPECT_EQ(global.json.at("pagination").at("counts").at("posts"), round);
  }
}

TEST_F(SearchCacheHttp, CallersOnlyEverSeeWhatTheyMayRead) {
  auto org = register_org(client(), "sc-private");
  auto agent = register_agent(client(), org.access_token, "sc-outsider");
  auto created = client().post("/api/v1/channels", {{"name", "vault"}, {"type", "private"}}, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string vault(created.data().at("id").as_string());
  new_post(org.access_token, vault, "narwhal treasure map");

  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=narwhal", org.access_token)), 1);
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=narwhal", agent.api_key)), 0);  // not the owner's page
  // Leaving is a committed change like any other: the owner's next search no longer reads the
  // channel, although its previous page is still in the cache.
  auto left = client().post("/api/v1/channels/" + vault + "/leave", json::object{}, org.access_token);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=narwhal", org.access_token)), 0);

  // Another org searching the same word gets its own results.
  auto other = register_org(client(), "sc-private-b");
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=narwhal", other.access_token)), 0);
}

TEST_F(SearchCacheHttp, WritesOfOtherProcessesAndOfSqlAreSeenAtOnce) {
  HubProcess second(*hub_, {});
  auto org = register_org(client(), "sc-scale");
  auto agent = register_agent(client(), org.access_token, "sc-reader");
  const std::string ch = general(org.access_token);
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=platypus", agent.api_key)), 0);  // kept here
  auto r = second.client().post("/api/v1/posts", {{"channel_id", ch}, {"content", "platypus spotted"}},
                                org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=platypus", agent.api_key)), 1);

  // Straight into the database, as an import or an operator would.
  db().exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) "
            "VALUES ('sql-platypus', $1, $2, 'ops', 'user', 'platypus again')",
            {org.id, ch});
  auto after_insert = client().get("/api/v1/posts/search?q=platypus", agent.api_key);
  EXPECT_EQ(total(after_insert), 2);
  EXPECT_EQ(first_id(after_insert), "sql-platypus");
  db().exec("UPDATE posts SET content = 'nothing to find' WHERE id = 'sql-platypus'");
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=platypus", agent.api_key)), 1);

  // A membership added in SQL opens a private channel to the next search.
  auto created = client().post("/api/v1/channels", {{"name", "den"}, {"type", "private"}}, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string den(created.data().at("id").as_string());
  new_post(org.access_token, den, "platypus den");
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=platypus", agent.api_key)), 1);
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'agent')",
            {den, agent.id});
  EXPECT_EQ(total(client().get("/api/v1/posts/search?q=platypus", agent.api_key)), 2);
}

TEST_F(SearchCacheHttp, KeptInsightsAndLiveAgentsInTheGlobalSearch) {
  auto org = register_org(client(), "sc-global");
  auto agent = register_agent(client(), org.access_token, "quokka-watcher");
  auto counts = [&] {
    auto r = client().get("/api/v1/search?q=quokka", agent.api_key);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.at("pagination").at("counts");
  };
  EXPECT_EQ(counts().at("insights"), 0);
  EXPECT_EQ(counts().at("agents"), 1);  // kept insights, agents asked every time
  db().exec("INSERT INTO insights (id, org_id, type, title, content) VALUES ('sc-quokka', $1, 'trend', 'Quokka', 'x')",
            {org.id});
  EXPECT_EQ(counts().at("insights"), 1);
  db().exec("UPDATE agents SET name = 'renamed' WHERE id = $1", {agent.id});
  EXPECT_EQ(counts().at("agents"), 0);
  db().exec("DELETE FROM insights WHERE id = 'sc-quokka'");
  EXPECT_EQ(counts().at("insights"), 0);
}

TEST_F(SearchCacheHttp, ARepeatedSearchIsNotRankedAgain) {
  HubProcess traced(std::map<std::string, std::string>{{"LOG_LEVEL", "trace"}});  // logs every statement
  auto org = register_org(traced.client(), "sc-trace");
  auto agent = register_agent(traced.client(), org.access_token, "sc-tracer");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(traced.client().get("/api/v1/posts/search?q=okapi", agent.api_key).status, 200);
  // A different word afterwards marks the end: once its statement is in the log, so are the others.
  EXPECT_EQ(traced.client().get("/api/v1/posts/search?q=markerword", agent.api_key).status, 200);
  std::string log;
  for (int i = 0; i < 400 && log.find("markerword") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the hub writes its log asynchronously
    log = traced.log();
  }
  ASSERT_NE(log.find("markerword"), std::string::npos);
  std::size_t ranked = 0;
  for (auto at = log.find("\"okapi\""); at != std::string::npos; at = log.find("\"okapi\"", at + 1)) ++ranked;
  EXPECT_EQ(ranked, 1u) << "the search statement (with its parameter) should have been sent once";
}

TEST_F(SearchCacheHttp, TheFeedSeesEveryCommittedChangeAndItsMovingWindow) {
  auto org = register_org(client(), "fc-feed");
  auto agent = register_agent(client(), org.access_token, "fc-reader");
  const std::string ch = general(org.access_token);
  auto feed_total = [&](const std::string& query) {
    auto r = client().get("/api/v1/feed" + query, agent.api_key);
    EXPECT_EQ(r.status, 200) << r.body;
    return total(r);
  };
  const std::int64_t start = feed_total("");
  EXPECT_EQ(feed_total(""), start);  // kept
  const std::string id = new_post(org.access_token, ch, "fresh news");
  auto after = client().get("/api/v1/feed", agent.api_key);
  EXPECT_GE(total(after), start + 2);  // the post and its audit entry
  bool listed = false;
  for (const auto& item : after.data().as_array()) listed = listed || item.at("resource_id") == json::value(id);
  EXPECT_TRUE(listed);
  const std::int64_t now_total = total(after);
  db().exec("INSERT INTO insights (id, org_id, type, title, content) VALUES ('fc-insight', $1, 'trend', 't', 'c')",
            {org.id});
  EXPECT_EQ(feed_total(""), now_total + 1);

  // A window whose start passes its oldest item no longer counts it, though the page for the
  // earlier start is kept: two posts an hour apart, inside a fixed [since, until].
  db().exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, created_at) VALUES "
            "('fc-old', $1, $2, 'x', 'agent', 'old', '2020-01-01T10:00:00Z'), "
            "('fc-new', $1, $2, 'x', 'agent', 'new', '2020-01-01T11:00:00Z')",
            {org.id, ch});
  const std::string until = "&until=2020-01-01T12:00:00Z";
  EXPECT_EQ(feed_total("?since=2020-01-01T09:00:00Z" + until), 2);
  EXPECT_EQ(feed_total("?since=2020-01-01T09:30:00Z" + until), 2);  // from the kept page: still both
  EXPECT_EQ(feed_total("?since=2020-01-01T10:00:00.000001Z" + until), 1);
  EXPECT_EQ(feed_total("?since=2020-01-01T10:30:00Z" + until), 1);
  EXPECT_EQ(feed_total("?since=2020-01-01T08:00:00Z" + until), 2);  // an earlier start: asked again
  EXPECT_EQ(feed_total("?since=2020-01-01T11:00:00.000001Z" + until), 0);
  EXPECT_EQ(feed_total("?since=2020-01-01T11:30:00Z" + until), 0);  // empty window kept
  db().exec("UPDATE posts SET created_at = '2020-01-01T11:45:00Z' WHERE id = 'fc-old'");
  EXPECT_EQ(feed_total("?since=2020-01-01T11:30:00Z" + until), 1);
}

TEST_F(SearchCacheHttp, PostListsSeeEveryCommittedChange) {
  HubProcess second(*hub_, {});
  auto org = register_org(client(), "pl-lists");
  auto agent = register_agent(client(), org.access_token, "pl-reader");
  auto created = client().post("/api/v1/channels", {{"name", "news"}}, org.access_token);  // no pinned welcome
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string ch(created.data().at("id").as_string());
  const std::string list = "/api/v1/posts?channel_id=" + ch + "&limit=1";
  const std::string channel_list = "/api/v1/channels/" + ch + "/posts?limit=2";
  const std::string first = new_post(agent.api_key, ch, "first");
  auto before = client().get(list, agent.api_key);
  EXPECT_EQ(client().get(list, agent.api_key).body, before.body);  // kept
  const std::int64_t start = total(before);
  EXPECT_EQ(first_id(before), first);
  EXPECT_EQ(total(client().get(channel_list, agent.api_key)), start);

  // The caller's own write, another identity's, another process's, and SQL's: each is on the next page.
  const std::string own = new_post(agent.api_key, ch, "own");
  auto r = client().get(list, agent.api_key);
  EXPECT_EQ(first_id(r), own);
  EXPECT_EQ(total(r), start + 1);
  EXPECT_TRUE(r.json.at("pagination").at("hasMore").as_bool());
  const std::string owners = new_post(org.access_token, ch, "owner's");
  EXPECT_EQ(first_id(client().get(channel_list, agent.api_key)), owners);
  auto elsewhere = second.client().post("/api/v1/posts", {{"channel_id", ch}, {"content", "elsewhere"}}, org.access_token);
  ASSERT_EQ(elsewhere.status, 201) << elsewhere.body;
  r = client().get(list, agent.api_key);
  EXPECT_EQ(first_id(r), std::string(elsewhere.data().at("id").as_string()));
  EXPECT_EQ(total(r), start + 3);
  db().exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) "
            "VALUES ('pl-sql', $1, $2, 'ops', 'user', 'from sql')",
            {org.id, ch});
  r = client().get(list, agent.api_key);
  EXPECT_EQ(first_id(r), "pl-sql");
  EXPECT_EQ(total(r), start + 4);
  // A pin moves the oldest post to the top; a delete takes one out of the total.
  db().exec("UPDATE posts SET pinned = true WHERE id = $1", {first});
  EXPECT_EQ(first_id(client().get(channel_list, agent.api_key)), first);
  ASSERT_EQ(client().del("/api/v1/posts/" + own, agent.api_key).status, 200);
  EXPECT_EQ(total(client().get(list, agent.api_key)), start + 3);
  EXPECT_EQ(total(client().get(channel_list, agent.api_key)), start + 3);
}

TEST_F(SearchCacheHttp, PostListsOnlyEverShowWhatTheCallerMayRead) {
  auto org = register_org(client(), "pl-private");
  auto agent = register_agent(client(), org.access_token, "pl-outsider");
  auto created = client().post("/api/v1/channels", {{"name", "safe"}, {"type", "private"}}, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string safe(created.data().at("id").as_string());
  new_post(org.access_token, safe, "combination");
  const std::string page = "/api/v1/channels/" + safe + "/posts";
  const std::string filtered = "/api/v1/posts?channel_id=" + safe;

  EXPECT_EQ(total(client().get(page, org.access_token)), 1);
  EXPECT_EQ(total(client().get(filtered, org.access_token)), 1);
  EXPECT_EQ(client().get(page, agent.api_key).status, 404);  // not the owner's kept page
  EXPECT_EQ(total(client().get(filtered, agent.api_key)), 0);
  // A membership added in SQL opens the channel to the next read; leaving closes it again.
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'agent')",
            {safe, agent.id});
  EXPECT_EQ(total(client().get(page, agent.api_key)), 1);
  auto left = client().post("/api/v1/channels/" + safe + "/leave", json::object{}, agent.api_key);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(client().get(page, agent.api_key).status, 404);
  EXPECT_EQ(total(client().get(filtered, agent.api_key)), 0);

  auto other = register_org(client(), "pl-private-b");  // another org asking for the same channel
  EXPECT_EQ(client().get(page, other.access_token).status, 404);
}

TEST_F(SearchCacheHttp, ARepeatedListIsNotReadAgain) {
  HubProcess traced(std::map<std::string, std::string>{{"LOG_LEVEL", "trace"}});  // logs every statement
  auto org = register_org(traced.client(), "pl-trace");
  auto agent = register_agent(traced.client(), org.access_token, "pl-tracer");
  std::string ch;
  const auto channels = traced.client().get("/api/v1/channels", agent.api_key);
  for (const auto& c : channels.data().as_array())
    if (c.at("name") == "general") ch = std::string(c.at("id").as_string());
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(traced.client().get("/api/v1/posts?channel_id=" + ch + "&type=okapi-list", agent.api_key).status, 200);
  EXPECT_EQ(traced.client().get("/api/v1/posts?channel_id=" + ch + "&type=marker-list", agent.api_key).status, 200);
  std::string log;
  for (int i = 0; i < 400 && log.find("marker-list") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    log = traced.log();
  }
  ASSERT_NE(log.find("marker-list"), std::string::npos);
  std::size_t read = 0;
  for (auto at = log.find("\"okapi-list\""); at != std::string::npos; at = log.find("\"okapi-list\"", at + 1)) ++read;
  EXPECT_EQ(read, 1u) << "the list statement (with its parameter) should have been sent once";
}

}  // namespace
}  // namespace agenthq::test
