// Migrations 012–021 (contract §6, the [ext] features) against real PostgreSQL: the new tables
// as the contract spells them, row-level security and grants on each, and 021's backfill.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "db/embedded_migrations.hpp"
#include "db/migrator.hpp"
#include "support/pg_fixture.hpp"

namespace {

using agenthq::db::EmbeddedSqlFile;
using agenthq::db::Migrator;
using agenthq::test::FreshDatabase;
using agenthq::test::PgConn;
using agenthq::test::TempRole;

const std::vector<std::string> kExtMigrations = {
    "012_invites",       "013_post_edits", "014_reactions", "015_mentions",         "016_notifications",
    "017_dm_channels",   "018_tasks",      "019_user_invites", "020_webhooks", "021_pinned_post_backfill"};
const std::vector<std::string> kExtTables = {"invites",  "post_edits", "reactions", "mentions",
                                             "notifications", "tasks", "webhooks",  "webhook_deliveries"};

std::vector<EmbeddedSqlFile> files_through(const std::string& last) {
  std::vector<EmbeddedSqlFile> out;
  for (const auto& f : agenthq::db::embedded_sql_files())
    if (f.name.substr(0, last.size()) <= last) out.push_back(f);
  return out;
}

std::vector<std::string> lines(PgConn& c, const std::string& sql, const std::vector<std::string>& params = {}) {
  std::vector<std::string> out;
  for (const auto& row : c.query(sql, params)) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + row[i].value_or("NULL");
    out.push_back(line);
  }
  return out;
}

// Every element of expected must be present in actual (other migrations may add more).
void expect_contains(const std::vector<std::string>& actual, const std::vector<std::string>& expected,
                     const std::string& what) {
  const std::set<std::string> a(actual.begin(), actual.end());
  std::string missing;
  for (const auto& x : expected)
    if (!a.count(x)) missing += "\n  " + x;
  EXPECT_TRUE(missing.empty()) << what << " missing:" << missing;
}

std::string table_array() {
  std::string a = "{";
  for (const auto& t : kExtTables) a += (a.size() > 1 ? "," : "") + t;
  return a + "}";
}

const std::string kTs = " timestamp with time zone NOT NULL DEFAULT now()";

TEST(MigrationsExt, NamesFollowTheCoreOnes) {
  std::vector<std::string> names;
  for (const auto& f : agenthq::db::embedded_sql_files())
    if (f.name.ends_with(".up.sql") && f.name.substr(0, 3) >= "012" && f.name.substr(0, 3) <= "021")
      names.push_back(f.name.substr(0, f.name.size() - 7));
  EXPECT_EQ(names, kExtMigrations);
}

