// The migration runner and the schema of migrations 001–011 against real PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <functional>
#include <latch>
#include <set>
#include <string>
#include <thread>
#include <utility>
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

const std::vector<std::string> kSeedMigrations = {"001_orgs",         "002_users",         "003_agents",
                                                  "004_channels",     "005_posts",         "006_activity_log",
                                                  "007_insights",     "008_real_estate",   "009_integrations",
                                                  "010_agent_search", "011_insight_search"};

const std::vector<std::string> kSeedTables = {"orgs",
                                              "users",
                                              "agents",
                                              "channels",
                                              "channel_members",
                                              "posts",
                                              "activity_log",
                                              "insights",
                                              "re_agent_profiles",
                                              "re_transactions",
                                              "re_metrics",
                                              "integrations",
                                              "integration_sync_log",
                                              "integration_links"};

// Base names of every embedded migration, in order. Later migrations may exist; the runner
// tests cover whatever is embedded, the schema test pins 001–011.
std::vector<std::string> embedded_names() {
  std::vector<std::string> names;
  for (const auto& f : agenthq::db::embedded_sql_files()) {
    const std::string suffix = ".up.sql";
    if (f.name.size() > suffix.size() && f.name.ends_with(suffix))
      names.push_back(f.name.substr(0, f.name.size() - suffix.size()));
  }
  return names;
}

// The embedded files whose migration number is <= last (e.g. "011").
std::vector<EmbeddedSqlFile> files_through(const std::string& last) {
  std::vector<EmbeddedSqlFile> out;
  for (const auto& f : agenthq::db::embedded_sql_files())
    if (f.name.substr(0, last.size()) <= last) out.push_back(f);
  return out;
}

std::vector<std::string> reversed(std::vector<std::string> v) {
  std::reverse(v.begin(), v.end());
  return v;
}

// Each row of sql as one line, columns joined by " | ", NULL spelled NULL.
std::vector<std::string> lines(PgConn& c, const std::string& sql,
                               const std::vector<std::string>& params = {}) {
  std::vector<std::string> out;
  for (const auto& row : c.query(sql, params)) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + row[i].value_or("NULL");
    out.push_back(line);
  }
  return out;
}

// Missing and unexpected entries are listed separately: far easier to read than two long vectors.
void expect_same_set(const std::vector<std::string>& actual, const std::vector<std::string>& expected,
                     const std::string& what) {
  const std::set<std::string> a(actual.begin(), actual.end()), e(expected.begin(), expected.end());
  std::string missing, unexpected;
  for (const auto& x : e)
    if (!a.count(x)) missing += "\n  " + x;
  for (const auto& x : a)
    if (!e.count(x)) unexpected += "\n  " + x;
  EXPECT_TRUE(missing.empty() && unexpected.empty())
      << what << "\nmissing:" << (missing.empty() ? " none" : missing)
      << "\nunexpected:" << (unexpected.empty() ? " none" : unexpected);
}

