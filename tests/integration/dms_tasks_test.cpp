// Contract §3.5 direct messages and §3.12 tasks over real HTTP and WebSocket against a real hub
// and PostgreSQL: one DM per pair, readable only by its two members everywhere; tasks with every
// field and filter, completed_at rules, assignment notifications and tenant isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/ws_client.hpp"
#include "util/crypto.hpp"
#include "util/ulid.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

class DmsTasks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }
  std::string sql(const std::string& query, const std::vector<std::string>& params) {
    return db().scalar(query, params).value_or("NULL");
  }
  std::string channel_id(const TestOrg& org, const std::string& name) {
    return *db().scalar("SELECT id FROM channels WHERE org_id = $1 AND name = $2", {org.id, name});
  }
  struct Member {
    std::string id;
    std::string token;
  };
  Member add_user(const TestOrg& org, const std::string& name, const std::string& role = "member") {
    const std::string id = util::new_ulid();
    const std::string email = name + "-" + random_suffix(8) + "@example.com";
    db().exec("INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, $5, $6)",
              {id, org.id, email, auth::hash_password("member-pass", 4), name, role});
    auto r = client().post("/api/v1/auth/login", {{"email", email}, {"password", "member-pass"}});
    return {id, std::string(r.data().at("accessToken").as_string())};
  }
  std::unique_ptr<WsClient> connect(const std::string& token) const { return ready_socket(hub_->port(), token); }
  static HubProcess* hub_;
};
HubProcess* DmsTasks::hub_ = nullptr;

TEST_F(DmsTasks, OneDirectMessagePerPairReadableOnlyByItsMembers) {
  auto org = register_org(client(), "dm-pair");
  auto a = register_agent(client(), org.access_token, "alpha");
  auto b = register_agent(client(), org.access_token, "beta");
  auto outsider = register_agent(client(), org.access_token, "gamma");

  auto opened = client().post("/api/v1/dm", {{"member_id", b.id}, {"member_type", "agent"}}, a.api_key);
  ASSERT_EQ(opened.status, 200) << opened.body;
  const auto& dm = opened.data();
  EXPECT_EQ(dm.at("type"), "dm");
  EXPECT_EQ(dm.at("name"), json::value("dm-" + a.id + "-" + b.id));
  EXPECT_EQ(dm.at("created_by"), json::value(a.id));
  const std::string pair = a.id < b.id ? a.id + ":" + b.id : b.id + ":" + a.id;
  EXPECT_EQ(dm.at("dm_pair_hash"), json::value(util::sha256_hex(pair)));
  EXPECT_EQ(dm.at("member_id"), json::value(b.id));
  EXPECT_EQ(dm.at("member_type"), "agent");
  // The same pair from the other side is the same channel.
  auto back = client().post("/api/v1/dm", {{"member_id", a.id}, {"member_type", "agent"}}, b.api_key);
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(id_of(back.data()), id_of(dm));
  EXPECT_EQ(back.data().at("member_id"), json::value(a.id));
  EXPECT_EQ(sql("SELECT count(*) FROM channels WHERE org_id = $1 AND type = 'dm'", {org.id}), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM activity_log WHERE org_id = $1 AND action = 'dm.created'", {org.id}), "1");

  // Listing: only the caller's DMs.
  EXPECT_EQ(ids(client().get("/api/v1/dm", a.api_key).data()), Ids{id_of(dm)});
  EXPECT_TRUE(client().get("/api/v1/dm", outsider.api_key).data().as_array().empty());
  EXPECT_TRUE(client().get("/api/v1/dm", org.access_token).data().as_array().empty());

  // Messages are posts of the DM channel; nobody else reads them anywhere.
  auto outsider_ws = connect(outsider.api_key);
  auto b_ws = connect(b.api_key);
  auto msg = client().post("/api/v1/posts", {{"channel_id", id_of(dm)}, {"content", "quokka secret"}}, a.api_key);
  ASSERT_EQ(msg.status, 201) << msg.body;
  auto heard = b_ws->receive_event("post:new");
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->at("data").at("content"), "quokka secret");
  EXPECT_FALSE(outsider_ws->receive_event("post:new", 700ms));
  for (const std::string& token : {outsider.api_key, org.access_token}) {
    EXPECT_EQ(client().get("/api/v1/posts/" + id_of(msg.data()), token).status, 404);
    EXPECT_EQ(client().get("/api/v1/channels/" + id_of(dm) + "/posts", token).status, 404);
    EXPECT_EQ(client().get("/api/v1/posts/search?q=quokka", token).json.at("pagination").at("total"), 0);
    EXPECT_EQ(client().get("/api/v1/search?q=quokka", token).json.at("pagination").at("counts").at("posts"), 0);
    EXPECT_EQ(client().get("/api/v1/feed?types=posts&actor_id=" + a.id, token).json.at("pagination").at("total"), 0);
    EXPECT_EQ(client().post("/api/v1/posts", {{"channel_id", id_of(dm)}, {"content", "x"}}, token).status, 404);
  }
  EXPECT_EQ(client().get("/api/v1/posts/search?q=quokka", b.api_key).json.at("pagination").at("total"), 1);

  // Bad input: unknown or foreign members are 404, malformed bodies 400, yourself 400.
  auto other = register_org(client(), "dm-pair-b");
  auto foreign = register_agent(client(), other.access_token, "foreign");
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", foreign.id}, {"member_type", "agent"}}, a.api_key).status, 404);
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", "nobody"}, {"member_type", "agent"}}, a.api_key).status, 404);
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", b.id}, {"member_type", "user"}}, a.api_key).status, 404);
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", b.id}}, a.api_key).status, 400);
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", b.id}, {"member_type", "robot"}}, a.api_key).status, 400);
  EXPECT_EQ(client().post("/api/v1/dm", {{"member_id", a.id}, {"member_type", "agent"}}, a.api_key).status, 400);
  // A user and an agent can talk too.
  auto with_owner = client().post("/api/v1/dm", {{"member_id", org.owner_id}, {"member_type", "user"}}, a.api_key);
  ASSERT_EQ(with_owner.status, 200) << with_owner.body;
  EXPECT_EQ(ids(client().get("/api/v1/dm", org.access_token).data()), Ids{id_of(with_owner.data())});
}

