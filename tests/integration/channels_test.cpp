// /channels: create, list, get, stats, join, leave and channel posts, over real HTTP against a real
// hub and PostgreSQL: private channels exist only for their members, system channels cannot be
// joined or left, and another org's channel ids are simply not found.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class ChannelRoutes : public ::testing::Test {
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
  Member add_member(const TestOrg& org, const std::string& name = "Mia Member") {
    const std::string id = util::new_ulid();
    const std::string email = "member-" + random_suffix(8) + "@example.com";
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, $5, 'member')",
              {id, org.id, email, auth::hash_password("member-pass", 4), name});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "member-pass"}});
    return {id, std::string(r.data().at("accessToken").as_string())};
  }

  HttpResult create(const std::string& token, const json::object& body) {
    return client().post("/api/v1/channels", body, token);
  }
  std::string create_id(const std::string& token, const json::object& body) {
    auto r = create(token, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.data().at("id").as_string());
  }
  std::string channel_id(const TestOrg& org, const std::string& name) {
    return *db().scalar("SELECT id FROM channels WHERE org_id = $1 AND name = $2", {org.id, name});
  }
  static std::vector<std::string> names(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.data().as_array()) out.emplace_back(c.at("name").as_string());
    return out;
  }
  std::string sql(const std::string& query, const std::vector<std::string>& params) {
    return *db().scalar(query, params);
  }
  static HubProcess* hub_;
};
HubProcess* ChannelRoutes::hub_ = nullptr;

using Names = std::vector<std::string>;

TEST_F(ChannelRoutes, CreateReturnsTheChannelAndAuditsIt) {
  auto org = register_org(client(), "ch-create");
  auto r = create(org.access_token, {{"name", "eng-team-1"}, {"description", "Engineering"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("success"), true);
  const auto& c = r.data().as_object();
  for (const char* key :
       {"id", "org_id", "name", "description", "type", "created_by", "created_at", "updated_at", "dm_pair_hash"})
    EXPECT_TRUE(c.contains(key)) << key;
  EXPECT_EQ(c.size(), 9u) << r.body;
  EXPECT_TRUE(c.at("dm_pair_hash").is_null());
  EXPECT_EQ(c.at("id").as_string().size(), 26u);
  EXPECT_EQ(c.at("org_id"), json::value(org.id));
  EXPECT_EQ(c.at("name"), "eng-team-1");
  EXPECT_EQ(c.at("description"), "Engineering");
  EXPECT_EQ(c.at("type"), "public");  // the default
  EXPECT_EQ(c.at("created_by"), json::value(org.owner_id));
  EXPECT_EQ(c.at("created_at").as_string().size(), 24u);
  const std::string id(c.at("id").as_string());

  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'channel.created' AND "
                  "resource_type = 'channel' AND resource_id = $2 AND actor_id = $3 AND actor_type = 'user' "
                  "AND details->>'name' = 'eng-team-1' AND ip_address IS NOT NULL",
                  {org.id, id, org.owner_id}),
            "1");
  // A public channel's creator is not auto-joined (as in the reference).
  EXPECT_EQ(sql("SELECT count(*) FROM channel_members WHERE channel_id = $1", {id}), "0");

  // Without a description it is null; agents create channels too, as themselves.
  auto agent = register_agent(client(), org.access_token, "maker");
  auto by_agent = create(agent.api_key, {{"name", "bots"}});
  ASSERT_EQ(by_agent.status, 201) << by_agent.body;
  EXPECT_TRUE(by_agent.data().at("description").is_null());
  EXPECT_EQ(by_agent.data().at("created_by"), json::value(agent.id));
  EXPECT_EQ(sql("SELECT actor_type FROM activity_log WHERE action = 'channel.created' AND resource_id = $1",
                  {std::string(by_agent.data().at("id").as_string())}),
            "agent");
}

