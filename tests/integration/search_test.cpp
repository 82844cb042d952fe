// GET /search: envelope and shapes, the types filter, per-type paging and counts, ranking on a
// corpus whose right order is known, channel privacy and tenant isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

std::set<std::string> keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& kv : v.as_object()) out.insert(std::string(kv.key()));
  return out;
}

const std::set<std::string> kPostKeys{"id",     "org_id",     "channel_id", "author_id", "author_type",
                                      "type",   "title",      "content",    "metadata",  "parent_id",
                                      "pinned", "created_at", "updated_at", "edited_at", "deleted_at"};
const std::set<std::string> kInsightKeys{"id",         "org_id",   "type",         "title",
                                         "content",    "data",     "source_posts", "source_agents",
                                         "confidence", "reviewed", "created_at"};
const std::set<std::string> kAgentKeys{
    "id",     "org_id",         "name",         "description", "api_key_prefix", "owner_user_id",
    "status", "last_heartbeat", "capabilities", "metadata",    "created_at",     "updated_at"};

class SearchRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }

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
  // created_at is `now() - age` (an interval literal such as '2 hours').
  std::string post(const TestOrg& org, const std::string& channel_id, const std::string& content,
                   const std::string& age = "0 seconds", const std::string& id = util::new_ulid(),
                   const std::string& parent = "") {
    if (parent.empty())
      db().exec(
          "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, title, content, created_at, "
          "updated_at)"
          " VALUES ($1, $2, $3, 'author-1', 'agent', 'T', $4, now() - $5::interval, now() - $5::interval)",
          {id, org.id, channel_id, content, age});
    else
      db().exec(
          "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, parent_id)"
          " VALUES ($1, $2, $3, 'author-1', 'agent', $4, $5)",
          {id, org.id, channel_id, content, parent});
    return id;
  }
  std::string insight(const TestOrg& org, const std::string& title, const std::string& content,
                      const std::string& age = "0 seconds") {
    const std::string id = util::new_ulid();
    db().exec(
        "INSERT INTO insights (id, org_id, type, title, content, data, source_posts, confidence, created_at)"
        " VALUES ($1, $2, 'trend', $3, $4, '{\"k\":1}', '[\"p1\"]', 0.75, now() - $5::interval)",
        {id, org.id, title, content, age});
    return id;
  }
  std::string agent(const TestOrg& org, const std::string& name, const std::string& description,
                    const std::string& age = "0 seconds") {
    auto a = register_agent(client(), org.access_token, name);
    db().exec("UPDATE agents SET description = $2, created_at = now() - $3::interval WHERE id = $1",
              {a.id, description, age});
    return a.id;
  }
  HttpResult search(const std::string& query, const std::string& token) {
    return client().get("/api/v1/search?" + query, token);
  }

  static HubProcess* hub_;
};
HubProcess* SearchRoutes::hub_ = nullptr;