TEST(MigrationsExt, SchemaMatchesTheContract) {
  FreshDatabase db;
  Migrator(db.conninfo()).up();
  PgConn c(db.conninfo());
  const std::vector<std::string> tables{table_array()};
  expect_contains(
      lines(c,
            "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
            "  || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
            "  || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"),
      {
          "invites.id text NOT NULL", "invites.org_id text NOT NULL", "invites.token text NOT NULL",
          "invites.created_by text NOT NULL", "invites.status text NOT NULL DEFAULT 'pending'::text",
          "invites.redeemed_by_agent_id text", "invites.expires_at timestamp with time zone NOT NULL",
          "invites.redeemed_at timestamp with time zone", "invites.created_at" + kTs, "invites.updated_at" + kTs,
          "invites.invite_type text NOT NULL DEFAULT 'agent'::text", "invites.email text", "invites.role text",
          "invites.redeemed_by_user_id text",
          "posts.edited_at timestamp with time zone", "posts.deleted_at timestamp with time zone",
          "post_edits.id text NOT NULL", "post_edits.post_id text NOT NULL", "post_edits.org_id text NOT NULL",
          "post_edits.previous_content text NOT NULL", "post_edits.previous_title text",
          "post_edits.edited_by text NOT NULL", "post_edits.created_at" + kTs,
          "reactions.id text NOT NULL", "reactions.org_id text NOT NULL", "reactions.post_id text NOT NULL",
          "reactions.author_id text NOT NULL", "reactions.author_type text NOT NULL",
          "reactions.emoji text NOT NULL", "reactions.created_at" + kTs,
          "mentions.id text NOT NULL", "mentions.org_id text NOT NULL", "mentions.post_id text NOT NULL",
          "mentions.mentioned_id text NOT NULL", "mentions.mentioned_type text NOT NULL",
          "mentions.created_at" + kTs,
          "notifications.id text NOT NULL", "notifications.org_id text NOT NULL",
          "notifications.recipient_id text NOT NULL", "notifications.recipient_type text NOT NULL",
          "notifications.type text NOT NULL", "notifications.source_id text", "notifications.source_type text",
          "notifications.actor_id text", "notifications.actor_type text", "notifications.title text NOT NULL",
          "notifications.body text", "notifications.read boolean NOT NULL DEFAULT false",
          "notifications.created_at" + kTs,
          "channels.dm_pair_hash text",
          "tasks.id text NOT NULL", "tasks.org_id text NOT NULL", "tasks.channel_id text",
          "tasks.title text NOT NULL", "tasks.description text", "tasks.status text NOT NULL DEFAULT 'open'::text",
          "tasks.priority text NOT NULL DEFAULT 'medium'::text", "tasks.assigned_to text", "tasks.assigned_type text",
          "tasks.created_by text NOT NULL", "tasks.created_by_type text NOT NULL",
          "tasks.due_date timestamp with time zone", "tasks.completed_at timestamp with time zone",
          "tasks.metadata jsonb DEFAULT '{}'::jsonb", "tasks.created_at" + kTs, "tasks.updated_at" + kTs,
          "webhooks.id text NOT NULL", "webhooks.org_id text NOT NULL", "webhooks.url text NOT NULL",
          "webhooks.events text NOT NULL", "webhooks.secret text", "webhooks.active boolean NOT NULL DEFAULT true",
          "webhooks.created_at" + kTs, "webhooks.updated_at" + kTs,
      },
      "columns");
  const std::string org_fk = "FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE CASCADE";
  expect_contains(
      lines(c,
            "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"),
      {
          "invites invites_pkey PRIMARY KEY (id)", "invites invites_token_unique UNIQUE (token)",
          "invites invites_org_id_foreign " + org_fk,
          "invites invites_created_by_foreign FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE CASCADE",
          "invites invites_redeemed_by_agent_id_foreign FOREIGN KEY (redeemed_by_agent_id) REFERENCES agents(id) "
          "ON DELETE SET NULL",
          "invites invites_redeemed_by_user_id_foreign FOREIGN KEY (redeemed_by_user_id) REFERENCES users(id) "
          "ON DELETE SET NULL",
          "post_edits post_edits_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE",
          "post_edits post_edits_org_id_foreign " + org_fk,
          "reactions reactions_post_id_author_id_emoji_unique UNIQUE (post_id, author_id, emoji)",
          "reactions reactions_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE",
          "mentions mentions_post_id_mentioned_id_unique UNIQUE (post_id, mentioned_id)",
          "mentions mentions_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE",
          "notifications notifications_org_id_foreign " + org_fk,
          "tasks tasks_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE SET NULL",
          "tasks tasks_org_id_foreign " + org_fk, "webhooks webhooks_org_id_foreign " + org_fk,
      },
      "constraints");
  expect_contains(
      lines(c, "SELECT replace(indexdef, 'public.', '') FROM pg_indexes WHERE schemaname = 'public'"),
      {
          "CREATE INDEX invites_org_id_index ON invites USING btree (org_id)",
          "CREATE INDEX invites_token_index ON invites USING btree (token)",
          "CREATE INDEX invites_status_index ON invites USING btree (status)",
          "CREATE INDEX invites_created_by_index ON invites USING btree (created_by)",
          "CREATE INDEX post_edits_post_id_index ON post_edits USING btree (post_id)",
          "CREATE INDEX post_edits_org_id_index ON post_edits USING btree (org_id)",
          "CREATE INDEX reactions_org_id_index ON reactions USING btree (org_id)",
          "CREATE INDEX reactions_post_id_index ON reactions USING btree (post_id)",
          "CREATE INDEX reactions_author_id_index ON reactions USING btree (author_id)",
          "CREATE INDEX mentions_org_id_index ON mentions USING btree (org_id)",
          "CREATE INDEX mentions_post_id_index ON mentions USING btree (post_id)",
          "CREATE INDEX mentions_mentioned_id_index ON mentions USING btree (mentioned_id)",
          "CREATE INDEX notifications_org_id_index ON notifications USING btree (org_id)",
          "CREATE INDEX notifications_recipient_id_recipient_type_index ON notifications USING btree "
          "(recipient_id, recipient_type)",
          "CREATE INDEX notifications_read_index ON notifications USING btree (read)",
          "CREATE INDEX notifications_type_index ON notifications USING btree (type)",
          "CREATE INDEX notifications_created_at_index ON notifications USING btree (created_at)",
          "CREATE UNIQUE INDEX channels_dm_pair_hash_unique ON channels USING btree (org_id, dm_pair_hash) "
          "WHERE (dm_pair_hash IS NOT NULL)",
          "CREATE INDEX tasks_org_id_index ON tasks USING btree (org_id)",
          "CREATE INDEX tasks_channel_id_index ON tasks USING btree (channel_id)",
          "CREATE INDEX tasks_status_index ON tasks USING btree (status)",
          "CREATE INDEX tasks_priority_index ON tasks USING btree (priority)",
          "CREATE INDEX tasks_assigned_to_index ON tasks USING btree (assigned_to)",
          "CREATE INDEX tasks_created_by_index ON tasks USING btree (created_by)",
          "CREATE INDEX tasks_due_date_index ON tasks USING btree (due_date)",
          "CREATE INDEX webhooks_org_id_index ON webhooks USING btree (org_id)",
          "CREATE INDEX webhooks_active_index ON webhooks USING btree (active)",
      },
      "indexes");

  // Ours: every new tenant table has RLS enabled with the tenant policy.
  std::vector<std::string> rls;
  for (const auto& t : kExtTables) rls.push_back(t + " | t | tenant_isolation");
  expect_contains(lines(c,
                        "SELECT c.relname, c.relrowsecurity, p.policyname FROM pg_class c "
                        "LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname "
                        "WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])",
                        tables),
                  rls, "row-level security");
}