TEST_F(ChannelRoutes, PrivateChannelCreatorBecomesItsMember) {
  auto org = register_org(client(), "ch-priv");
  auto r = create(org.access_token, {{"name", "secret"}, {"type", "private"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.data().at("type"), "private");
  const std::string id(r.data().at("id").as_string());
  EXPECT_EQ(sql("SELECT member_id || ':' || member_type FROM channel_members WHERE channel_id = $1", {id}),
            org.owner_id + ":user");

  auto agent = register_agent(client(), org.access_token, "private-bot");
  auto by_agent = create(agent.api_key, {{"name", "bot-room"}, {"type", "private"}});
  ASSERT_EQ(by_agent.status, 201);
  EXPECT_EQ(sql("SELECT member_id || ':' || member_type FROM channel_members WHERE channel_id = $1",
                  {std::string(by_agent.data().at("id").as_string())}),
            agent.id + ":agent");
  // The agent reads its own private channel; the owner (not a member) does not.
  EXPECT_EQ(client().get("/api/v1/channels/" + std::string(by_agent.data().at("id").as_string()), agent.api_key).status,
            200);
  EXPECT_EQ(
      client().get("/api/v1/channels/" + std::string(by_agent.data().at("id").as_string()), org.access_token).status,
      404);
}

TEST_F(ChannelRoutes, CreateValidation) {
  auto org = register_org(client(), "ch-valid");
  struct Case {
    json::object body;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {{}, "name"},
      {{{"name", ""}}, "name"},
      {{{"name", 42}}, "name"},
      {{{"name", nullptr}}, "name"},
      {{{"name", "Has Caps"}}, "name"},
      {{{"name", "under_score"}}, "name"},
      {{{"name", "space here"}}, "name"},
      {{{"name", std::string(81, 'a')}}, "name"},
      {{{"name", "ok"}, {"description", 5}}, "description"},
      {{{"name", "ok"}, {"description", nullptr}}, "description"},
      {{{"name", "ok"}, {"type", "system"}}, "type"},
      {{{"name", "ok"}, {"type", "dm"}}, "type"},
      {{{"name", "ok"}, {"type", "PUBLIC"}}, "type"},
      // The first failing field decides the message.
      {{{"name", "Bad"}, {"type", "system"}}, "name"},
  };
  for (const auto& c : cases) {
    auto r = create(org.access_token, c.body);
    EXPECT_EQ(r.status, 400) << json::serialize(c.body);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << json::serialize(c.body);
    EXPECT_NE(std::string(r.json.at("error").at("message").as_string()).find(c.fragment), std::string::npos)
        << json::serialize(c.body) << " -> " << r.body;
  }
  EXPECT_EQ(sql("SELECT count(*) FROM channels WHERE org_id = $1", {org.id}), "5");
  // The limits themselves are fine; unknown fields are dropped.
  EXPECT_EQ(create(org.access_token, {{"name", std::string(80, 'a')}}).status, 201);
  EXPECT_EQ(create(org.access_token, {{"name", "0-9-a"}, {"org_id", "X"}, {"created_by", "Y"}}).data().at("created_by"),
            json::value(org.owner_id));
  // No token, no channel.
  EXPECT_EQ(client().post("/api/v1/channels", {{"name", "anon"}}).status, 401);
}

TEST_F(ChannelRoutes, DuplicateNameIsAConflictNotAServerError) {
  auto org = register_org(client(), "ch-dup");
  ASSERT_EQ(create(org.access_token, {{"name", "dup"}}).status, 201);
  for (const auto& body : {json::object{{"name", "dup"}}, json::object{{"name", "dup"}, {"type", "private"}},
                           json::object{{"name", "general"}}}) {
    auto r = create(org.access_token, body);
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.error_code(), "CHANNEL_EXISTS");
    EXPECT_NE(std::string(r.json.at("error").at("message").as_string()).find("already exists"), std::string::npos);
  }
  // Nothing of the failed attempts was written (no stray member row, no audit entry).
  EXPECT_EQ(sql("SELECT count(*) FROM channels WHERE org_id = $1 AND name = 'dup'", {org.id}), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'channel.created'", {org.id}), "1");
  // Names are unique per org only.
  auto other = register_org(client(), "ch-dup-b");
  EXPECT_EQ(create(other.access_token, {{"name", "dup"}}).status, 201);
}

TEST_F(ChannelRoutes, ListShowsPublicAndSystemChannelsAndOnlyOwnPrivateOnes) {
  auto org = register_org(client(), "ch-list");
  auto member = add_member(org);
  auto agent = register_agent(client(), org.access_token, "lister");
  create_id(org.access_token, {{"name", "zeta"}});
  const std::string priv = create_id(org.access_token, {{"name", "beta-priv"}, {"type", "private"}});
  // A DM channel (created by a later feature) the agent belongs to and the owner does not.
  const std::string dm = util::new_ulid();
  db().exec("INSERT INTO channels (id, org_id, name, type) VALUES ($1, $2, 'dm-x', 'dm')", {dm, org.id});
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'agent')",
            {dm, agent.id});

  auto owner_list = client().get("/api/v1/channels", org.access_token);
  ASSERT_EQ(owner_list.status, 200) << owner_list.body;
  EXPECT_FALSE(owner_list.json.as_object().contains("pagination"));  // unpaginated
  EXPECT_EQ(names(owner_list), (Names{"alerts", "audit", "beta-priv", "general", "learnings", "updates", "zeta"}));
  EXPECT_EQ(owner_list.data().at(0).as_object().size(), 9u);

  const Names everyone{"alerts", "audit", "general", "learnings", "updates", "zeta"};
  EXPECT_EQ(names(client().get("/api/v1/channels", member.token)), everyone);
  EXPECT_EQ(names(client().get("/api/v1/channels", agent.api_key)),
            (Names{"alerts", "audit", "dm-x", "general", "learnings", "updates", "zeta"}));

  // type is an exact-match filter; page/limit are ignored.
  EXPECT_EQ(names(client().get("/api/v1/channels?type=public", org.access_token)),
            (Names{"general", "learnings", "updates", "zeta"}));
  EXPECT_EQ(names(client().get("/api/v1/channels?type=system", member.token)), (Names{"alerts", "audit"}));
  EXPECT_EQ(names(client().get("/api/v1/channels?type=private", org.access_token)), (Names{"beta-priv"}));
  EXPECT_EQ(names(client().get("/api/v1/channels?type=private", member.token)), Names{});
  EXPECT_EQ(names(client().get("/api/v1/channels?type=dm", agent.api_key)), (Names{"dm-x"}));
  EXPECT_EQ(names(client().get("/api/v1/channels?type=dm", org.access_token)), Names{});
  EXPECT_EQ(names(client().get("/api/v1/channels?type=nonsense", org.access_token)), Names{});
  EXPECT_EQ(names(client().get("/api/v1/channels?type=", member.token)), everyone);
  EXPECT_EQ(names(client().get("/api/v1/channels?page=2&limit=1", member.token)), everyone);

  // Membership is per identity type: a row naming the member's id as an agent does not count.
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'agent')",
            {priv, member.id});
  EXPECT_EQ(names(client().get("/api/v1/channels?type=private", member.token)), Names{});
  // Once the member is added to the private channel, it shows up for them too.
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'user')",
            {priv, member.id});
  EXPECT_EQ(names(client().get("/api/v1/channels?type=private", member.token)), (Names{"beta-priv"}));
  EXPECT_EQ(client().get("/api/v1/channels", "").status, 401);

  // Another org sees only its own five default channels.
  auto other = register_org(client(), "ch-list-b");
  auto other_list = client().get("/api/v1/channels", other.access_token);
  EXPECT_EQ(names(other_list), (Names{"alerts", "audit", "general", "learnings", "updates"}));
  for (const auto& c : other_list.data().as_array()) EXPECT_EQ(c.at("org_id"), json::value(other.id));
}