TEST_F(SearchRoutes, EnvelopeAndObjectShapes) {
  auto org = register_org(client(), "shape");
  auto bot = register_agent(client(), org.access_token, "helper");
  const auto ch = channel(org);
  const auto p = post(org, ch, "the lumenwarp drive is ready");
  const auto i = insight(org, "Lumenwarp adoption", "more lumenwarp everywhere");
  const auto a = agent(org, "lumenwarp-pilot", "flies the lumenwarp");

  for (const auto& token : {org.access_token, bot.api_key}) {
    auto r = search("q=lumenwarp", token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(keys(r.json), (std::set<std::string>{"success", "data", "pagination"}));
    EXPECT_EQ(r.json.at("success"), json::value(true));
    EXPECT_EQ(keys(r.data()), (std::set<std::string>{"posts", "insights", "agents"}));
    const auto& pg = r.json.at("pagination");
    EXPECT_EQ(keys(pg), (std::set<std::string>{"page", "limit", "counts", "total"}));
    EXPECT_EQ(pg.at("page"), json::value(1));
    EXPECT_EQ(pg.at("limit"), json::value(20));
    EXPECT_EQ(keys(pg.at("counts")), (std::set<std::string>{"posts", "insights", "agents"}));
    EXPECT_EQ(pg.at("counts").at("posts"), json::value(1));
    EXPECT_EQ(pg.at("counts").at("insights"), json::value(1));
    EXPECT_EQ(pg.at("counts").at("agents"), json::value(1));
    EXPECT_EQ(pg.at("total"), json::value(3));

    ASSERT_EQ(r.data().at("posts").as_array().size(), 1u);
    const auto& po = r.data().at("posts").at(0);
    EXPECT_EQ(keys(po), kPostKeys);  // never search_vector
    EXPECT_EQ(po.at("id"), json::value(p));
    EXPECT_EQ(po.at("org_id"), json::value(org.id));
    EXPECT_TRUE(po.at("metadata").is_object());
    EXPECT_EQ(po.at("pinned"), json::value(false));
    EXPECT_TRUE(po.at("parent_id").is_null());
    const std::string created(po.at("created_at").as_string());
    EXPECT_EQ(created.size(), 24u) << created;
    EXPECT_EQ(created[10], 'T');
    EXPECT_EQ(created.back(), 'Z');

    ASSERT_EQ(r.data().at("insights").as_array().size(), 1u);
    const auto& io = r.data().at("insights").at(0);
    EXPECT_EQ(keys(io), kInsightKeys);
    EXPECT_EQ(io.at("id"), json::value(i));
    EXPECT_DOUBLE_EQ(io.at("confidence").to_number<double>(), 0.75);
    EXPECT_EQ(io.at("data").at("k"), json::value(1));
    EXPECT_EQ(io.at("source_posts"), json::parse(R"(["p1"])"));
    EXPECT_EQ(io.at("source_agents"), json::parse("[]"));
    EXPECT_EQ(io.at("reviewed"), json::value(false));

    ASSERT_EQ(r.data().at("agents").as_array().size(), 1u);
    const auto& ao = r.data().at("agents").at(0);
    EXPECT_EQ(keys(ao), kAgentKeys);  // never api_key_hash or search_vector
    EXPECT_EQ(ao.at("id"), json::value(a));
    EXPECT_EQ(ao.at("status"), json::value("offline"));
    EXPECT_TRUE(ao.at("capabilities").is_array());
  }
}

TEST_F(SearchRoutes, MissingOrBadQuery) {
  auto org = register_org(client(), "missing");
  for (const char* target : {"", "q=", "q=%20%20", "types=posts", "q&types=posts"}) {
    auto r = search(target, org.access_token);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.error_code(), "MISSING_QUERY") << target;
    EXPECT_EQ(keys(r.json), (std::set<std::string>{"success", "error"}));
    EXPECT_EQ(r.json.at("success"), json::value(false));
    EXPECT_EQ(keys(r.json.at("error")), (std::set<std::string>{"code", "message"}));
  }
  // Bytes that are not UTF-8 are the client's mistake, not a database error.
  auto bad = search("q=%FF%FE", org.access_token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(search("q=caf%C3%A9", org.access_token).status, 200);

  auto anonymous = search("q=x", "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.error_code(), "UNAUTHORIZED");
}

TEST_F(SearchRoutes, TypesFilter) {
  auto org = register_org(client(), "types");
  const auto ch = channel(org);
  post(org, ch, "orbitrel one");
  post(org, ch, "orbitrel two");
  insight(org, "Orbitrel", "orbitrel insight");
  agent(org, "orbitrel", "orbitrel agent");

  auto counts = [&](const std::string& types) {
    auto r = search("q=orbitrel&types=" + types, org.access_token);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto& c = r.json.at("pagination").at("counts");
    EXPECT_EQ(keys(r.data()), (std::set<std::string>{"posts", "insights", "agents"})) << types;
    std::vector<std::int64_t> out{c.at("posts").as_int64(),
                                  c.at("insights").as_int64(),
                                  c.at("agents").as_int64(),
                                  r.json.at("pagination").at("total").as_int64(),
                                  static_cast<std::int64_t>(r.data().at("posts").as_array().size()),
                                  static_cast<std::int64_t>(r.data().at("insights").as_array().size()),
                                  static_cast<std::int64_t>(r.data().at("agents").as_array().size())};
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(counts(""), (V{2, 1, 1, 4, 2, 1, 1}));  // empty means all
  EXPECT_EQ(counts("posts"), (V{2, 0, 0, 2, 2, 0, 0}));
  EXPECT_EQ(counts("insights"), (V{0, 1, 0, 1, 0, 1, 0}));
  EXPECT_EQ(counts("agents"), (V{0, 0, 1, 1, 0, 0, 1}));
  EXPECT_EQ(counts("insights,agents"), (V{0, 1, 1, 2, 0, 1, 1}));
  EXPECT_EQ(counts("posts,bogus"), (V{2, 0, 0, 2, 2, 0, 0}));            // unknown names dropped
  EXPECT_EQ(counts("%20posts%20,%20agents"), (V{2, 0, 1, 3, 2, 0, 1}));  // names are trimmed
  EXPECT_EQ(counts("posts,posts"), (V{2, 0, 0, 2, 2, 0, 0}));
  EXPECT_EQ(counts("bogus,users"), (V{0, 0, 0, 0, 0, 0, 0}));  // all unknown: nothing searched
  EXPECT_EQ(counts(","), (V{0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(counts("Posts"), (V{0, 0, 0, 0, 0, 0, 0}));  // names are exact
  auto absent = search("q=orbitrel", org.access_token);
  EXPECT_EQ(absent.json.at("pagination").at("total"), json::value(4));
}

TEST_F(SearchRoutes, LimitAndPageApplyPerType) {
  auto org = register_org(client(), "paging");
  const auto ch = channel(org);
  for (int k = 0; k < 5; ++k)
    post(org, ch, "quillion post " + std::to_string(k), std::to_string(k) + " minutes");
  for (int k = 0; k < 3; ++k)
    insight(org, "Quillion " + std::to_string(k), "quillion", std::to_string(k) + " minutes");
  for (int k = 0; k < 2; ++k)
    agent(org, "quillion-" + std::to_string(k), "quillion", std::to_string(k) + " minutes");

  struct Case {
    std::string query;
    std::int64_t page, limit;
    std::size_t posts, insights, agents;
  };
  const std::vector<Case> cases{
      {"limit=2", 1, 2, 2, 2, 2},         {"limit=2&page=2", 2, 2, 2, 1, 0},
      {"limit=2&page=3", 3, 2, 1, 0, 0},  {"limit=2&page=4", 4, 2, 0, 0, 0},
      {"limit=1000", 1, 100, 5, 3, 2},    {"limit=-5", 1, 1, 1, 1, 1},
      {"limit=0", 1, 20, 5, 3, 2},        {"page=abc&limit=3abc", 1, 3, 3, 3, 2},
      {"page=-1&limit=4", 1, 4, 4, 3, 2}, {"page=2.9&limit=4", 2, 4, 1, 0, 0},
  };
  for (const auto& c : cases) {
    auto r = search("q=quillion&" + c.query, org.access_token);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto& pg = r.json.at("pagination");
    EXPECT_EQ(pg.at("page"), json::value(c.page)) << c.query;
    EXPECT_EQ(pg.at("limit"), json::value(c.limit)) << c.query;
    EXPECT_EQ(r.data().at("posts").as_array().size(), c.posts) << c.query;
    EXPECT_EQ(r.data().at("insights").as_array().size(), c.insights) << c.query;
    EXPECT_EQ(r.data().at("agents").as_array().size(), c.agents) << c.query;
    // Counts are totals of matches whatever the page, also beyond the end.
    EXPECT_EQ(pg.at("counts").at("posts"), json::value(5)) << c.query;
    EXPECT_EQ(pg.at("counts").at("insights"), json::value(3)) << c.query;
    EXPECT_EQ(pg.at("counts").at("agents"), json::value(2)) << c.query;
    EXPECT_EQ(pg.at("total"), json::value(10)) << c.query;
    EXPECT_FALSE(pg.as_object().contains("hasMore"));
  }
}

TEST_F(SearchRoutes, RankingOnAKnownCorpus) {
  auto org = register_org(client(), "rank");
  const auto ch = channel(org);
  // One occurrence ranks below two, two below three (ts_rank, no length normalisation); equal
  // ranks fall back to newest first, then to the larger id.
  const auto three = post(org, ch, "nebulon nebulon nebulon", "5 hours");
  const auto two = post(org, ch, "nebulon report nebulon", "4 hours");
  const auto one_newest = post(org, ch, "a nebulon among many other ordinary words", "1 hour");
  const std::string tie_time = "3 hours";
  const auto tie_low = post(org, ch, "nebulon tie", tie_time, "01JZZZZZZZZZZZZZZZZZZZZZZ1");
  const auto tie_high = post(org, ch, "nebulon tie", tie_time, "01JZZZZZZZZZZZZZZZZZZZZZZ2");
  post(org, ch, "nothing relevant here");
  post(org, ch, "a reply about nebulon nebulon nebulon nebulon", "0 seconds", util::new_ulid(),
       three);  // not top-level
  db().exec("UPDATE posts SET created_at = (SELECT created_at FROM posts WHERE id = $1) WHERE id = $2",
            {tie_low, tie_high});

  const std::vector<std::string> expected{three, two, one_newest, tie_high, tie_low};
  auto r = search("q=nebulon&types=posts", org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(ids(r.data().at("posts")), expected);
  EXPECT_EQ(r.json.at("pagination").at("counts").at("posts"), json::value(5));

  // Stable paging: pages of two concatenate to the full order.
  std::vector<std::string> paged;
  for (int page = 1; page <= 3; ++page) {
    auto p = search("q=nebulon&types=posts&limit=2&page=" + std::to_string(page), org.access_token);
    for (auto& id : ids(p.data().at("posts"))) paged.push_back(id);
  }
  EXPECT_EQ(paged, expected);

  // English stemming, plain words ANDed, operators not interpreted.
  EXPECT_EQ(ids(search("q=nebulons&types=posts", org.access_token).data().at("posts")), expected);
  EXPECT_EQ(ids(search("q=nebulon%20report&types=posts", org.access_token).data().at("posts")),
            std::vector<std::string>{two});
  EXPECT_EQ(search("q=nebulon%20or%20zzzmissing&types=posts", org.access_token)
                .data()
                .at("posts")
                .as_array()
                .size(),
            0u);
  EXPECT_EQ(search("q=nebulon%20%7C%20zzzmissing&types=posts", org.access_token)
                .data()
                .at("posts")
                .as_array()
                .size(),
            0u);
  EXPECT_EQ(ids(search("q=%21nebulon%20%26%20tie%3A*&types=posts", org.access_token).data().at("posts")),
            (std::vector<std::string>{tie_high, tie_low}));

  // Insights and agents rank the same way.
  const auto i_two = insight(org, "Nebulon", "nebulon trend", "2 hours");
  const auto i_one = insight(org, "Other", "nebulon once", "1 minute");
  const auto a_three = agent(org, "nebulon", "nebulon nebulon", "2 hours");
  const auto a_one = agent(org, "scout", "finds nebulon", "1 minute");
  auto both = search("q=nebulon&types=insights,agents", org.access_token);
  EXPECT_EQ(ids(both.data().at("insights")), (std::vector<std::string>{i_two, i_one}));
  EXPECT_EQ(ids(both.data().at("agents")), (std::vector<std::string>{a_three, a_one}));
}

TEST_F(SearchRoutes, PrivateAndDmChannelPostsOnlyForMembers) {
  auto org = register_org(client(), "private");
  auto member = register_agent(client(), org.access_token, "member");
  auto outsider = register_agent(client(), org.access_token, "outsider");
  const auto open = post(org, channel(org, "public"), "cryptomint open");
  const auto system = post(org, channel(org, "system"), "cryptomint system");
  const auto priv_ch = channel(org, "private");
  const auto dm_ch = channel(org, "dm");
  const auto priv = post(org, priv_ch, "cryptomint private");
  const auto dm = post(org, dm_ch, "cryptomint dm");
  join(priv_ch, member.id, "agent");
  join(dm_ch, member.id, "agent");
  // Same id, other identity type: membership is per (id, type).
  join(priv_ch, outsider.id, "user");

  auto visible = [&](const std::string& token) {
    auto r = search("q=cryptomint&types=posts", token);
    EXPECT_EQ(r.status, 200) << r.body;
    auto list = ids(r.data().at("posts"));
    EXPECT_EQ(r.json.at("pagination").at("counts").at("posts"), json::value(list.size()));
    return std::set<std::string>(list.begin(), list.end());
  };
  EXPECT_EQ(visible(member.api_key), (std::set<std::string>{open, system, priv, dm}));
  EXPECT_EQ(visible(outsider.api_key), (std::set<std::string>{open, system}));
  EXPECT_EQ(visible(org.access_token),
            (std::set<std::string>{open, system}));  // owners are not members either
  join(priv_ch, org.owner_id, "user");
  EXPECT_EQ(visible(org.access_token), (std::set<std::string>{open, system, priv}));
}

TEST_F(SearchRoutes, SecondOrgSeesNothingOfTheFirst) {
  auto first = register_org(client(), "iso-a");
  auto second = register_org(client(), "iso-b");
  auto second_bot = register_agent(client(), second.access_token, "bot");
  post(first, channel(first), "tenantword first");
  insight(first, "Tenantword", "tenantword first");
  agent(first, "tenantword", "tenantword first");
  const auto own = post(second, channel(second), "tenantword second");

  for (const auto& token : {second.access_token, second_bot.api_key}) {
    auto r = search("q=tenantword", token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(ids(r.data().at("posts")), std::vector<std::string>{own});
    EXPECT_TRUE(r.data().at("insights").as_array().empty());
    EXPECT_TRUE(r.data().at("agents").as_array().empty());
    EXPECT_EQ(r.json.at("pagination").at("total"), json::value(1));
  }
  auto r = search("q=tenantword", first.access_token);
  EXPECT_EQ(r.json.at("pagination").at("total"), json::value(3));
}

}  // namespace
}  // namespace agenthq::test
