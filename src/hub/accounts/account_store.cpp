#include "hub/accounts/account_store.hpp"

#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "hub/accounts/default_channels.hpp"
#include "hub/agents/agent_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {
constexpr const char* kOrgColumns = "id, name, slug, plan, settings, created_at, updated_at";
}

AccountStore::AccountStore(db::Database& db, std::chrono::seconds presence_timeout)
    : db_(db), agent_columns_(agent_columns(presence_timeout)) {}

asio::awaitable<AccountStore::Registered> AccountStore::register_organisation(const NewOrganisation& n) {
  const std::string org_id = util::new_ulid();
  const std::string user_id = util::new_ulid();
  std::vector<Statement> batch;
  batch.push_back({std::string("INSERT INTO orgs (id, name, slug) VALUES ($1, $2, $3) RETURNING ") + kOrgColumns,
                   {org_id, n.org_name, n.org_slug}});
  for (const auto& ch : default_channels()) {
    const std::string channel_id = util::new_ulid();
    batch.push_back({"INSERT INTO channels (id, org_id, name, description, type) VALUES ($1, $2, $3, $4, $5)",
                     {channel_id, org_id, ch.name, ch.description, ch.type}});
    for (const auto& post : ch.pinned)
      batch.push_back({"INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, "
                       "metadata, pinned) VALUES ($1, $2, $3, 'system', 'system', $4, $5, $6, '{}', true)",
                       {util::new_ulid(), org_id, channel_id, post.type, post.title, post.content}});
  }
  batch.push_back({"INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, $5, "
                   "'owner') RETURNING id, email, name, role",
                   {user_id, org_id, n.email, n.password_hash, n.user_name}});
  Registered out;
  try {
    auto results = co_await db_.run(db::Scope::org(org_id), std::move(batch));
    out.org = results.front().row_json(0);
    out.user = results.back().row_json(0);
  } catch (const db::PgError& e) {
    // The pipeline stops at the first failure, so a taken slug is reported before a taken email.
    if (e.is_unique_violation() && e.constraint() == "orgs_slug_unique") {
      out.conflict = RegisterConflict::slug_taken;
    } else if (e.is_unique_violation() && e.constraint() == "users_email_unique") {
      out.conflict = RegisterConflict::email_taken;
    } else {
      throw;
    }
  }
  co_return out;
}

asio::awaitable<std::optional<LoginRecord>> AccountStore::find_login(const std::string& email) {
  db::Statement lookup("SELECT id, org_id, email, name, role, password_hash FROM agenthq_user_for_login($1)", {email});
  auto r = co_await db_.query(db::Scope::none(), std::move(lookup));
  if (r.empty()) co_return std::nullopt;
  co_return LoginRecord{std::string(r.text(0, 0)), std::string(r.text(0, 1)), std::string(r.text(0, 2)),
                        std::string(r.text(0, 3)), std::string(r.text(0, 4)), std::string(r.text(0, 5))};
}

asio::awaitable<void> AccountStore::record(const AuditEntry& entry) {
  co_await db_.query(db::Scope::org(entry.org_id), audit_statement(entry));
}

asio::awaitable<std::optional<std::string>> AccountStore::current_role(const std::string& user_id,
                                                                      const std::string& org_id) {
  db::Statement select("SELECT role FROM users WHERE org_id = $1 AND id = $2", {org_id, user_id});
  auto r = co_await db_.query(db::Scope::org(org_id), std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return std::string(r.text(0, 0));
}

asio::awaitable<void> AccountStore::add_user(const std::string& org_id, const std::string& email,
                                             const std::string& password_hash, const std::string& name,
                                             const std::string& role) {
  db::Statement insert(
      "INSERT INTO users (id, org_id, email, password_hash, name, role) VALUES ($1, $2, $3, $4, $5, $6)",
      {util::new_ulid(), org_id, email, password_hash, name, role});
  co_await db_.query(db::Scope::org(org_id), std::move(insert));
}

asio::awaitable<json::object> AccountStore::create_agent(const NewAgent& a, const AuditEntry& audit) {
  const std::string id = util::new_ulid();
  AuditEntry entry = audit;  // same id, so the caller can announce it
  entry.resource_id = id;
  entry.details["name"] = a.name;
  std::vector<Statement> batch;
  batch.push_back({"INSERT INTO agents (id, org_id, name, description, api_key_hash, api_key_prefix, owner_user_id) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + agent_columns_,
                   {id, a.org_id, a.name, a.description, a.api_key_hash, a.api_key_prefix, a.owner_user_id}});
  batch.push_back(audit_statement(entry));
  auto results = co_await db_.run(db::Scope::org(a.org_id), std::move(batch));
  co_return results.front().row_json(0);
}

}  // namespace agenthq::hub