TEST(MigrationsExt, AppRoleReadsAndWritesOnlyItsTenantsRows) {
  TempRole app("agenthq_app");
  FreshDatabase db;
  Migrator(db.conninfo(), app.name()).up();
  PgConn admin(db.conninfo());
  for (const std::string org : {"orgA", "orgB"}) {
    admin.exec("INSERT INTO orgs (id, name, slug) VALUES ($1, $1, $1)", {org});
    admin.exec("INSERT INTO notifications (id, org_id, recipient_id, recipient_type, type, title) "
               "VALUES ($1 || '-n', $1, 'r', 'agent', 'mention', 't')", {org});
    admin.exec("INSERT INTO tasks (id, org_id, title, created_by, created_by_type) VALUES ($1 || '-t', $1, 't', 'u', 'user')",
               {org});
  }
  PgConn c(app.conninfo(db.conninfo()));
  for (const auto& t : kExtTables)
    EXPECT_EQ(lines(c, "SELECT has_table_privilege(current_user, $1, 'SELECT,INSERT,UPDATE,DELETE')", {t}),
              std::vector<std::string>{"t"})
        << t;
  c.exec("SELECT set_config('app.org_id', 'orgA', false)");
  EXPECT_EQ(lines(c, "SELECT id FROM notifications"), std::vector<std::string>{"orgA-n"});
  EXPECT_EQ(lines(c, "SELECT id FROM tasks"), std::vector<std::string>{"orgA-t"});
  auto err = c.try_exec("INSERT INTO tasks (id, org_id, title, created_by, created_by_type) VALUES ('x', 'orgB', 't', 'u', 'user')");
  ASSERT_TRUE(err);
  EXPECT_EQ(err->sqlstate, "42501") << err->what();
  // The invite lookup crosses tenants, as public redemption needs, and only yields the org.
  admin.exec("INSERT INTO users (id, org_id, email, password_hash, name) VALUES ('uB', 'orgB', 'b@x', 'h', 'n')");
  admin.exec("INSERT INTO invites (id, org_id, token, created_by, expires_at) VALUES ('iB', 'orgB', 'AHQ-tok', 'uB', now())");
  EXPECT_EQ(lines(c, "SELECT agenthq_invite_org('AHQ-tok')"), std::vector<std::string>{"orgB"});
  EXPECT_EQ(lines(c, "SELECT count(*) FROM invites"), std::vector<std::string>{"0"});
}