TEST_F(ChannelRoutes, GetChannelByIdIsScopedToReadersOfTheOrg) {
  auto org = register_org(client(), "ch-get");
  auto member = add_member(org);
  const std::string pub = create_id(org.access_token, {{"name", "open"}, {"description", "d"}});
  const std::string priv = create_id(org.access_token, {{"name", "closed"}, {"type", "private"}});

  auto r = client().get("/api/v1/channels/" + pub, member.token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("name"), "open");
  EXPECT_EQ(r.data().as_object().size(), 9u);
  EXPECT_EQ(client().get("/api/v1/channels/" + priv, org.access_token).status, 200);

  auto hidden = client().get("/api/v1/channels/" + priv, member.token);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.error_code(), "NOT_FOUND");
  EXPECT_EQ(client().get("/api/v1/channels/does-not-exist", member.token).status, 404);
  EXPECT_EQ(client().get("/api/v1/channels/" + util::new_ulid(), member.token).status, 404);

  auto other = register_org(client(), "ch-get-b");
  EXPECT_EQ(client().get("/api/v1/channels/" + pub, other.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/channels/" + channel_id(org, "general"), other.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/channels/" + pub, "").status, 401);
}

TEST_F(ChannelRoutes, StatsCountMembersAndEveryPostOfTheChannel) {
  auto org = register_org(client(), "ch-stats");
  auto agent = register_agent(client(), org.access_token, "statbot");
  const std::string id = create_id(org.access_token, {{"name", "metrics"}});
  auto empty = client().get("/api/v1/channels/" + id + "/stats", org.access_token);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.data(), (json::value{{"memberCount", 0}, {"postCount", 0}}));

  ASSERT_EQ(client().post("/api/v1/channels/" + id + "/join", json::object{}, org.access_token).status, 200);
  ASSERT_EQ(client().post("/api/v1/channels/" + id + "/join", json::object{}, agent.api_key).status, 200);
  auto p1 = client().post("/api/v1/posts", {{"channel_id", id}, {"content", "one"}}, agent.api_key);
  ASSERT_EQ(p1.status, 201) << p1.body;
  ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", id}, {"content", "two"}}, agent.api_key).status, 201);
  ASSERT_EQ(client()
                .post("/api/v1/posts", {{"parent_id", p1.data().at("id")}, {"content", "a reply counts too"}},
                      org.access_token)
                .status,
            201);
  auto stats = client().get("/api/v1/channels/" + id + "/stats", agent.api_key);
  ASSERT_EQ(stats.status, 200);
  EXPECT_TRUE(stats.data().at("memberCount").is_int64());  // numbers, not strings
  EXPECT_EQ(stats.data(), (json::value{{"memberCount", 2}, {"postCount", 3}}));
  // The default general channel holds two pinned welcome posts.
  EXPECT_EQ(client().get("/api/v1/channels/" + channel_id(org, "general") + "/stats", agent.api_key).data(),
            (json::value{{"memberCount", 0}, {"postCount", 2}}));

  const std::string priv = create_id(org.access_token, {{"name", "vault"}, {"type", "private"}});
  EXPECT_EQ(client().get("/api/v1/channels/" + priv + "/stats", org.access_token).data().at("memberCount"), 1);
  EXPECT_EQ(client().get("/api/v1/channels/" + priv + "/stats", agent.api_key).status, 404);
  EXPECT_EQ(client().get("/api/v1/channels/nope/stats", agent.api_key).status, 404);
  auto other = register_org(client(), "ch-stats-b");
  EXPECT_EQ(client().get("/api/v1/channels/" + id + "/stats", other.access_token).status, 404);
}