TEST_F(DmsTasks, TasksWithEveryFieldFilterAndCompletionRule) {
  auto org = register_org(client(), "task-crud");
  auto worker = register_agent(client(), org.access_token, "worker");
  const std::string general = channel_id(org, "general");
  auto worker_ws = connect(worker.api_key);
  auto owner_ws = connect(org.access_token);

  auto r = client().post("/api/v1/tasks",
                         {{"title", "Ship it"},
                          {"description", "all of it"},
                          {"priority", "high"},
                          {"assigned_to", worker.id},
                          {"assigned_type", "agent"},
                          {"channel_id", general},
                          {"due_date", "2026-12-24T10:00:00Z"},
                          {"metadata", {{"k", 1}}},
                          {"channel", "ignored (the Go CLI sends it)"}},
                         org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto task = r.data().as_object();
  for (const char* k : {"id", "org_id", "channel_id", "title", "description", "status", "priority", "assigned_to",
                        "assigned_type", "created_by", "created_by_type", "due_date", "completed_at", "metadata",
                        "created_at", "updated_at"})
    EXPECT_TRUE(task.contains(k)) << k;
  EXPECT_EQ(task.size(), 16u);
  EXPECT_EQ(task.at("status"), "open");
  EXPECT_EQ(task.at("due_date"), "2026-12-24T10:00:00.000Z");
  EXPECT_EQ(task.at("created_by"), json::value(org.owner_id));
  EXPECT_EQ(task.at("created_by_type"), "user");
  EXPECT_TRUE(task.at("completed_at").is_null());
  const std::string path = "/api/v1/tasks/" + id_of(task);

  auto created = owner_ws->receive_event("task:new");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->at("data").at("task"), json::value(task));
  auto assigned = worker_ws->receive_event("notification:new");
  ASSERT_TRUE(assigned);
  EXPECT_EQ(assigned->at("data").at("notification").at("type"), "task_assignment");
  EXPECT_EQ(assigned->at("data").at("notification").at("title"), "You were assigned a task: Ship it");
  EXPECT_EQ(assigned->at("data").at("notification").at("source_type"), "task");
  EXPECT_FALSE(owner_ws->receive_event("notification:new", 500ms));

  // Created completed: completed_at is set (the reference left it null).
  auto done = client().post("/api/v1/tasks", {{"title", "Already done"}, {"status", "completed"}}, worker.api_key);
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_TRUE(done.data().at("completed_at").is_string());
  EXPECT_EQ(done.data().at("priority"), "medium");
  EXPECT_TRUE(done.data().at("assigned_to").is_null());

  // completed_at follows the status; null clears the nullable fields.
  auto patched = client().patch(path, {{"status", "completed"}}, worker.api_key);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const auto completed_at = patched.data().at("completed_at");
  EXPECT_TRUE(completed_at.is_string());
  EXPECT_TRUE(owner_ws->receive_event("task:updated"));
  EXPECT_EQ(client().patch(path, {{"title", "Ship it now"}}, worker.api_key).data().at("completed_at"), completed_at)
      << "unchanged while it stays completed";
  patched = client().patch(path, {{"status", "in_progress"}, {"due_date", nullptr}, {"channel_id", nullptr},
                                  {"description", nullptr}},
                           worker.api_key);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_TRUE(patched.data().at("completed_at").is_null());
  EXPECT_TRUE(patched.data().at("due_date").is_null());
  EXPECT_TRUE(patched.data().at("channel_id").is_null());
  EXPECT_TRUE(patched.data().at("description").is_null());
  EXPECT_EQ(patched.data().at("title"), "Ship it now");

  // Reassigning notifies the new assignee only; assigning to the same one again does not.
  EXPECT_EQ(client().patch(path, {{"assigned_to", org.owner_id}, {"assigned_type", "user"}}, worker.api_key).status, 200);
  auto reassigned = owner_ws->receive_event("notification:new");
  ASSERT_TRUE(reassigned);
  EXPECT_EQ(reassigned->at("data").at("notification").at("actor_id"), json::value(worker.id));
  EXPECT_EQ(client().patch(path, {{"assigned_to", org.owner_id}}, worker.api_key).status, 200);
  EXPECT_EQ(sql("SELECT count(*) FROM notifications WHERE org_id = $1 AND type = 'task_assignment'", {org.id}), "2");

  // Filters and pagination.
  EXPECT_EQ(ids(client().get("/api/v1/tasks?status=completed", org.access_token).data()), Ids{id_of(done.data())});
  EXPECT_EQ(ids(client().get("/api/v1/tasks?priority=high", org.access_token).data()), Ids{id_of(task)});
  EXPECT_EQ(ids(client().get("/api/v1/tasks?assigned_to=" + org.owner_id, org.access_token).data()), Ids{id_of(task)});
  EXPECT_EQ(ids(client().get("/api/v1/tasks?created_by=" + worker.id, org.access_token).data()), Ids{id_of(done.data())});
  EXPECT_TRUE(client().get("/api/v1/tasks?channel_id=" + general, org.access_token).data().as_array().empty());
  auto page = client().get("/api/v1/tasks?limit=1", org.access_token);
  EXPECT_EQ(ids(page.data()), Ids{id_of(done.data())}) << "newest first";
  EXPECT_EQ(page.json.at("pagination").at("total"), 2);
  EXPECT_EQ(page.json.at("pagination").at("hasMore"), true);
  EXPECT_EQ(client().get(path, worker.api_key).data().at("title"), "Ship it now");

  // Bad input.
  EXPECT_EQ(client().post("/api/v1/tasks", json::object{}, org.access_token).status, 400);
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}, {"status", "done"}}, org.access_token).status, 400);
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}, {"due_date", "soon"}}, org.access_token).status, 400);
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}, {"channel_id", "nope"}}, org.access_token).status, 404);
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}, {"assigned_to", "nope"}}, org.access_token).status, 404);
  EXPECT_EQ(client().patch("/api/v1/tasks/nope", {{"title", "x"}}, org.access_token).status, 404);
  EXPECT_EQ(client().patch(path, {{"priority", "whenever"}}, org.access_token).status, 400);
  EXPECT_EQ(sql("SELECT count(*) FROM tasks WHERE org_id = $1", {org.id}), "2") << "refused creates wrote nothing";

  // Deleting: the creator or an admin; others 403.
  EXPECT_EQ(client().del(path, worker.api_key).status, 403);
  EXPECT_EQ(client().del("/api/v1/tasks/" + id_of(done.data()), org.access_token).status, 200) << "owner overrides";
  auto gone = client().del(path, org.access_token);
  EXPECT_EQ(gone.data(), (json::object{{"deleted", true}}));
  EXPECT_EQ(client().get(path, org.access_token).status, 404);
  EXPECT_EQ(client().del(path, org.access_token).status, 404);
  EXPECT_EQ(sql("SELECT string_agg(action, ',' ORDER BY created_at, id) FROM activity_log WHERE org_id = $1 AND "
                "action LIKE 'task.%'",
                {org.id}),
            "task.created,task.created,task.updated,task.updated,task.updated,task.updated,task.updated,task.deleted,"
            "task.deleted");
}

