// Contract §3.6 [ext] and §3.11: post edits and soft delete, reactions, mentions and the
// notifications they cause, over real HTTP and WebSocket against a real hub and PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

class PostsExt : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }
  std::string channel_id(const TestOrg& org, const std::string& name) {
    return *db().scalar("SELECT id FROM channels WHERE org_id = $1 AND name = $2", {org.id, name});
  }
  std::string sql(const std::string& query, const std::vector<std::string>& params) {
    return db().scalar(query, params).value_or("NULL");
  }
  json::object make(const std::string& token, const json::object& body) {
    auto r = client().post("/api/v1/posts", body, token);
    EXPECT_EQ(r.status, 201) << json::serialize(body) << " -> " << r.body;
    return r.status == 201 ? r.data().as_object() : json::object{};
  }
  std::unique_ptr<WsClient> connect(const std::string& token) const { return ready_socket(hub_->port(), token); }
  static HubProcess* hub_;
};
HubProcess* PostsExt::hub_ = nullptr;

TEST_F(PostsExt, AuthorEditsKeepHistoryOthersAreRefused) {
  auto org = register_org(client(), "px-edit");
  auto agent = register_agent(client(), org.access_token, "writer");
  const std::string general = channel_id(org, "general");
  auto post = make(agent.api_key, {{"channel_id", general}, {"title", "v1"}, {"content", "first words"}});
  const std::string path = "/api/v1/posts/" + id_of(post);
  EXPECT_TRUE(post.at("edited_at").is_null());
  EXPECT_TRUE(post.at("deleted_at").is_null());

  auto r = client().patch(path, {{"content", "second words"}}, agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("content"), "second words");
  EXPECT_EQ(r.data().at("title"), "v1");
  EXPECT_TRUE(r.data().at("edited_at").is_string());
  r = client().patch(path, {{"title", "v2"}, {"content", ""}}, agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data().at("content"), "");

  auto edits = client().get(path + "/edits", org.access_token);
  ASSERT_EQ(edits.status, 200) << edits.body;
  EXPECT_FALSE(edits.json.as_object().contains("pagination"));
  ASSERT_EQ(edits.data().as_array().size(), 2u);
  const auto& newest = edits.data().as_array()[0].as_object();
  EXPECT_EQ(newest.at("previous_content"), "second words");
  EXPECT_EQ(newest.at("previous_title"), "v1");
  EXPECT_EQ(newest.at("edited_by"), json::value(agent.id));
  EXPECT_EQ(newest.at("post_id"), json::value(id_of(post)));
  EXPECT_EQ(edits.data().as_array()[1].at("previous_content"), "first words");
  for (const char* k : {"id", "post_id", "org_id", "previous_content", "previous_title", "edited_by", "created_at"})
    EXPECT_TRUE(newest.contains(k)) << k;

  // The owner is not the author: ids are compared, roles give no override.
  r = client().patch(path, {{"content", "hijack"}}, org.access_token);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.error_code(), "FORBIDDEN");
  EXPECT_EQ(client().del(path, org.access_token).status, 403);
  EXPECT_EQ(client().patch(path, json::object{}, agent.api_key).error_code(), "VALIDATION_ERROR");
  EXPECT_EQ(client().patch(path, {{"content", 5}}, agent.api_key).status, 400);
  EXPECT_EQ(client().patch("/api/v1/posts/nope", {{"content", "x"}}, agent.api_key).status, 404);
  EXPECT_EQ(client().get("/api/v1/posts/nope/edits", agent.api_key).status, 404);
  // The edit and its audit entry committed together; the refused ones wrote nothing.
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'post.updated' AND resource_id = $2",
                {org.id, id_of(post)}),
            "2");
  EXPECT_EQ(sql("SELECT content FROM posts WHERE id = $1", {id_of(post)}), "");

  // Another org sees neither the post nor its history.
  auto other = register_org(client(), "px-edit-b");
  EXPECT_EQ(client().patch(path, {{"content", "x"}}, other.access_token).status, 404);
  EXPECT_EQ(client().del(path, other.access_token).status, 404);
  EXPECT_EQ(client().get(path + "/edits", other.access_token).status, 404);
}