TEST_F(ChannelRoutes, JoinAndLeaveAreIdempotentAndAuditedOnlyOnChange) {
  auto org = register_org(client(), "ch-join");
  auto agent = register_agent(client(), org.access_token, "joiner");
  const std::string id = create_id(org.access_token, {{"name", "room"}});
  const std::string join = "/api/v1/channels/" + id + "/join";
  const std::string leave = "/api/v1/channels/" + id + "/leave";
  auto audits = [&](const std::string& action) {
    return sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = $2 AND resource_id = $3 AND "
                 "actor_id = $4 AND actor_type = 'agent' AND resource_type = 'channel'",
                 {org.id, action, id, agent.id});
  };
  auto members = [&] {
    return sql("SELECT count(*) FROM channel_members WHERE channel_id = $1 AND member_id = $2 AND "
                 "member_type = 'agent'",
                 {id, agent.id});
  };

  auto first = client().post(join, json::object{}, agent.api_key);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.data(), (json::value{{"joined", true}}));
  auto again = client().post(join, json::object{}, agent.api_key);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.data(), (json::value{{"joined", true}}));
  EXPECT_EQ(members(), "1");
  EXPECT_EQ(audits("channel.joined"), "1");
  EXPECT_EQ(sql("SELECT details->>'name' FROM activity_log WHERE action = 'channel.joined' AND resource_id = $1",
                  {id}),
            "room");

  auto left = client().post(leave, json::object{}, agent.api_key);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.data(), (json::value{{"left", true}}));
  auto not_member = client().post(leave, json::object{}, agent.api_key);
  EXPECT_EQ(not_member.status, 200);
  EXPECT_EQ(not_member.data(), (json::value{{"left", false}}));
  EXPECT_EQ(members(), "0");
  EXPECT_EQ(audits("channel.left"), "1");

  // Users join as users: the member row carries the caller's type.
  ASSERT_EQ(client().post(join, json::object{}, org.access_token).status, 200);
  EXPECT_EQ(sql("SELECT member_type FROM channel_members WHERE channel_id = $1 AND member_id = $2",
                  {id, org.owner_id}),
            "user");

  // Unknown channels are not found, for join and leave alike.
  for (const std::string action : {"join", "leave"}) {
    auto r = client().post("/api/v1/channels/" + util::new_ulid() + "/" + action, json::object{}, agent.api_key);
    EXPECT_EQ(r.status, 404) << action;
    EXPECT_EQ(r.error_code(), "NOT_FOUND");
  }
  EXPECT_EQ(client().post(join, json::object{}, "").status, 401);
}