// Everything a migration can create in schema public, as comparable text.
std::vector<std::string> catalog_snapshot(PgConn& c) {
  std::vector<std::string> out;
  auto add = [&](const std::string& kind, const std::string& sql) {
    for (const auto& l : lines(c, sql)) out.push_back(kind + ": " + l);
  };
  add("column",
      "SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
      "       a.attgenerated, pg_get_expr(d.adbin, d.adrelid) "
      "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
      "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
      "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 "
      "  AND NOT a.attisdropped ORDER BY 1, 2");
  add("table",
      "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
      "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1");
  add("constraint",
      "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
      "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2");
  add("index", "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
  add("trigger",
      "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
      "WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY 1");
  add("policy",
      "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies "
      "WHERE schemaname = 'public' ORDER BY 1, 2");
  add("function",
      "SELECT pg_get_functiondef(oid), proacl::text FROM pg_proc "
      "WHERE pronamespace = 'public'::regnamespace ORDER BY 1");
  return out;
}

int count(PgConn& c, const std::string& sql) { return std::stoi(c.scalar(sql).value_or("-1")); }

TEST(Migrations, UpAppliesEverythingAsOneBatchThenNothing) {
  FreshDatabase db;
  const auto names = embedded_names();
  ASSERT_GE(names.size(), kSeedMigrations.size());
  EXPECT_TRUE(std::equal(kSeedMigrations.begin(), kSeedMigrations.end(), names.begin()));

  EXPECT_EQ(Migrator(db.conninfo()).up(), names);
  PgConn c(db.conninfo());
  EXPECT_EQ(lines(c, "SELECT name FROM knex_migrations ORDER BY id"), names);
  EXPECT_EQ(lines(c, "SELECT DISTINCT batch FROM knex_migrations"), std::vector<std::string>{"1"});
  EXPECT_EQ(count(c, "SELECT count(*) FROM knex_migrations WHERE migration_time IS NULL"), 0);

  EXPECT_TRUE(Migrator(db.conninfo()).up().empty());
  EXPECT_EQ(count(c, "SELECT count(*) FROM knex_migrations"), static_cast<int>(names.size()));
  // knex reads this row; it must be unlocked whenever no runner is inside its transaction.
  EXPECT_EQ(lines(c, "SELECT is_locked FROM knex_migrations_lock"), std::vector<std::string>{"0"});
}

TEST(Migrations, StatusReportsPendingAndAppliedBatches) {
  FreshDatabase db;
  const auto names = embedded_names();
  Migrator all(db.conninfo());

  for (const auto& s : all.status()) {
    EXPECT_FALSE(s.applied) << s.name;
    EXPECT_EQ(s.batch, 0) << s.name;
  }
  ASSERT_EQ(all.status().size(), names.size());

  EXPECT_EQ(Migrator(db.conninfo(), "", files_through("005")).up(),
            std::vector<std::string>(names.begin(), names.begin() + 5));
  EXPECT_EQ(all.up(), std::vector<std::string>(names.begin() + 5, names.end()));
  auto status = all.status();
  for (std::size_t i = 0; i < status.size(); ++i) {
    EXPECT_EQ(status[i].name, names[i]);
    EXPECT_TRUE(status[i].applied) << names[i];
    EXPECT_EQ(status[i].batch, i < 5 ? 1 : 2) << names[i];
  }

  // Rollback reverts only the last batch, newest first.
  EXPECT_EQ(all.rollback(), reversed(std::vector<std::string>(names.begin() + 5, names.end())));
  status = all.status();
  for (std::size_t i = 0; i < status.size(); ++i) {
    EXPECT_EQ(status[i].applied, i < 5) << names[i];
    EXPECT_EQ(status[i].batch, i < 5 ? 1 : 0) << names[i];
  }
}

TEST(Migrations, RollbackLeavesNothingOfOurs) {
  FreshDatabase db;
  Migrator m(db.conninfo());
  m.up();
  EXPECT_EQ(m.rollback(), reversed(embedded_names()));

  PgConn c(db.conninfo());
  EXPECT_EQ(lines(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"),
            (std::vector<std::string>{"knex_migrations", "knex_migrations_lock"}));
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"), 0);
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_policies"), 0);
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"), 0);
  EXPECT_EQ(count(c, "SELECT count(*) FROM knex_migrations"), 0);
  EXPECT_TRUE(m.rollback().empty());
}

TEST(Migrations, UpRollbackUpGivesTheSameSchema) {
  FreshDatabase db;
  Migrator m(db.conninfo());
  PgConn c(db.conninfo());
  m.up();
  const auto first = catalog_snapshot(c);
  ASSERT_GT(first.size(), 100u);
  m.rollback();
  m.up();
  expect_same_set(catalog_snapshot(c), first, "schema after up, rollback, up");
}

// Contract §6, migrations 001–011, written out as PostgreSQL prints it back.
const std::string kTs = " timestamp with time zone NOT NULL DEFAULT now()";
const std::vector<std::string> kExpectedColumns = {
    "orgs.id text NOT NULL",
    "orgs.name text NOT NULL",
    "orgs.slug text NOT NULL",
    "orgs.plan text NOT NULL DEFAULT 'free'::text",
    "orgs.settings jsonb DEFAULT '{}'::jsonb",
    "orgs.created_at" + kTs,
    "orgs.updated_at" + kTs,

    "users.id text NOT NULL",
    "users.org_id text NOT NULL",
    "users.email text NOT NULL",
    "users.password_hash text NOT NULL",
    "users.name text NOT NULL",
    "users.role text NOT NULL DEFAULT 'member'::text",
    "users.created_at" + kTs,
    "users.updated_at" + kTs,

    "agents.id text NOT NULL",
    "agents.org_id text NOT NULL",
    "agents.name text NOT NULL",
    "agents.description text",
    "agents.api_key_hash text NOT NULL",
    "agents.api_key_prefix text NOT NULL",
    "agents.owner_user_id text",
    "agents.status text NOT NULL DEFAULT 'offline'::text",
    "agents.last_heartbeat timestamp with time zone",
    "agents.capabilities jsonb DEFAULT '[]'::jsonb",
    "agents.metadata jsonb DEFAULT '{}'::jsonb",
    "agents.created_at" + kTs,
    "agents.updated_at" + kTs,
    "agents.search_vector tsvector GENERATED to_tsvector('english'::regconfig, "
    "((COALESCE(name, ''::text) || ' '::text) || COALESCE(description, ''::text)))",

    "channels.id text NOT NULL",
    "channels.org_id text NOT NULL",
    "channels.name text NOT NULL",
    "channels.description text",
    "channels.type text NOT NULL DEFAULT 'public'::text",
    "channels.created_by text",
    "channels.created_at" + kTs,
    "channels.updated_at" + kTs,

    "channel_members.channel_id text NOT NULL",
    "channel_members.member_id text NOT NULL",
    "channel_members.member_type text NOT NULL",
    "channel_members.joined_at" + kTs,

    "posts.id text NOT NULL",
    "posts.org_id text NOT NULL",
    "posts.channel_id text NOT NULL",
    "posts.author_id text NOT NULL",
    "posts.author_type text NOT NULL",
    "posts.type text NOT NULL DEFAULT 'update'::text",
    "posts.title text",
    "posts.content text NOT NULL",
    "posts.metadata jsonb DEFAULT '{}'::jsonb",
    "posts.parent_id text",
    "posts.pinned boolean DEFAULT false",
    "posts.created_at" + kTs,
    "posts.updated_at" + kTs,
    "posts.search_vector tsvector GENERATED to_tsvector('english'::regconfig, "
    "((COALESCE(title, ''::text) || ' '::text) || content))",

    "activity_log.id text NOT NULL",
    "activity_log.org_id text NOT NULL",
    "activity_log.actor_id text NOT NULL",
    "activity_log.actor_type text NOT NULL",
    "activity_log.action text NOT NULL",
    "activity_log.resource_type text",
    "activity_log.resource_id text",
    "activity_log.details jsonb DEFAULT '{}'::jsonb",
    "activity_log.ip_address text",
    "activity_log.created_at" + kTs,

    "insights.id text NOT NULL",
    "insights.org_id text NOT NULL",
    "insights.type text NOT NULL",
    "insights.title text NOT NULL",
    "insights.content text NOT NULL",
    "insights.data jsonb DEFAULT '{}'::jsonb",
    "insights.source_posts jsonb DEFAULT '[]'::jsonb",
    "insights.source_agents jsonb DEFAULT '[]'::jsonb",
    "insights.confidence real",
    "insights.reviewed boolean DEFAULT false",
    "insights.created_at" + kTs,
    "insights.search_vector tsvector GENERATED to_tsvector('english'::regconfig, "
    "((COALESCE(title, ''::text) || ' '::text) || content))",

    "re_agent_profiles.agent_id text NOT NULL",
    "re_agent_profiles.role text NOT NULL",
    "re_agent_profiles.license_number text",
    "re_agent_profiles.specializations jsonb DEFAULT '[]'::jsonb",
    "re_agent_profiles.territories jsonb DEFAULT '[]'::jsonb",
    "re_agent_profiles.created_at" + kTs,
    "re_agent_profiles.updated_at" + kTs,

    "re_transactions.id text NOT NULL",
    "re_transactions.org_id text NOT NULL",
    "re_transactions.property_address text NOT NULL",
    "re_transactions.mls_number text",
    "re_transactions.status text NOT NULL DEFAULT 'prospecting'::text",
    "re_transactions.type text NOT NULL",
    "re_transactions.listing_price numeric(12,2)",
    "re_transactions.sale_price numeric(12,2)",
    "re_transactions.commission_rate numeric(5,4)",
    "re_transactions.commission_amount numeric(12,2)",
    "re_transactions.listing_agent_id text",
    "re_transactions.buyers_agent_id text",
    "re_transactions.client_name text",
    "re_transactions.key_dates jsonb DEFAULT '{}'::jsonb",
    "re_transactions.created_at" + kTs,
    "re_transactions.updated_at" + kTs,

    "re_metrics.id text NOT NULL",
    "re_metrics.org_id text NOT NULL",
    "re_metrics.agent_id text",
    "re_metrics.period text NOT NULL",
    "re_metrics.period_start date NOT NULL",
    "re_metrics.metrics jsonb DEFAULT '{}'::jsonb",
    "re_metrics.created_at" + kTs,

    "integrations.id text NOT NULL",
    "integrations.org_id text NOT NULL",
    "integrations.type text NOT NULL",
    "integrations.status text NOT NULL DEFAULT 'disconnected'::text",
    "integrations.credentials_encrypted text",
    "integrations.settings jsonb DEFAULT '{}'::jsonb",
    "integrations.last_error text",
    "integrations.last_synced_at timestamp with time zone",
    "integrations.created_at" + kTs,
    "integrations.updated_at" + kTs,

    "integration_sync_log.id text NOT NULL",
    "integration_sync_log.integration_id text NOT NULL",
    "integration_sync_log.org_id text NOT NULL",
    "integration_sync_log.operation text NOT NULL",
    "integration_sync_log.status text NOT NULL DEFAULT 'started'::text",
    "integration_sync_log.records_synced integer DEFAULT 0",
    "integration_sync_log.error text",
    "integration_sync_log.metadata jsonb DEFAULT '{}'::jsonb",
    "integration_sync_log.started_at" + kTs,
    "integration_sync_log.completed_at timestamp with time zone",

    // Ours: provider record -> imported transaction (integration re-syncs update, not duplicate).
    "integration_links.integration_id text NOT NULL",
    "integration_links.org_id text NOT NULL",
    "integration_links.external_type text NOT NULL",
    "integration_links.external_id text NOT NULL",
    "integration_links.transaction_id text NOT NULL",
};

// Primary keys, uniques and foreign keys (with their ON DELETE): "table name definition".
const std::string kOrgFk = "FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE CASCADE";
const std::vector<std::string> kExpectedConstraints = {
    "orgs orgs_pkey PRIMARY KEY (id)",
    "orgs orgs_slug_unique UNIQUE (slug)",
    "users users_pkey PRIMARY KEY (id)",
    "users users_email_unique UNIQUE (email)",
    "users users_org_id_foreign " + kOrgFk,
    "agents agents_pkey PRIMARY KEY (id)",
    "agents agents_org_id_foreign " + kOrgFk,
    "agents agents_owner_user_id_foreign FOREIGN KEY (owner_user_id) REFERENCES users(id) ON DELETE SET NULL",
    "channels channels_pkey PRIMARY KEY (id)",
    "channels channels_org_id_name_unique UNIQUE (org_id, name)",
    "channels channels_org_id_foreign " + kOrgFk,
    "channel_members channel_members_pkey PRIMARY KEY (channel_id, member_id, member_type)",
    "channel_members channel_members_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels(id) "
    "ON DELETE CASCADE",
    "posts posts_pkey PRIMARY KEY (id)",
    "posts posts_org_id_foreign " + kOrgFk,
    "posts posts_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE",
    "posts posts_parent_id_foreign FOREIGN KEY (parent_id) REFERENCES posts(id) ON DELETE SET NULL",
    "activity_log activity_log_pkey PRIMARY KEY (id)",
    "activity_log activity_log_org_id_foreign " + kOrgFk,
    "insights insights_pkey PRIMARY KEY (id)",
    "insights insights_org_id_foreign " + kOrgFk,
    "re_agent_profiles re_agent_profiles_pkey PRIMARY KEY (agent_id)",
    "re_agent_profiles re_agent_profiles_agent_id_foreign FOREIGN KEY (agent_id) REFERENCES agents(id) "
    "ON DELETE CASCADE",
    "re_transactions re_transactions_pkey PRIMARY KEY (id)",
    "re_transactions re_transactions_org_id_foreign " + kOrgFk,
    "re_transactions re_transactions_listing_agent_id_foreign FOREIGN KEY (listing_agent_id) "
    "REFERENCES agents(id) ON DELETE SET NULL",
    "re_transactions re_transactions_buyers_agent_id_foreign FOREIGN KEY (buyers_agent_id) "
    "REFERENCES agents(id) ON DELETE SET NULL",
    "re_metrics re_metrics_pkey PRIMARY KEY (id)",
    "re_metrics re_metrics_org_id_foreign " + kOrgFk,
    "re_metrics re_metrics_agent_id_foreign FOREIGN KEY (agent_id) REFERENCES agents(id) ON DELETE CASCADE",
    "integrations integrations_pkey PRIMARY KEY (id)",
    "integrations integrations_org_id_type_unique UNIQUE (org_id, type)",
    "integrations integrations_org_id_foreign " + kOrgFk,
    "integration_sync_log integration_sync_log_pkey PRIMARY KEY (id)",
    "integration_sync_log integration_sync_log_integration_id_foreign FOREIGN KEY (integration_id) "
    "REFERENCES integrations(id) ON DELETE CASCADE",
    "integration_sync_log integration_sync_log_org_id_foreign " + kOrgFk,
    "integration_links integration_links_pkey PRIMARY KEY (integration_id, external_type, external_id)",
    "integration_links integration_links_integration_id_foreign FOREIGN KEY (integration_id) "
    "REFERENCES integrations(id) ON DELETE CASCADE",
    "integration_links integration_links_org_id_foreign " + kOrgFk,
    "integration_links integration_links_transaction_id_foreign FOREIGN KEY (transaction_id) "
    "REFERENCES re_transactions(id) ON DELETE CASCADE",
};

// Indexes other than those backing a primary key or unique constraint.
const std::vector<std::string> kExpectedIndexes = {
    "CREATE INDEX users_org_id_index ON users USING btree (org_id)",
    "CREATE INDEX agents_org_id_index ON agents USING btree (org_id)",
    "CREATE INDEX agents_api_key_prefix_index ON agents USING btree (api_key_prefix)",
    "CREATE INDEX agents_owner_user_id_index ON agents USING btree (owner_user_id)",
    "CREATE INDEX agents_search_vector_idx ON agents USING gin (search_vector)",
    "CREATE INDEX agents_capabilities_idx ON agents USING gin (capabilities)",
    "CREATE INDEX agents_status_idx ON agents USING btree (status)",
    "CREATE INDEX channels_org_id_index ON channels USING btree (org_id)",
    "CREATE INDEX channel_members_member_id_index ON channel_members USING btree (member_id)",
    "CREATE INDEX posts_org_id_index ON posts USING btree (org_id)",
    "CREATE INDEX posts_channel_id_index ON posts USING btree (channel_id)",
    "CREATE INDEX posts_author_id_index ON posts USING btree (author_id)",
    "CREATE INDEX posts_parent_id_index ON posts USING btree (parent_id)",
    "CREATE INDEX posts_type_index ON posts USING btree (type)",
    "CREATE INDEX posts_search_idx ON posts USING gin (search_vector)",
    // Ours, beyond the seed (README, docs/query-plans.md): list orders served by an index.
    "CREATE INDEX posts_org_channel_listing_index ON posts USING btree (org_id, channel_id, pinned DESC, "
    "created_at DESC, id DESC) WHERE (parent_id IS NULL)",
    "CREATE INDEX posts_org_listing_index ON posts USING btree (org_id, pinned DESC, created_at DESC, id DESC) "
    "WHERE (parent_id IS NULL)",
    "CREATE INDEX posts_org_created_at_index ON posts USING btree (org_id, created_at DESC, id DESC) "
    "WHERE (parent_id IS NULL)",
    "CREATE INDEX activity_log_org_created_at_index ON activity_log USING btree (org_id, created_at DESC, id DESC)",
    "CREATE INDEX insights_org_created_at_index ON insights USING btree (org_id, created_at DESC, id DESC)",
    "CREATE INDEX agents_org_created_at_index ON agents USING btree (org_id, created_at DESC, id DESC)",
    "CREATE INDEX activity_log_org_id_index ON activity_log USING btree (org_id)",
    "CREATE INDEX activity_log_actor_id_index ON activity_log USING btree (actor_id)",
    "CREATE INDEX activity_log_action_index ON activity_log USING btree (action)",
    "CREATE INDEX activity_log_created_at_index ON activity_log USING btree (created_at)",
    "CREATE INDEX insights_org_id_index ON insights USING btree (org_id)",
    "CREATE INDEX insights_type_index ON insights USING btree (type)",
    "CREATE INDEX insights_created_at_index ON insights USING btree (created_at)",
    "CREATE INDEX insights_search_vector_idx ON insights USING gin (search_vector)",
    "CREATE INDEX re_transactions_org_id_index ON re_transactions USING btree (org_id)",
    "CREATE INDEX re_transactions_status_index ON re_transactions USING btree (status)",
    "CREATE INDEX re_transactions_listing_agent_id_index ON re_transactions USING btree (listing_agent_id)",
    "CREATE INDEX re_transactions_buyers_agent_id_index ON re_transactions USING btree (buyers_agent_id)",
    "CREATE INDEX re_metrics_org_id_index ON re_metrics USING btree (org_id)",
    "CREATE INDEX re_metrics_agent_id_index ON re_metrics USING btree (agent_id)",
    "CREATE INDEX re_metrics_org_id_period_period_start_index ON re_metrics USING btree (org_id, period, "
    "period_start)",
    "CREATE INDEX integrations_org_id_index ON integrations USING btree (org_id)",
    "CREATE INDEX integrations_type_index ON integrations USING btree (type)",
    "CREATE INDEX integrations_status_index ON integrations USING btree (status)",
    "CREATE INDEX integration_sync_log_integration_id_index ON integration_sync_log USING btree "
    "(integration_id)",
    "CREATE INDEX integration_sync_log_org_id_index ON integration_sync_log USING btree (org_id)",
    "CREATE INDEX integration_sync_log_status_index ON integration_sync_log USING btree (status)",
    "CREATE INDEX integration_links_org_id_index ON integration_links USING btree (org_id)",
    "CREATE INDEX integration_links_transaction_id_index ON integration_links USING btree (transaction_id)",
};

std::string seed_table_array() {
  std::string a = "{";
  for (const auto& t : kSeedTables) a += (a.size() > 1 ? "," : "") + t;
  return a + "}";
}

TEST(Migrations, SchemaMatchesTheContract) {
  FreshDatabase db;
  Migrator(db.conninfo(), "", files_through("011")).up();
  PgConn c(db.conninfo());
  const std::vector<std::string> tables{seed_table_array()};

  expect_same_set(lines(c,
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        "AND tablename NOT LIKE 'knex_migrations%'"),
                  kSeedTables, "tables");
  expect_same_set(lines(c,
                        "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                        "  || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                        "  || coalesce(CASE WHEN a.attgenerated = 's' THEN ' GENERATED ' ELSE ' DEFAULT ' END"
                        "              || pg_get_expr(d.adbin, d.adrelid), '') "
                        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                        "WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[]) "
                        "  AND a.attnum > 0 AND NOT a.attisdropped",
                        tables),
                  kExpectedColumns, "columns");
  expect_same_set(
      lines(c,
            "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY($1::text[])",
            tables),
      kExpectedConstraints, "constraints");
  expect_same_set(lines(c,
                        "SELECT replace(i.indexdef, 'public.', '') FROM pg_indexes i "
                        "WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[]) AND NOT EXISTS ("
                        "  SELECT 1 FROM pg_constraint k WHERE k.contype IN ('p', 'u') "
                        "    AND k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)",
                        tables),
                  kExpectedIndexes, "indexes");

  // Ours, beyond the contract: every seed table has RLS enabled (not forced) with one policy.
  std::vector<std::string> rls;
  for (const auto& t : kSeedTables) rls.push_back(t + " | t | f | tenant_isolation");
  expect_same_set(
      lines(c,
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, p.policyname "
            "FROM pg_class c LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])",
            tables),
      rls, "row-level security");
  expect_same_set(lines(c,
                        "SELECT p.oid::regprocedure::text, p.prosecdef, p.proconfig::text FROM pg_proc p "
                        "WHERE p.pronamespace = 'public'::regnamespace"),
                  {"agenthq_user_for_login(text) | t | {search_path=public}",
                   "agenthq_agents_by_key_prefix(text) | t | {search_path=public}",
                   "agenthq_activity_log_append_only() | f | NULL",
                   "agenthq_match_posts(text) | t | {search_path=public}",
                   "agenthq_match_agents(text) | t | {search_path=public}",
                   "agenthq_match_insights(text) | t | {search_path=public}"},
                  "functions");
}

// An org with one audit entry, inserted as the superuser.
void seed_org_with_activity(PgConn& c, const std::string& org) {
  c.exec("INSERT INTO orgs (id, name, slug) VALUES ($1, $1, $1)", {org});
  c.exec(
      "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action) VALUES ($1 || '-a1', $1, 'u', "
      "'user', 'x')",
      {org});
}

TEST(Migrations, ActivityLogIsAppendOnlyEvenForTheSuperuser) {
  FreshDatabase db;
  Migrator(db.conninfo()).up();
  PgConn c(db.conninfo());
  c.exec("SET client_min_messages = warning");  // TRUNCATE ... CASCADE lists every table otherwise
  seed_org_with_activity(c, "org1");

  for (const std::string sql : {"UPDATE activity_log SET action = 'y'", "DELETE FROM activity_log",
                                "TRUNCATE activity_log", "TRUNCATE orgs CASCADE"}) {
    auto err = c.try_exec(sql);
    ASSERT_TRUE(err) << sql << " succeeded";
    EXPECT_NE(std::string(err->what()).find("activity_log is append-only"), std::string::npos) << err->what();
  }
  // The cascade from orgs is a DELETE too: an org with audit entries cannot be deleted.
  EXPECT_TRUE(c.try_exec("DELETE FROM orgs"));
  c.exec(
      "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action) VALUES ('a2', 'org1', 'u', "
      "'user', 'y')");
  EXPECT_EQ(lines(c, "SELECT id, action FROM activity_log ORDER BY id"),
            (std::vector<std::string>{"a2 | y", "org1-a1 | x"}));
}

TEST(Migrations, AppRoleIsFencedByRowLevelSecurityAndPrivileges) {
  TempRole app("agenthq_app");  // declared first: destroyed after the database
  TempRole stranger("agenthq_other");
  FreshDatabase db;
  Migrator(db.conninfo(), app.name()).up();

  PgConn admin(db.conninfo());
  for (const std::string org : {"orgA", "orgB"}) {
    seed_org_with_activity(admin, org);
    admin.exec(
        "INSERT INTO users (id, org_id, email, password_hash, name) VALUES ($1 || '-u', $1, $1 || '@x', 'h', "
        "'n')",
        {org});
    admin.exec(
        "INSERT INTO agents (id, org_id, name, api_key_hash, api_key_prefix) "
        "VALUES ($1 || '-ag', $1, 'a', 'hash-' || $1, 'ahq_' || $1)",
        {org});
  }

  PgConn c(app.conninfo(db.conninfo()));
  EXPECT_EQ(count(c, "SELECT count(*) FROM users"), 0) << "no tenant set: nothing visible";
  c.exec("SELECT set_config('app.org_id', 'orgA', false)");
  EXPECT_EQ(lines(c, "SELECT id FROM users"), std::vector<std::string>{"orgA-u"});
  EXPECT_EQ(lines(c, "SELECT id FROM orgs"), std::vector<std::string>{"orgA"});
  EXPECT_EQ(count(c, "SELECT count(*) FROM users WHERE id = 'orgB-u'"), 0);
  EXPECT_EQ(
      count(c, "WITH d AS (DELETE FROM users WHERE org_id = 'orgB' RETURNING 1) SELECT count(*) FROM d"), 0);

  auto err = c.try_exec(
      "INSERT INTO users (id, org_id, email, password_hash, name) VALUES ('x', 'orgB', 'x@x', 'h', 'n')");
  ASSERT_TRUE(err);
  EXPECT_EQ(err->sqlstate, "42501") << err->what();  // new row violates row-level security policy

  // The audit trail: readable and appendable, nothing else, by privilege before any trigger.
  c.exec(
      "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action) VALUES ('a3', 'orgA', 'u', "
      "'user', 'z')");
  EXPECT_EQ(count(c, "SELECT count(*) FROM activity_log"), 2);
  for (const std::string sql :
       {"DELETE FROM activity_log", "UPDATE activity_log SET action = 'q'", "TRUNCATE activity_log"}) {
    err = c.try_exec(sql);
    ASSERT_TRUE(err) << sql;
    EXPECT_EQ(err->sqlstate, "42501") << err->what();
    EXPECT_NE(std::string(err->what()).find("permission denied"), std::string::npos) << err->what();
  }

  // Pre-tenant lookups cross orgs through the SECURITY DEFINER functions.
  EXPECT_EQ(lines(c, "SELECT id, org_id, email, role, password_hash FROM agenthq_user_for_login('orgB@x')"),
            std::vector<std::string>{"orgB-u | orgB | orgB@x | member | h"});
  EXPECT_TRUE(lines(c, "SELECT id FROM agenthq_user_for_login('ORGB@X')").empty()) << "match is exact";
  EXPECT_EQ(lines(c, "SELECT id, org_id, api_key_hash FROM agenthq_agents_by_key_prefix('ahq_orgB')"),
            std::vector<std::string>{"orgB-ag | orgB | hash-orgB"});

  // ... but only for the role the migrator granted them to.
  err = PgConn(stranger.conninfo(db.conninfo())).try_exec("SELECT * FROM agenthq_user_for_login('orgB@x')");
  ASSERT_TRUE(err);
  EXPECT_EQ(err->sqlstate, "42501") << err->what();
}

TEST(Migrations, ConcurrentUpsSerialise) {
  FreshDatabase db;
  std::latch start(2);
  std::vector<std::string> applied[2];
  std::exception_ptr errors[2];
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      try {
        Migrator m(db.conninfo());
        start.arrive_and_wait();
        applied[i] = m.up();
      } catch (...) {
        errors[i] = std::current_exception();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (auto& e : errors) {
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      ADD_FAILURE() << "concurrent up failed: " << ex.what();
    }
  }

  const auto names = embedded_names();
  EXPECT_EQ(applied[0].size() + applied[1].size(), names.size()) << "exactly one runner applies the batch";
  EXPECT_TRUE(applied[0] == names || applied[1] == names);
  PgConn c(db.conninfo());
  EXPECT_EQ(lines(c, "SELECT name FROM knex_migrations ORDER BY id"), names);
  EXPECT_EQ(lines(c, "SELECT is_locked FROM knex_migrations_lock"), std::vector<std::string>{"0"});
}

TEST(Migrations, AFailingMigrationUndoesTheWholeBatch) {
  FreshDatabase db;
  auto files = files_through("011");
  files.push_back({"012_broken.up.sql", "CREATE TABLE broken_marker (id int);\nSELECT 1 / 0;"});
  files.push_back({"012_broken.down.sql", "DROP TABLE broken_marker;"});
  Migrator m(db.conninfo(), "", files);

  try {
    m.up();
    ADD_FAILURE() << "up() should have failed";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("012_broken"), std::string::npos) << what;
    EXPECT_NE(what.find("division by zero"), std::string::npos) << what;
  }
  PgConn c(db.conninfo());
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
  for (const auto& s : m.status()) EXPECT_FALSE(s.applied) << s.name;
}

TEST(Migrations, RefusesADatabaseWithUnknownMigrations) {
  FreshDatabase db;
  Migrator m(db.conninfo());
  m.up();
  PgConn c(db.conninfo());
  c.exec(
      "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('999_from_the_future', 2, now())");

  for (const auto& [what, op] : std::vector<std::pair<std::string, std::function<void()>>>{
           {"up", [&] { m.up(); }}, {"rollback", [&] { m.rollback(); }}, {"status", [&] { m.status(); }}}) {
    try {
      op();
      ADD_FAILURE() << what << " should have refused";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("999_from_the_future"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'orgs'"), 1) << "rollback did nothing";
}

TEST(Migrations, RefusesToGrantToTheMigratingRoleItself) {
  FreshDatabase db;
  try {
    Migrator(db.conninfo(), "postgres").up();
    ADD_FAILURE() << "up() should have refused";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("separate role"), std::string::npos) << e.what();
  }
}

}  // namespace