TEST_F(PostsExt, DeletedPostsLeaveListsSearchFeedThreadsAndCounts) {
  auto org = register_org(client(), "px-del");
  auto agent = register_agent(client(), org.access_token, "deleter");
  const std::string general = channel_id(org, "general");
  auto keep = make(agent.api_key, {{"channel_id", general}, {"content", "zanzibar kept"}});
  auto gone = make(agent.api_key, {{"channel_id", general}, {"content", "zanzibar gone"}});
  auto reply = make(agent.api_key, {{"parent_id", id_of(keep)}, {"content", "a reply"}});
  auto nested = make(agent.api_key, {{"parent_id", id_of(reply)}, {"content", "reply to the reply"}});
  EXPECT_EQ(sql("SELECT metadata->>'reply_count' FROM posts WHERE id = $1", {id_of(keep)}), "2");
  const std::string list = "/api/v1/posts?channel_id=" + general + "&author_id=" + agent.id;
  ASSERT_EQ(client().get(list, org.access_token).json.at("pagination").at("total"), 2);

  auto r = client().del("/api/v1/posts/" + id_of(gone), agent.api_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.data(), (json::object{{"deleted", true}}));
  EXPECT_EQ(client().del("/api/v1/posts/" + id_of(gone), agent.api_key).data(), (json::object{{"deleted", true}}))
      << "deleting twice still answers deleted";
  EXPECT_EQ(client().del("/api/v1/posts/" + id_of(reply), agent.api_key).status, 200);

  auto listed = client().get(list, org.access_token);
  EXPECT_EQ(ids(listed.data()), Ids{id_of(keep)});
  EXPECT_EQ(listed.json.at("pagination").at("total"), 1);
  EXPECT_EQ(ids(client().get("/api/v1/channels/" + general + "/posts?limit=100", org.access_token).data()).size(), 3u)
      << "the two welcome posts of #general and the kept one";
  auto found = client().get("/api/v1/posts/search?q=zanzibar", org.access_token);
  EXPECT_EQ(ids(found.data()), Ids{id_of(keep)});
  EXPECT_EQ(found.json.at("pagination").at("total"), 1);
  auto everywhere = client().get("/api/v1/search?q=zanzibar", org.access_token);
  EXPECT_EQ(everywhere.json.at("pagination").at("counts").at("posts"), 1);
  auto feed = client().get("/api/v1/feed?types=posts&actor_id=" + agent.id, org.access_token);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.json.at("pagination").at("total"), 1);
  // The thread skips the deleted reply but keeps its live reply; the root's counter drops by one.
  auto thread = client().get("/api/v1/posts/" + id_of(keep), org.access_token);
  EXPECT_EQ(ids(thread.data().at("thread")), Ids{id_of(nested)});
  EXPECT_EQ(thread.data().at("post").at("metadata").at("reply_count"), 1);
  // Deleted posts stay readable by id (contract), but cannot be edited, reacted to or replied to.
  auto deleted = client().get("/api/v1/posts/" + id_of(gone), org.access_token);
  ASSERT_EQ(deleted.status, 200);
  EXPECT_TRUE(deleted.data().at("post").at("deleted_at").is_string());
  EXPECT_EQ(client().patch("/api/v1/posts/" + id_of(gone), {{"content", "back"}}, agent.api_key).status, 404);
  EXPECT_EQ(client().post("/api/v1/posts/" + id_of(gone) + "/reactions", {{"emoji", "👍"}}, agent.api_key).status, 404);
  EXPECT_EQ(client().post("/api/v1/posts", {{"parent_id", id_of(gone)}, {"content", "x"}}, agent.api_key).status, 404);
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'post.deleted'", {org.id}), "2")
      << "the second delete of the same post changed nothing and is not audited";
  auto stats = client().get("/api/v1/channels/" + general + "/stats", org.access_token);
  EXPECT_EQ(stats.data().at("postCount"), 4) << "two welcome posts, kept, nested";
}