TEST_F(ChannelRoutes, SystemChannelsCannotBeJoinedOrLeft) {
  auto org = register_org(client(), "ch-sys");
  auto agent = register_agent(client(), org.access_token, "sysbot");
  for (const std::string name : {"alerts", "audit"}) {
    const std::string id = channel_id(org, name);
    for (const std::string action : {"join", "leave"}) {
      for (const auto& token : {org.access_token, agent.api_key}) {
        auto r = client().post("/api/v1/channels/" + id + "/" + action, json::object{}, token);
        EXPECT_EQ(r.status, 403) << name << " " << action << " " << r.body;
        EXPECT_EQ(r.error_code(), "FORBIDDEN");
        EXPECT_NE(std::string(r.json.at("error").at("message").as_string()).find("System channels"),
                  std::string::npos);
      }
    }
    EXPECT_EQ(sql("SELECT count(*) FROM channel_members WHERE channel_id = $1", {id}), "0");
  }
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action LIKE 'channel.%'", {org.id}), "0");
  // Everyone can still read a system channel and post to it.
  EXPECT_EQ(client().get("/api/v1/channels/" + channel_id(org, "alerts"), agent.api_key).status, 200);
  EXPECT_EQ(client()
                .post("/api/v1/posts", {{"channel_id", channel_id(org, "alerts")}, {"type", "alert"}, {"content", "!"}},
                      agent.api_key)
                .status,
            201);
}

