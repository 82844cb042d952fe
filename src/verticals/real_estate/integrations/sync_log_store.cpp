#include "verticals/real_estate/integrations/sync_log_store.hpp"

#include <boost/json.hpp>

#include "util/ulid.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
const std::string kColumns =
    "id, integration_id, org_id, operation, status, records_synced, error, metadata, started_at, completed_at";
}

asio::awaitable<std::string> SyncLogStore::start(const std::string& org_id, const std::string& integration_id,
                                                 const std::string& operation) {
  const std::string id = util::new_ulid();
  db::Statement insert("INSERT INTO integration_sync_log (id, integration_id, org_id, operation, status) "
                       "VALUES ($1, $2, $3, $4, 'started')",
                       {id, integration_id, org_id, operation});
  const db::Scope scope = db::Scope::org(org_id);
  co_await db_.query(scope, std::move(insert));
  co_return id;
}

db::Statement SyncLogStore::complete_statement(const std::string& org_id, const std::string& log_id,
                                               std::int64_t records, const json::object& metadata) {
  return db::Statement("UPDATE integration_sync_log SET status = 'completed', records_synced = $3::int, error = NULL, "
                       "metadata = $4::jsonb, completed_at = now() WHERE org_id = $1 AND id = $2 RETURNING " +
                           kColumns,
                       {org_id, log_id, std::to_string(records), json::serialize(metadata)});
}

asio::awaitable<std::optional<json::object>> SyncLogStore::complete(const std::string& org_id,
                                                                    const std::string& log_id, std::int64_t records,
                                                                    const json::object& metadata) {
  db::Statement update = complete_statement(org_id, log_id, records, metadata);
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<void> SyncLogStore::fail(const std::string& org_id, const std::string& log_id,
                                         const std::optional<std::string>& error) {
  db::Statement update("UPDATE integration_sync_log SET status = 'failed', records_synced = 0, error = $3, "
                       "metadata = '{}'::jsonb, completed_at = now() WHERE org_id = $1 AND id = $2 "
                       "AND status = 'started'",
                       {org_id, log_id, error});
  const db::Scope scope = db::Scope::org(org_id);
  co_await db_.query(scope, std::move(update));
}

asio::awaitable<SyncLogPage> SyncLogStore::list(const std::string& org_id, const std::string& integration_id,
                                                std::int64_t limit, std::int64_t offset) {
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT count(*) FROM integrations WHERE org_id = $1 AND id = $2",
                     std::vector<db::Param>{org_id, integration_id});
  batch.emplace_back("SELECT count(*) FROM integration_sync_log WHERE org_id = $1 AND integration_id = $2",
                     std::vector<db::Param>{org_id, integration_id});
  batch.emplace_back("SELECT " + kColumns + " FROM integration_sync_log WHERE org_id = $1 AND integration_id = $2 "
                     "ORDER BY started_at DESC, id DESC LIMIT $3::bigint OFFSET $4::bigint",
                     std::vector<db::Param>{org_id, integration_id, std::to_string(limit), std::to_string(offset)});
  const db::Scope scope = db::Scope::org(org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  SyncLogPage page;
  page.integration_found = results[0].integer(0, 0) > 0;
  page.total = results[1].integer(0, 0);
  page.items = results[2].rows_json();
  co_return page;
}

}  // namespace agenthq::verticals::real_estate::integrations