TEST(MigrationsExt, BackfillPinsTheWelcomePostsOnlyWhereNoneArePinned) {
  FreshDatabase db;
  Migrator(db.conninfo(), "", files_through("020")).up();
  PgConn c(db.conninfo());
  c.exec("INSERT INTO orgs (id, name, slug) VALUES ('o', 'o', 'o')");
  for (const std::string ch : {"general", "updates", "learnings", "alerts", "audit", "random"})
    c.exec("INSERT INTO channels (id, org_id, name, type) VALUES ('c-' || $1, 'o', $1, 'public')", {ch});
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content, pinned) "
         "VALUES ('kept', 'o', 'c-alerts', 'u', 'user', 'already pinned', true)");
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) "
         "VALUES ('plain', 'o', 'c-audit', 'u', 'user', 'not pinned')");

  Migrator all(db.conninfo(), "", files_through("021"));
  EXPECT_EQ(all.up(), std::vector<std::string>{"021_pinned_post_backfill"});
  EXPECT_EQ(lines(c,
                  "SELECT c.name, p.title, p.type, p.author_id, p.author_type, p.metadata::text, length(p.id) "
                  "FROM posts p JOIN channels c ON c.id = p.channel_id WHERE p.pinned ORDER BY 1, 2"),
            (std::vector<std::string>{
                "alerts | NULL | update | u | user | {} | 4",
                "audit | Audit Trail | update | system | system | {} | 26",
                "general | Platform Manifesto: How AgentHQ Works | update | system | system | {} | 26",
                "general | Welcome to #general | update | system | system | {} | 26",
                "learnings | Learnings & Insights | insight | system | system | {} | 26",
                "updates | Agent Updates | update | system | system | {} | 26",
            }));
  EXPECT_EQ(lines(c, "SELECT count(*) FROM posts WHERE id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'"),
            std::vector<std::string>{"5"});
  EXPECT_EQ(lines(c, "SELECT count(*) FROM pg_proc WHERE proname = 'agenthq_tmp_ulid'"),
            std::vector<std::string>{"0"});

  EXPECT_EQ(all.rollback(), std::vector<std::string>{"021_pinned_post_backfill"});
  EXPECT_EQ(lines(c, "SELECT id FROM posts ORDER BY id"), (std::vector<std::string>{"kept", "plain"}));
}

TEST(MigrationsExt, SearchMatchesLeaveDeletedPostsOut) {
  FreshDatabase db;
  Migrator(db.conninfo()).up();
  PgConn c(db.conninfo());
  c.exec("INSERT INTO orgs (id, name, slug) VALUES ('o', 'o', 'o')");
  c.exec("INSERT INTO channels (id, org_id, name) VALUES ('c', 'o', 'c')");
  c.exec("INSERT INTO posts (id, org_id, channel_id, author_id, author_type, content) VALUES "
         "('live', 'o', 'c', 'a', 'agent', 'zebra crossing'), ('gone', 'o', 'c', 'a', 'agent', 'zebra stripes')");
  c.exec("UPDATE posts SET deleted_at = now() WHERE id = 'gone'");
  c.exec("SELECT set_config('app.org_id', 'o', false)");
  EXPECT_EQ(lines(c, "SELECT id FROM agenthq_match_posts('zebra')"), std::vector<std::string>{"live"});
}

}  // namespace