TEST_F(ChannelRoutes, PrivateChannelsAreInvisibleToNonMembers) {
  auto org = register_org(client(), "ch-hide");
  auto member = add_member(org);
  auto agent = register_agent(client(), org.access_token, "outsider");
  const std::string priv = create_id(org.access_token, {{"name", "board"}, {"type", "private"}});
  auto post = client().post("/api/v1/posts", {{"channel_id", priv}, {"content", "board minutes"}}, org.access_token);
  ASSERT_EQ(post.status, 201) << post.body;

  for (const auto& token : {member.token, agent.api_key}) {
    // Not listed, not readable, not joinable, not postable: it does not exist for them.
    auto listed = client().get("/api/v1/channels", token);
    for (const auto& c : listed.data().as_array()) EXPECT_NE(c.at("name"), "board");
    EXPECT_EQ(client().get("/api/v1/channels/" + priv, token).status, 404);
    EXPECT_EQ(client().get("/api/v1/channels/" + priv + "/posts", token).status, 404);
    EXPECT_EQ(client().post("/api/v1/channels/" + priv + "/join", json::object{}, token).status, 404);
    EXPECT_EQ(client().post("/api/v1/channels/" + priv + "/leave", json::object{}, token).status, 404);
    auto write = client().post("/api/v1/posts", {{"channel_id", priv}, {"content", "let me in"}}, token);
    EXPECT_EQ(write.status, 404);
    EXPECT_EQ(write.error_code(), "NOT_FOUND");
  }
  EXPECT_EQ(sql("SELECT count(*) FROM channel_members WHERE channel_id = $1", {priv}), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE channel_id = $1", {priv}), "1");

  // A member (added by a later invite feature) reads and writes it like any channel, and may join
  // it again (no-op) or leave it, after which it is gone for them.
  db().exec("INSERT INTO channel_members (channel_id, member_id, member_type) VALUES ($1, $2, 'user')",
            {priv, member.id});
  EXPECT_EQ(client().get("/api/v1/channels/" + priv, member.token).status, 200);
  auto posts = client().get("/api/v1/channels/" + priv + "/posts", member.token);
  ASSERT_EQ(posts.status, 200);
  EXPECT_EQ(posts.json.at("pagination").at("total"), 1);
  EXPECT_EQ(client().post("/api/v1/posts", {{"channel_id", priv}, {"content", "member here"}}, member.token).status,
            201);
  EXPECT_EQ(client().post("/api/v1/channels/" + priv + "/join", json::object{}, member.token).data().at("joined"),
            true);
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE action = 'channel.joined' AND resource_id = $1", {priv}),
            "0");
  EXPECT_EQ(client().post("/api/v1/channels/" + priv + "/leave", json::object{}, member.token).data().at("left"), true);
  EXPECT_EQ(client().get("/api/v1/channels/" + priv, member.token).status, 404);
}

