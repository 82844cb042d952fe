// Contract §3.13 webhooks (signed deliveries to a local receiver, the delivery log, retries with
// backoff, the private-address guard) and §3.2 invites (agent and user onboarding end to end,
// single use under concurrency, the redeem limiter), over real HTTP against a real hub and PostgreSQL.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <future>
#include <regex>

#include "support/api_helpers.hpp"
#include "support/fake_provider.hpp"
#include "support/hub_process.hpp"
#include "util/encoding.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

std::string hmac_hex(const std::string& key, const std::string& body) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), out, &n);
  return util::hex_encode(std::string(reinterpret_cast<const char*>(out), n));
}

class WebhooksInvites : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    receiver_ = new FakeProvider();
    hub_ = new HubProcess(std::map<std::string, std::string>{{"AGENTHQ_WEBHOOK_ALLOW_PRIVATE", "1"},
                                                             {"AGENTHQ_WEBHOOK_BACKOFF_MS", "50"},
                                                             {"AGENTHQ_WEBHOOK_MAX_ATTEMPTS", "3"}});
  }
  static void TearDownTestSuite() {
    delete hub_;
    delete receiver_;
    hub_ = nullptr;
    receiver_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  PgConn db() const { return PgConn(hub_->database().conninfo()); }
  std::string channel_id(const TestOrg& org, const std::string& name) {
    return *db().scalar("SELECT id FROM channels WHERE org_id = $1 AND name = $2", {org.id, name});
  }
  static void answer(const std::string& path, int status, int times = -1) {
    FailureRule rule;
    rule.path_prefix = path;
    rule.status = status;
    rule.body = "{}";
    rule.times = times;
    receiver_->fail(rule);
  }
  static HubProcess* hub_;
  static FakeProvider* receiver_;
};
HubProcess* WebhooksInvites::hub_ = nullptr;
FakeProvider* WebhooksInvites::receiver_ = nullptr;