TEST_F(PostsExt, ReactionsAreOnePerAuthorAndEmojiAndNotifyTheAuthor) {
  auto org = register_org(client(), "px-react");
  auto author = register_agent(client(), org.access_token, "author");
  auto fan = register_agent(client(), org.access_token, "fan");
  auto post = make(author.api_key, {{"channel_id", channel_id(org, "general")}, {"content", std::string(120, 'x')}});
  const std::string base = "/api/v1/posts/" + id_of(post) + "/reactions";
  auto author_ws = connect(author.api_key);
  auto fan_ws = connect(fan.api_key);

  auto first = client().post(base, {{"emoji", "🎉"}}, fan.api_key);
  ASSERT_EQ(first.status, 201) << first.body;
  for (const char* k : {"id", "org_id", "post_id", "author_id", "author_type", "emoji", "created_at"})
    EXPECT_TRUE(first.data().as_object().contains(k)) << k;
  EXPECT_EQ(first.data().at("author_type"), "agent");
  auto again = client().post(base, {{"emoji", "🎉"}}, fan.api_key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.data(), first.data()) << "idempotent: the existing row";
  ASSERT_EQ(client().post(base, {{"emoji", "👍"}}, org.access_token).status, 201);
  ASSERT_EQ(client().post(base, {{"emoji", "🎉"}}, org.access_token).status, 201);
  ASSERT_EQ(client().post(base, {{"emoji", "🎉"}}, author.api_key).status, 201);

  auto summary = client().get(base, fan.api_key);
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_FALSE(summary.json.as_object().contains("pagination"));
  ASSERT_EQ(summary.data().as_array().size(), 2u);
  const auto& party = summary.data().as_array()[0];
  EXPECT_EQ(party.at("emoji"), "🎉");
  EXPECT_EQ(party.at("count"), 3);
  EXPECT_EQ(party.at("authors"), (json::array{json::object{{"id", fan.id}, {"type", "agent"}},
                                              json::object{{"id", org.owner_id}, {"type", "user"}},
                                              json::object{{"id", author.id}, {"type", "agent"}}}));
  EXPECT_EQ(summary.data().as_array()[1].at("emoji"), "👍");

  // The author hears of it (named after the reactor, content cut to 100); the reactor does not.
  auto heard = author_ws->receive_event("notification:new");
  ASSERT_TRUE(heard);
  const auto& n = heard->at("data").at("notification");
  EXPECT_EQ(heard->at("data").at("recipientId"), json::value(author.id));
  EXPECT_EQ(n.at("type"), "reaction");
  EXPECT_EQ(n.at("title"), "fan reacted 🎉 to your post in #general");
  EXPECT_EQ(n.at("body"), json::value(std::string(97, 'x') + "..."));
  EXPECT_EQ(n.at("actor_id"), json::value(fan.id));
  EXPECT_EQ(n.at("source_id"), json::value(id_of(post)));
  EXPECT_TRUE(fan_ws->receive_event("reaction:new"));
  EXPECT_FALSE(fan_ws->receive_event("notification:new", 700ms)) << "only the recipient's connections";
  auto inbox = client().get("/api/v1/notifications?type=reaction", author.api_key);
  EXPECT_EQ(inbox.json.at("pagination").at("total"), 3)
      << "fan's and the owner's two; not the idempotent repeat, not the author's own";
  EXPECT_EQ(client().get("/api/v1/notifications", fan.api_key).json.at("pagination").at("total"), 0);

  // Removing: only the caller's own reaction, never a 404.
  EXPECT_EQ(client().del(base + "/%F0%9F%8E%89", fan.api_key).data(), (json::object{{"removed", true}}));
  EXPECT_EQ(client().del(base + "/%F0%9F%8E%89", fan.api_key).data(), (json::object{{"removed", false}}));
  EXPECT_EQ(client().del(base + "/nothing", fan.api_key).status, 200);
  EXPECT_TRUE(fan_ws->receive_event("reaction:removed"));
  // 👍 (the owner's, second overall) now has the earliest reaction, so it comes first.
  auto after = client().get(base, fan.api_key).data().as_array();
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].at("emoji"), "👍");
  EXPECT_EQ(after[1].at("count"), 2);

  EXPECT_EQ(client().post(base, json::object{}, fan.api_key).status, 400);
  EXPECT_EQ(client().post(base, {{"emoji", std::string(33, 'e')}}, fan.api_key).status, 400);
  EXPECT_EQ(client().post("/api/v1/posts/nope/reactions", {{"emoji", "x"}}, fan.api_key).status, 404);
  EXPECT_EQ(client().get("/api/v1/posts/nope/reactions", fan.api_key).status, 404);

  // Another org can neither see, add nor remove reactions on this post.
  auto other = register_org(client(), "px-react-b");
  EXPECT_EQ(client().get(base, other.access_token).status, 404);
  EXPECT_EQ(client().post(base, {{"emoji", "👍"}}, other.access_token).status, 404);
  EXPECT_EQ(client().del(base + "/%F0%9F%91%8D", other.access_token).data(), (json::object{{"removed", false}}));
  EXPECT_EQ(sql("SELECT count(*) FROM reactions WHERE post_id = $1 AND emoji = '👍'", {id_of(post)}), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action LIKE 'reaction.%'", {org.id}), "5");
}