TEST_F(ChannelRoutes, ChannelPostsListTopLevelPostsPinnedFirst) {
  auto org = register_org(client(), "ch-posts");
  const std::string general = channel_id(org, "general");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    auto r = client().post("/api/v1/posts", {{"channel_id", general}, {"content", "post " + std::to_string(i)}},
                           org.access_token);
    ASSERT_EQ(r.status, 201) << r.body;
    ids.emplace_back(r.data().at("id").as_string());
  }
  ASSERT_EQ(client().post("/api/v1/posts", {{"parent_id", ids[0]}, {"content", "reply"}}, org.access_token).status,
            201);
  auto other_channel = create_id(org.access_token, {{"name", "elsewhere"}});
  ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", other_channel}, {"content", "x"}}, org.access_token).status,
            201);

  auto r = client().get("/api/v1/channels/" + general + "/posts", org.access_token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& items = r.data().as_array();
  ASSERT_EQ(items.size(), 7u);  // two pinned welcome posts + five, no reply, nothing from elsewhere
  EXPECT_EQ(r.json.at("pagination"), (json::value{{"page", 1}, {"limit", 20}, {"total", 7}, {"hasMore", false}}));
  EXPECT_EQ(items[0].at("pinned"), true);
  EXPECT_EQ(items[1].at("pinned"), true);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(items[2 + i].at("id"), json::value(ids[4 - i])) << i;  // newest first
  for (const auto& p : items) EXPECT_EQ(p.at("channel_id"), json::value(general));

  // Same answer as GET /posts?channel_id=..., with the same pagination math and filters.
  auto same = client().get("/api/v1/posts?channel_id=" + general, org.access_token);
  EXPECT_EQ(same.data(), r.data());
  auto page = client().get("/api/v1/channels/" + general + "/posts?page=2&limit=3", org.access_token);
  EXPECT_EQ(page.json.at("pagination"), (json::value{{"page", 2}, {"limit", 3}, {"total", 7}, {"hasMore", true}}));
  ASSERT_EQ(page.data().as_array().size(), 3u);
  EXPECT_EQ(page.data().at(0).at("id"), json::value(ids[3]));
  auto beyond = client().get("/api/v1/channels/" + general + "/posts?page=9&limit=3", org.access_token);
  EXPECT_EQ(beyond.data().as_array().size(), 0u);
  EXPECT_EQ(beyond.json.at("pagination").at("total"), 7);
  EXPECT_EQ(client().get("/api/v1/channels/" + general + "/posts?type=update&since=2001-01-01", org.access_token)
                .json.at("pagination")
                .at("total"),
            7);
  EXPECT_EQ(client().get("/api/v1/channels/" + general + "/posts?since=yesterday", org.access_token).status, 400);

  EXPECT_EQ(client().get("/api/v1/channels/unknown/posts", org.access_token).status, 404);
  auto other = register_org(client(), "ch-posts-b");
  auto foreign = client().get("/api/v1/channels/" + general + "/posts", other.access_token);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.error_code(), "NOT_FOUND");
}

TEST_F(ChannelRoutes, AnotherOrgGets404ForEveryChannelRoute) {
  auto a = register_org(client(), "ch-iso-a");
  auto b = register_org(client(), "ch-iso-b");
  auto agent_b = register_agent(client(), b.access_token, "b-bot");
  const std::string pub = create_id(a.access_token, {{"name", "a-public"}});
  const std::string priv = create_id(a.access_token, {{"name", "a-private"}, {"type", "private"}});
  for (const auto& id : {pub, priv, channel_id(a, "general"), channel_id(a, "alerts")}) {
    for (const auto& token : {b.access_token, agent_b.api_key}) {
      EXPECT_EQ(client().get("/api/v1/channels/" + id, token).status, 404);
      EXPECT_EQ(client().get("/api/v1/channels/" + id + "/stats", token).status, 404);
      EXPECT_EQ(client().get("/api/v1/channels/" + id + "/posts", token).status, 404);
      EXPECT_EQ(client().post("/api/v1/channels/" + id + "/join", json::object{}, token).status, 404);
      EXPECT_EQ(client().post("/api/v1/channels/" + id + "/leave", json::object{}, token).status, 404);
      EXPECT_EQ(client().post("/api/v1/posts", {{"channel_id", id}, {"content", "cross-tenant"}}, token).status, 404);
    }
  }
  auto b_channels = client().get("/api/v1/channels", agent_b.api_key);
  for (const auto& c : b_channels.data().as_array())
    EXPECT_EQ(c.at("org_id"), json::value(b.id));
  EXPECT_EQ(sql("SELECT count(*) FROM channel_members m JOIN channels c ON c.id = m.channel_id WHERE c.org_id = $1",
                  {a.id}),
            "1");  // only the private channel's creator
  EXPECT_EQ(sql("SELECT count(*) FROM posts WHERE org_id = $1 AND content = 'cross-tenant'", {a.id}), "0");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND actor_id = $2", {a.id, agent_b.id}), "0");
}

}  // namespace
}  // namespace agenthq::test