TEST_F(WebhooksInvites, RegisterListDeleteAndValidateWithRawBodies) {
  auto org = register_org(client(), "wh-crud");
  auto r = client().post("/api/v1/webhooks",
                         {{"url", receiver_->url("/hooks/crud")}, {"events", {"post:created", "task:assigned"}},
                          {"secret", "s3cret"}},
                         org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(r.json.as_object().contains("success")) << "webhook routes are not enveloped";
  EXPECT_EQ(r.json.at("events"), (json::array{"post:created", "task:assigned"}));
  EXPECT_EQ(r.json.at("active"), true);
  for (const char* k : {"id", "url", "events", "active", "created_at"}) EXPECT_TRUE(r.json.as_object().contains(k)) << k;
  EXPECT_FALSE(r.json.as_object().contains("secret"));
  const std::string id(r.json.at("id").as_string());
  // The secret is sealed at rest, never stored as typed.
  EXPECT_EQ(*db().scalar("SELECT count(*) FROM webhooks WHERE id = $1 AND secret <> 's3cret'", {id}), "1");

  auto list = client().get("/api/v1/webhooks", org.access_token);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.at("webhooks").as_array().size(), 1u);
  EXPECT_EQ(list.json.at("webhooks").as_array()[0].at("has_secret"), true);

  auto bad = client().post("/api/v1/webhooks", {{"url", "not a url"}, {"events", json::array{}}}, org.access_token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json.at("error"), "Validation failed");
  EXPECT_EQ(bad.json.at("details").as_array().size(), 2u);
  EXPECT_EQ(client().post("/api/v1/webhooks", {{"url", "ftp://x.test/"}, {"events", {"post:created"}}}, org.access_token).status,
            400);
  EXPECT_EQ(client().post("/api/v1/webhooks", {{"url", "http://x.test/"}, {"events", {"post:deleted"}}}, org.access_token)
                .status,
            400);

  auto other = register_org(client(), "wh-crud-b");
  EXPECT_TRUE(client().get("/api/v1/webhooks", other.access_token).json.at("webhooks").as_array().empty());
  auto foreign = client().del("/api/v1/webhooks/" + id, other.access_token);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.json, (json::object{{"error", "Webhook not found"}}));
  EXPECT_EQ(client().post("/api/v1/webhooks/" + id + "/test", json::object{}, other.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/webhooks/" + id + "/deliveries", other.access_token).status, 404);
  EXPECT_EQ(client().del("/api/v1/webhooks/" + id, org.access_token).json, (json::object{{"success", true}}));
  EXPECT_EQ(client().del("/api/v1/webhooks/" + id, org.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/webhooks", org.access_token).status, 200);
  EXPECT_EQ(client().get("/api/v1/webhooks", "").error_code(), "UNAUTHORIZED") << "auth failures keep the envelope";
}

TEST_F(WebhooksInvites, ViewersReadWebhooksButNeverRegisterOrDeleteThem) {
  auto org = register_org(client(), "wh-viewer");
  auto viewer = join_org(client(), org, "viewer");
  const json::object hook{{"url", receiver_->url("/hooks/viewer")}, {"events", {"post:created"}}};
  auto refused = client().post("/api/v1/webhooks", hook, viewer.access_token);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.error_code(), "FORBIDDEN");
  EXPECT_EQ(*db().scalar("SELECT count(*) FROM webhooks WHERE org_id = $1", {org.id}), "0");

  auto created = client().post("/api/v1/webhooks", hook, org.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = id_of(created.json);
  auto seen = client().get("/api/v1/webhooks", viewer.access_token);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(ids(seen.json.at("webhooks")), std::vector<std::string>{id});
  EXPECT_EQ(client().get("/api/v1/webhooks/" + id + "/deliveries", viewer.access_token).status, 200);
  EXPECT_EQ(client().del("/api/v1/webhooks/" + id, viewer.access_token).status, 403);
  EXPECT_EQ(*db().scalar("SELECT count(*) FROM webhooks WHERE org_id = $1", {org.id}), "1");
  // Only the owner's create is in the audit log.
  EXPECT_EQ(*db().scalar("SELECT string_agg(action || ':' || actor_id, ',') FROM activity_log WHERE org_id = $1 AND "
                         "action LIKE 'webhook.%'",
                         {org.id}),
            "webhook.created:" + org.owner_id);
}

TEST_F(WebhooksInvites, DeliveriesAreSignedOverTheExactBodyAndOnlyPublicPostsAreSent) {
  auto org = register_org(client(), "wh-sign");
  answer("/hooks/sign", 200);
  auto r = client().post("/api/v1/webhooks",
                         {{"url", receiver_->url("/hooks/sign")}, {"events", {"post:created", "post:reply"}},
                          {"secret", "topsecret"}},
                         org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string hook(r.json.at("id").as_string());
  auto ping = client().post("/api/v1/webhooks/" + hook + "/test", json::object{}, org.access_token);
  ASSERT_EQ(ping.status, 200) << ping.body;
  EXPECT_EQ(ping.json, (json::object{{"success", true}, {"message", "Test ping sent"}}));

  auto post = client().post("/api/v1/posts", {{"channel_id", channel_id(org, "general")}, {"content", "hello hooks"}},
                            org.access_token);
  ASSERT_EQ(post.status, 201);
  const std::string post_id(post.data().at("id").as_string());
  ASSERT_EQ(client().post("/api/v1/posts", {{"parent_id", post_id}, {"content", "a reply"}}, org.access_token).status, 201);
  auto priv = client().post("/api/v1/channels", {{"name", "hush"}, {"type", "private"}}, org.access_token);
  ASSERT_EQ(client().post("/api/v1/posts", {{"channel_id", std::string(priv.data().at("id").as_string())},
                                            {"content", "members only"}},
                          org.access_token)
                .status,
            201);
  // test ping, post:created, post:created (the reply), post:reply; never the private post.
  ASSERT_TRUE(eventually([] { return receiver_->requests_to("/hooks/sign").size() >= 4; }));
  auto got = receiver_->requests_to("/hooks/sign");
  std::vector<std::string> events;
  for (const auto& req : got) {
    EXPECT_EQ(req.method, "POST");
    EXPECT_EQ(req.headers.at("content-type"), "application/json");
    EXPECT_EQ(req.headers.at("user-agent"), "AgentHQ-Webhooks/1.0");
    EXPECT_EQ(req.headers.at("x-agenthq-signature"), "sha256=" + hmac_hex("topsecret", req.body));
    auto body = json::parse(req.body).as_object();
    EXPECT_EQ(req.headers.at("x-agenthq-event"), std::string(body.at("event").as_string()));
    EXPECT_EQ(req.headers.at("x-agenthq-delivery"), std::string(body.at("id").as_string()));
    EXPECT_EQ(req.headers.at("x-agenthq-timestamp"), std::string(body.at("timestamp").as_string()));
    EXPECT_EQ(body.at("org_id"), json::value(org.id));
    EXPECT_NE(body.at("data").as_object().contains("content") ? std::string(body.at("data").at("content").as_string()) : "",
              "members only");
    events.push_back(std::string(body.at("event").as_string()));
  }
  std::sort(events.begin(), events.end());
  EXPECT_EQ(events, (std::vector<std::string>{"post:created", "post:created", "post:reply", "test"}));
  const json::value second = json::parse(got[1].body);
  const auto& first = second.at("data").as_object();
  for (const char* k : {"post_id", "channel_id", "author_id", "author_type", "type", "title", "content", "parent_id"})
    EXPECT_TRUE(first.contains(k)) << k;
  // The log holds what was sent.
  ASSERT_TRUE(eventually([&] {
    return db().scalar("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'delivered'", {hook}) ==
           std::optional<std::string>("4");
  }));
  auto log = client().get("/api/v1/webhooks/" + hook + "/deliveries", org.access_token);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.json.at("deliveries").as_array().size(), 4u);
}

TEST_F(WebhooksInvites, FailedDeliveriesAreRetriedWithBackoffAndLogged) {
  auto org = register_org(client(), "wh-retry");
  answer("/hooks/flaky", 503, 2);  // two failures, then success
  answer("/hooks/flaky", 200);
  answer("/hooks/down", 500);
  auto agent = register_agent(client(), org.access_token, "assignee");
  ASSERT_EQ(client().post("/api/v1/webhooks", {{"url", receiver_->url("/hooks/flaky")}, {"events", {"task:assigned"}}},
                          org.access_token)
                .status,
            201);
  ASSERT_EQ(client().post("/api/v1/webhooks",
                          {{"url", receiver_->url("/hooks/down")}, {"events", {"task:assigned", "notification:new"}}},
                          org.access_token)
                .status,
            201);
  auto task = client().post("/api/v1/tasks", {{"title", "Hooked"}, {"assigned_to", agent.id}, {"assigned_type", "agent"}},
                            org.access_token);
  ASSERT_EQ(task.status, 201) << task.body;
  // flaky (task:assigned): two failures, then delivered; down (both events): three failures each.
  ASSERT_TRUE(eventually([] { return receiver_->requests_to("/hooks/flaky").size() >= 3; }));
  ASSERT_TRUE(eventually([&] {
    return db().scalar("SELECT count(*) FROM webhook_deliveries WHERE org_id = $1 AND status IN ('delivered', 'failed')",
                       {org.id}) == std::optional<std::string>("3");
  }));
  auto c = db();
  EXPECT_EQ(*c.scalar("SELECT string_agg(w.url || ' ' || d.event || ' ' || d.status || ' ' || d.attempts, ',' ORDER BY "
                      "w.url, d.event) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.org_id = $1",
                      {org.id}),
            receiver_->url("/hooks/down") + " notification:new failed 3," + receiver_->url("/hooks/down") +
                " task:assigned failed 3," + receiver_->url("/hooks/flaky") + " task:assigned delivered 3");
  EXPECT_EQ(receiver_->requests_to("/hooks/flaky").size(), 3u);
  EXPECT_EQ(*c.scalar("SELECT string_agg(DISTINCT last_error, ',') FROM webhook_deliveries WHERE org_id = $1 AND status = "
                      "'failed'",
                      {org.id}),
            "HTTP 500");
  // Both deliveries of one event share the body, and so its delivery id.
  EXPECT_EQ(*c.scalar("SELECT count(DISTINCT delivery_id) FROM webhook_deliveries WHERE org_id = $1", {org.id}), "2");
  const auto assigned = receiver_->requests_to("/hooks/down");
  bool saw_task = false;
  for (const auto& req : assigned) {
    auto body = json::parse(req.body);
    if (body.at("event") != "task:assigned") continue;
    saw_task = true;
    EXPECT_EQ(body.at("data").at("assigned_to"), json::value(agent.id));
    EXPECT_EQ(body.at("data").at("assigned_by"), json::value(org.owner_id));
    EXPECT_EQ(body.at("data").at("title"), "Hooked");
  }
  EXPECT_TRUE(saw_task);
}

TEST_F(WebhooksInvites, PrivateAddressesAreRefusedUnlessTheOperatorAllowsThem) {
  HubProcess strict(*hub_, {});
  auto c = strict.client();
  auto org = register_org(c, "wh-ssrf");
  answer("/hooks/ssrf", 200);
  auto r = c.post("/api/v1/webhooks", {{"url", receiver_->url("/hooks/ssrf")}, {"events", {"post:created"}}},
                  org.access_token);
  ASSERT_EQ(r.status, 201);
  const std::string hook(r.json.at("id").as_string());
  auto ping = c.post("/api/v1/webhooks/" + hook + "/test", json::object{}, org.access_token);
  EXPECT_EQ(ping.status, 500) << ping.body;
  EXPECT_EQ(ping.error_code(), "INTERNAL_ERROR");
  EXPECT_NE(ping.body.find("private address"), std::string::npos) << ping.body;
  EXPECT_TRUE(receiver_->requests_to("/hooks/ssrf").empty());
  auto log = c.get("/api/v1/webhooks/" + hook + "/deliveries", org.access_token);
  ASSERT_EQ(log.json.at("deliveries").as_array().size(), 1u);
  EXPECT_EQ(log.json.at("deliveries").as_array()[0].at("status"), "failed");
}

TEST_F(WebhooksInvites, AgentInviteOnboardsAnAgentOnce) {
  auto org = register_org(client(), "inv-agent");
  auto agent = register_agent(client(), org.access_token, "not-admin");
  EXPECT_EQ(client().post("/api/v1/invites/agent", json::object{}, agent.api_key).status, 403);
  auto r = client().post("/api/v1/invites/agent", json::object{}, org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string token(r.data().at("token").as_string());
  EXPECT_TRUE(std::regex_match(token, std::regex("^AHQ-[A-Za-z0-9]{5}-[A-Za-z0-9]{4}$"))) << token;
  const auto& invite = r.data().at("invite").as_object();
  for (const char* k : {"id", "org_id", "token", "created_by", "status", "invite_type", "email", "role",
                        "redeemed_by_agent_id", "redeemed_by_user_id", "expires_at", "redeemed_at", "created_at",
                        "updated_at"})
    EXPECT_TRUE(invite.contains(k)) << k;
  EXPECT_EQ(invite.at("status"), "pending");
  EXPECT_EQ(invite.at("invite_type"), "agent");
  EXPECT_EQ(*db().scalar("SELECT extract(epoch FROM expires_at - created_at)::int FROM invites WHERE token = $1", {token}),
            "604800");

  auto seen = client().get("/api/v1/auth/invites/" + token);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.data().at("invite").at("org_name"), json::value("Org " + org.slug));
  EXPECT_FALSE(seen.data().at("invite").as_object().contains("token")) << "the public lookup shows no secrets";
  EXPECT_EQ(client().get("/api/v1/auth/invites/AHQ-nope0-0000").error_code(), "INVALID_TOKEN");

  // Two redeems of one token at once: exactly one agent.
  auto redeem = [&] {
    return client().post("/api/v1/auth/invites/redeem", {{"token", token}, {"agentName", "newcomer"}});
  };
  auto a = std::async(std::launch::async, redeem), b = std::async(std::launch::async, redeem);
  auto ra = a.get(), rb = b.get();
  std::vector<int> statuses{ra.status, rb.status};
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{201, 409})) << ra.body << " / " << rb.body;
  const auto& won = ra.status == 201 ? ra : rb;
  const auto& lost = ra.status == 201 ? rb : ra;
  EXPECT_EQ(lost.error_code(), "TOKEN_ALREADY_USED");
  EXPECT_EQ(won.data().at("orgId"), json::value(org.id));
  EXPECT_TRUE(won.data().at("agent").at("owner_user_id").is_null());
  const std::string key(won.data().at("apiKey").as_string());
  EXPECT_EQ(client().get("/api/v1/org", key).status, 200) << "the new key works";
  EXPECT_EQ(*db().scalar("SELECT count(*) FROM agents WHERE org_id = $1 AND name = 'newcomer'", {org.id}), "1");
  EXPECT_EQ(*db().scalar("SELECT status || ' ' || (redeemed_by_agent_id = $2) FROM invites WHERE token = $1",
                         {token, std::string(won.data().at("agent").at("id").as_string())}),
            "redeemed true");
  EXPECT_EQ(client().get("/api/v1/auth/invites/" + token).error_code(), "TOKEN_ALREADY_USED");
  // One audit entry, by the new agent, for the invite; the losing redeem wrote none.
  EXPECT_EQ(*db().scalar("SELECT count(*) || ' ' || bool_and(actor_id = $2 AND actor_type = 'agent' AND resource_type = 'invite'"
                         " AND details ->> 'invite_type' = 'agent')::text FROM activity_log"
                         " WHERE org_id = $1 AND action = 'invite.redeemed'",
                         {org.id, std::string(won.data().at("agent").at("id").as_string())}),
            "1 true");

  // A user invite cannot onboard an agent; revoked and expired invites are refused.
  auto user_invite = client().post("/api/v1/invites/user", {{"email", "someone@inv-agent.test"}}, org.access_token);
  ASSERT_EQ(user_invite.status, 201) << user_invite.body;
  auto wrong = client().post("/api/v1/auth/invites/redeem",
                             {{"token", user_invite.data().at("token")}, {"agentName", "x"}});
  EXPECT_EQ(wrong.error_code(), "INVALID_INVITE_TYPE");
  auto revocable = client().post("/api/v1/invites/agent", json::object{}, org.access_token);
  const std::string rid(revocable.data().at("invite").at("id").as_string());
  auto revoked = client().post("/api/v1/invites/" + rid + "/revoke", json::object{}, org.access_token);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.data().at("status"), "revoked");
  EXPECT_EQ(client().post("/api/v1/invites/" + rid + "/revoke", json::object{}, org.access_token).error_code(),
            "INVALID_STATUS");
  EXPECT_EQ(client().get("/api/v1/auth/invites/" + std::string(revocable.data().at("token").as_string())).error_code(),
            "TOKEN_REVOKED");
  auto expiring = client().post("/api/v1/invites/agent", json::object{}, org.access_token);
  const std::string etoken(expiring.data().at("token").as_string());
  db().exec("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE token = $1", {etoken});
  auto expired = client().get("/api/v1/auth/invites/" + etoken);
  EXPECT_EQ(expired.status, 410);
  EXPECT_EQ(expired.error_code(), "TOKEN_EXPIRED");
  EXPECT_EQ(*db().scalar("SELECT status FROM invites WHERE token = $1", {etoken}), "expired");

  // Listing: admins only, newest first, type filter, another org sees nothing.
  auto list = client().get("/api/v1/invites?type=agent", org.access_token);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("pagination").at("total"), 3);
  EXPECT_EQ(client().get("/api/v1/invites?type=bogus", org.access_token).json.at("pagination").at("total"), 0);
  auto other = register_org(client(), "inv-agent-b");
  EXPECT_EQ(client().get("/api/v1/invites", other.access_token).json.at("pagination").at("total"), 0);
  EXPECT_EQ(client().post("/api/v1/invites/" + rid + "/revoke", json::object{}, other.access_token).status, 404);
  EXPECT_EQ(client().get("/api/v1/invites", agent.api_key).status, 403);
}