TEST_F(PostsExt, MentionsRepliesAndDirectMessagesNotifyTheirRecipientsOnly) {
  auto org = register_org(client(), "px-mention");
  auto scout = register_agent(client(), org.access_token, "Scout");
  auto bystander = register_agent(client(), org.access_token, "bystander");
  const std::string general = channel_id(org, "general");
  auto scout_ws = connect(scout.api_key);
  auto bystander_ws = connect(bystander.api_key);

  auto root = make(org.access_token, {{"channel_id", general}, {"content", "hey @scout and @nobody, ops@acme.test"}});
  auto mention = scout_ws->receive_event("notification:new");
  ASSERT_TRUE(mention);
  EXPECT_EQ(mention->at("data").at("notification").at("type"), "mention");
  EXPECT_EQ(mention->at("data").at("notification").at("recipient_type"), "agent");
  EXPECT_EQ(mention->at("data").at("notification").at("body"), "hey @scout and @nobody, ops@acme.test");
  auto mentions = client().get("/api/v1/agents/" + scout.id + "/mentions", bystander.api_key);
  ASSERT_EQ(mentions.status, 200) << mentions.body;
  ASSERT_EQ(mentions.data().as_array().size(), 1u);
  EXPECT_EQ(mentions.data().as_array()[0].at("post_id"), json::value(id_of(root)));
  EXPECT_EQ(mentions.data().as_array()[0].at("mentioned_type"), "agent");
  EXPECT_EQ(mentions.json.at("pagination").at("total"), 1);

  // Scout replies: the owner (author of the root) gets a reply notification, named after Scout.
  make(scout.api_key, {{"parent_id", id_of(root)}, {"content", "on it"}});
  auto owner_inbox = client().get("/api/v1/notifications", org.access_token);
  ASSERT_EQ(owner_inbox.status, 200) << owner_inbox.body;
  ASSERT_EQ(owner_inbox.data().as_array().size(), 1u);
  const auto& reply = owner_inbox.data().as_array()[0];
  EXPECT_EQ(reply.at("type"), "reply");
  EXPECT_EQ(reply.at("title"), "Scout replied in #general");
  EXPECT_EQ(reply.at("recipient_type"), "user");
  EXPECT_EQ(reply.at("read"), false);
  for (const char* k : {"id", "org_id", "recipient_id", "recipient_type", "type", "source_id", "source_type",
                        "actor_id", "actor_type", "title", "body", "read", "created_at"})
    EXPECT_TRUE(reply.as_object().contains(k)) << k;
  EXPECT_FALSE(bystander_ws->receive_event("notification:new", 700ms));

  // A DM: the other member is notified, with the content cut to 150.
  auto dm = client().post("/api/v1/dm", {{"member_id", scout.id}, {"member_type", "agent"}}, bystander.api_key);
  ASSERT_EQ(dm.status, 200) << dm.body;
  make(bystander.api_key, {{"channel_id", id_of(dm.data())}, {"content", std::string(200, 'd')}});
  auto dm_note = scout_ws->receive_event("notification:new");
  ASSERT_TRUE(dm_note);
  EXPECT_EQ(dm_note->at("data").at("notification").at("type"), "dm");
  EXPECT_EQ(dm_note->at("data").at("notification").at("source_type"), "channel");
  EXPECT_EQ(dm_note->at("data").at("notification").at("body"), json::value(std::string(147, 'd') + "..."));

  // Mentioning someone who cannot read the channel does not leak the post to them.
  auto priv = client().post("/api/v1/channels", {{"name", "quiet"}, {"type", "private"}}, org.access_token);
  make(org.access_token, {{"channel_id", id_of(priv.data())}, {"content", "psst @bystander"}});
  EXPECT_EQ(client().get("/api/v1/notifications", bystander.api_key).json.at("pagination").at("total"), 0);

  // Read marks, unread counts, filters; another identity's notification is a 404.
  auto scout_inbox = client().get("/api/v1/notifications", scout.api_key);
  ASSERT_EQ(scout_inbox.json.at("pagination").at("total"), 2);
  const std::string first_id = id_of(scout_inbox.data().as_array()[1]);  // the mention (older)
  EXPECT_EQ(client().get("/api/v1/notifications/unread-count", scout.api_key).data(), (json::object{{"count", 2}}));
  EXPECT_EQ(client().patch("/api/v1/notifications/" + first_id + "/read", json::object{}, bystander.api_key).status, 404);
  auto marked = client().patch("/api/v1/notifications/" + first_id + "/read", json::object{}, scout.api_key);
  EXPECT_EQ(marked.data(), (json::object{{"read", true}}));
  EXPECT_EQ(client().get("/api/v1/notifications/unread-count", scout.api_key).data(), (json::object{{"count", 1}}));
  EXPECT_EQ(ids(client().get("/api/v1/notifications?read=true", scout.api_key).data()), Ids{first_id});
  EXPECT_EQ(client().get("/api/v1/notifications?read=no", scout.api_key).data().as_array().size(), 1u);
  EXPECT_EQ(client().get("/api/v1/notifications?type=dm", scout.api_key).data().as_array().size(), 1u);
  auto paged = client().get("/api/v1/notifications?limit=1&page=2", scout.api_key);
  EXPECT_EQ(ids(paged.data()), Ids{first_id});
  EXPECT_EQ(paged.json.at("pagination").at("hasMore"), false);
  EXPECT_EQ(client().post("/api/v1/notifications/read-all", json::object{}, scout.api_key).data(),
            (json::object{{"read", true}}));
  EXPECT_EQ(client().get("/api/v1/notifications/unread-count", scout.api_key).data(), (json::object{{"count", 0}}));
  EXPECT_EQ(client().get("/api/v1/notifications/unread-count", org.access_token).data(), (json::object{{"count", 1}}))
      << "read-all touched only the caller's";

  // Two orgs: nothing crosses.
  auto other = register_org(client(), "px-mention-b");
  EXPECT_EQ(client().patch("/api/v1/notifications/" + first_id + "/read", json::object{}, other.access_token).status,
            404);
  EXPECT_EQ(client().get("/api/v1/agents/" + scout.id + "/mentions", other.access_token).json.at("pagination").at("total"),
            0);
  EXPECT_EQ(client().get("/api/v1/notifications", other.access_token).json.at("pagination").at("total"), 0);
}

TEST_F(PostsExt, EditsAndDeletesAreAnnouncedToReaders) {
  auto org = register_org(client(), "px-ws");
  auto agent = register_agent(client(), org.access_token, "announcer");
  auto ws = connect(org.access_token);
  auto post = make(agent.api_key, {{"channel_id", channel_id(org, "general")}, {"content", "before"}});
  ASSERT_TRUE(ws->receive_event("post:new"));
  ASSERT_EQ(client().patch("/api/v1/posts/" + id_of(post), {{"content", "after"}}, agent.api_key).status, 200);
  auto updated = ws->receive_event("post:updated");
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->at("data").at("content"), "after");
  ASSERT_EQ(client().del("/api/v1/posts/" + id_of(post), agent.api_key).status, 200);
  auto deleted = ws->receive_event("post:deleted");
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->at("data"), json::value(id_of(post)));
}

}  // namespace
}  // namespace agenthq::test