TEST_F(DmsTasks, TasksStayInsideTheirOrgAndTheirChannel) {
  auto org = register_org(client(), "task-iso");
  auto other = register_org(client(), "task-iso-b");
  auto foreign = register_agent(client(), other.access_token, "foreign");
  auto viewer = add_user(org, "viewer", "viewer");
  auto r = client().post("/api/v1/tasks", {{"title", "Ours"}}, org.access_token);
  ASSERT_EQ(r.status, 201);
  const std::string path = "/api/v1/tasks/" + id_of(r.data());
  EXPECT_EQ(client().get(path, other.access_token).status, 404);
  EXPECT_EQ(client().patch(path, {{"title", "Theirs"}}, other.access_token).status, 404);
  EXPECT_EQ(client().del(path, other.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/tasks", other.access_token).json.at("pagination").at("total"), 0);
  // A foreign assignee or channel is unknown here.
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}, {"assigned_to", foreign.id}, {"assigned_type", "agent"}},
                          org.access_token)
                .status,
            404);
  EXPECT_EQ(client().patch(path, {{"channel_id", channel_id(other, "general")}}, org.access_token).status, 404);
  // Viewers read but do not write.
  EXPECT_EQ(client().get(path, viewer.token).status, 200);
  EXPECT_EQ(client().post("/api/v1/tasks", {{"title", "x"}}, viewer.token).status, 403);
  EXPECT_EQ(client().patch(path, {{"title", "x"}}, viewer.token).status, 403);
  // A task in a private channel is visible to its members only.
  auto priv = client().post("/api/v1/channels", {{"name", "inner"}, {"type", "private"}}, org.access_token);
  auto hidden = client().post("/api/v1/tasks", {{"title", "Hidden"}, {"channel_id", id_of(priv.data())}}, org.access_token);
  ASSERT_EQ(hidden.status, 201) << hidden.body;
  auto member = add_user(org, "member");
  EXPECT_EQ(client().get("/api/v1/tasks/" + id_of(hidden.data()), member.token).status, 404);
  EXPECT_EQ(client().get("/api/v1/tasks", member.token).json.at("pagination").at("total"), 1);
}

}  // namespace
}  // namespace agenthq::test
