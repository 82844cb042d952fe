// `agenthq org delete`: the one way to remove a tenant completely, audit trail included, as the
// schema owner; the audit trail stays append-only for every other path.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {

TEST(OrgRemoval, TheOwnerRemovesATenantCompletelyAndNothingElse) {
  HubProcess hub;
  auto doomed = register_org(hub.client(), "doomed");
  auto kept = register_org(hub.client(), "kept");
  PgConn super(hub.database().conninfo());
  // Both tenants get rows in the core and the [ext] tables: a post by their agent, a reaction
  // (and the notification it causes), a task, and the counters the triggers keep (022, 023).
  for (const auto* org : {&doomed, &kept}) {
    const auto bot = register_agent(hub.client(), org->access_token, "bot");
    ASSERT_EQ(hub.client().post("/api/v1/auth/login", {{"email", org->owner_email}, {"password", org->password}}).status,
              200);
    const auto general = super.scalar("SELECT id FROM channels WHERE org_id = $1 AND name = 'general'", {org->id});
    ASSERT_TRUE(general);
    auto post = hub.client().post("/api/v1/posts", {{"channel_id", *general}, {"content", "doomed or kept"}}, bot.api_key);
    ASSERT_EQ(post.status, 201) << post.body;
    const std::string post_id(post.data().at("id").as_string());
    ASSERT_EQ(hub.client().post("/api/v1/posts/" + post_id + "/reactions", {{"emoji", "👍"}}, org->access_token).status,
              201);
    ASSERT_EQ(hub.client().post("/api/v1/tasks", {{"title", "wrap up"}}, bot.api_key).status, 201);
    ASSERT_EQ(hub.client().get("/api/v1/search?q=doomed", org->access_token).status, 200);
  }
  const std::string entries =
      *super.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1", {doomed.id});
  ASSERT_NE(entries, "0");
  const std::string kept_entries = *super.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1", {kept.id});

  // The server's own role cannot use the exception, not even through the cascade from orgs.
  PgConn app(hub.app_conninfo());
  app.exec("SELECT set_config('app.org_id', $1, false), set_config('agenthq.purge_org', $1, false)", {doomed.id});
  auto refused = app.try_exec("DELETE FROM orgs WHERE id = $1", {doomed.id});
  ASSERT_TRUE(refused);
  EXPECT_NE(std::string(refused->what()).find("append-only"), std::string::npos) << refused->what();
  EXPECT_TRUE(app.try_exec("DELETE FROM activity_log WHERE org_id = $1", {doomed.id}));

  const std::map<std::string, std::string> env{{"DATABASE_URL", hub.app_conninfo()},
                                               {"DATABASE_ADMIN_URL", hub.database().conninfo()}};
  auto removed = run_agenthq({"org", "delete", "--org", doomed.id}, env);
  ASSERT_EQ(removed.exit_code, 0) << removed.output;
  EXPECT_NE(removed.output.find("Removed organisation"), std::string::npos) << removed.output;

  for (const char* table : {"orgs", "users", "agents", "channels", "posts", "activity_log", "reactions",
                            "notifications", "tasks", "post_counts", "org_versions"}) {
    const std::string column = std::string(table) == "orgs" ? "id" : "org_id";
    EXPECT_EQ(super.scalar(std::string("SELECT count(*) FROM ") + table + " WHERE " + column + " = $1", {doomed.id}),
              "0")
        << table;
  }
  auto record = super.query("SELECT org_slug, audit_entries::text FROM org_removals WHERE org_id = $1", {doomed.id});
  ASSERT_EQ(record.size(), 1u);
  EXPECT_EQ(record[0][0], doomed.slug);
  EXPECT_EQ(record[0][1], entries);
  EXPECT_TRUE(super.try_exec("DELETE FROM org_removals"));  // the record is append-only too
  EXPECT_EQ(hub.client().post("/api/v1/auth/login", {{"email", doomed.owner_email}, {"password", doomed.password}}).status,
            401);

  // The other tenant is untouched, and its trail stays append-only even for the owner who
  // names another org for removal.
  EXPECT_EQ(super.scalar("SELECT count(*) FROM activity_log WHERE org_id = $1", {kept.id}), kept_entries);
  for (const char* table : {"posts", "reactions", "notifications", "tasks", "post_counts", "org_versions"})
    EXPECT_NE(super.scalar(std::string("SELECT count(*) FROM ") + table + " WHERE org_id = $1", {kept.id}), "0")
        << table;
  super.exec("SELECT set_config('agenthq.purge_org', $1, false)", {doomed.id});
  EXPECT_TRUE(super.try_exec("DELETE FROM activity_log WHERE org_id = $1", {kept.id}));
  EXPECT_EQ(hub.client().get("/api/v1/org", kept.access_token).status, 200);

  auto unknown = run_agenthq({"org", "delete", "--org", "no-such-org"}, env);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("no organisation with id no-such-org"), std::string::npos) << unknown.output;
}

}  // namespace
}  // namespace agenthq::test