TEST_F(WebhooksInvites, UserInviteOnboardsAPersonWithItsRole) {
  auto org = register_org(client(), "inv-user");
  const std::string email = "new-" + random_suffix(6) + "@inv-user.test";
  auto r = client().post("/api/v1/invites/user", {{"email", email}, {"role", "admin"}}, org.access_token);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.data().at("invite").at("role"), "admin");
  EXPECT_EQ(client().post("/api/v1/invites/user", {{"email", email}}, org.access_token).error_code(),
            "PENDING_INVITE_EXISTS");
  EXPECT_EQ(client().post("/api/v1/invites/user", {{"email", org.owner_email}}, org.access_token).error_code(),
            "USER_ALREADY_IN_ORG");
  EXPECT_EQ(client().post("/api/v1/invites/user", {{"email", "nope"}}, org.access_token).status, 400);
  EXPECT_EQ(client().post("/api/v1/invites/user", {{"email", "a@b.test"}, {"role", "owner"}}, org.access_token).status, 400);

  const std::string token(r.data().at("token").as_string());
  EXPECT_EQ(client().post("/api/v1/auth/invites/redeem-user", {{"token", token}, {"name", "New"}, {"password", "short"}}).status,
            400);
  auto joined = client().post("/api/v1/auth/invites/redeem-user", {{"token", token}, {"name", "New"}, {"password", "long-enough"}});
  ASSERT_EQ(joined.status, 201) << joined.body;
  EXPECT_EQ(joined.data().at("user").at("email"), json::value(email));
  EXPECT_EQ(joined.data().at("user").at("role"), "admin");
  EXPECT_EQ(joined.data().at("user").at("org_id"), json::value(org.id));
  EXPECT_EQ(joined.data().at("org").at("id"), json::value(org.id));
  EXPECT_EQ(*db().scalar("SELECT (actor_id = $2 AND actor_type = 'user' AND details ->> 'role' = 'admin')::text FROM activity_log"
                         " WHERE org_id = $1 AND action = 'invite.redeemed'",
                         {org.id, std::string(joined.data().at("user").at("id").as_string())}),
            "true");
  const std::string access(joined.data().at("accessToken").as_string());
  EXPECT_EQ(client().get("/api/v1/invites", access).status, 200) << "an invited admin is an admin";
  EXPECT_EQ(client().post("/api/v1/auth/login", {{"email", email}, {"password", "long-enough"}}).status, 200);
  EXPECT_EQ(client().post("/api/v1/auth/invites/redeem-user", {{"token", token}, {"name", "Again"}, {"password", "long-enough"}})
                .error_code(),
            "TOKEN_ALREADY_USED");

  // An address registered in another org: EMAIL_EXISTS, and the invite stays usable.
  auto other = register_org(client(), "inv-user-b");
  auto taken = client().post("/api/v1/invites/user", {{"email", other.owner_email}}, org.access_token);
  ASSERT_EQ(taken.status, 201);
  const std::string ttoken(taken.data().at("token").as_string());
  EXPECT_EQ(client().post("/api/v1/auth/invites/redeem-user", {{"token", ttoken}, {"name", "Dup"}, {"password", "long-enough"}})
                .error_code(),
            "EMAIL_EXISTS");
  EXPECT_EQ(*db().scalar("SELECT status FROM invites WHERE token = $1", {ttoken}), "pending");
}

TEST(InviteLimits, RedeemsAreLimitedPerAddress) {
  HubProcess hub;
  auto c = hub.client();
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    auto r = c.post("/api/v1/auth/invites/redeem", {{"token", "AHQ-aaaaa-0000"}, {"agentName", "x"}});
    if (r.status == 429) {
      ++limited;
      EXPECT_EQ(r.error_code(), "RATE_LIMITED");
    } else {
      EXPECT_EQ(r.error_code(), "INVALID_TOKEN");
    }
  }
  EXPECT_EQ(limited, 2) << "10 per 15 minutes, shared with redeem-user";
  EXPECT_EQ(c.post("/api/v1/auth/invites/redeem-user", {{"token", "AHQ-aaaaa-0000"}, {"name", "x"}, {"password", "12345678"}})
                .status,
            429);
}

}  // namespace
}  // namespace agenthq::test
