#include "verticals/real_estate/integrations/transaction_import.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/activity/audit.hpp"
#include "verticals/real_estate/integrations/integration_store.hpp"
#include "util/ulid.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

const std::string kTransactionColumns =
    "id, org_id, property_address, mls_number, status, type, listing_price, sale_price, commission_rate, "
    "commission_amount, listing_agent_id, buyers_agent_id, client_name, key_dates, created_at, updated_at";

json::value optional_text(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

// The records as one jsonb array for jsonb_to_recordset: one parameter, whatever the count.
std::string records_json(const std::vector<ImportRecord>& records) {
  json::array out;
  out.reserve(records.size());
  for (const auto& r : records) {
    json::object o;
    o["external_id"] = r.external_id;
    o["new_id"] = util::new_ulid();
    o["property_address"] = r.property_address;
    o["mls_number"] = optional_text(r.mls_number);
    o["status"] = r.status;
    o["type"] = r.type;
    o["listing_price"] = optional_text(r.listing_price);
    o["sale_price"] = optional_text(r.sale_price);
    o["client_name"] = optional_text(r.client_name);
    o["key_dates"] = r.key_dates;
    out.push_back(std::move(o));
  }
  return json::serialize(out);
}

// $1 org, $2 integration, $3 external type, $4 records, $5 sync log. Fields the provider leaves
// empty keep the hub's value; agents and commission are never touched. A row whose values would
// not change is not rewritten (its updated_at stays, no event is raised).
const std::string kUpsert =
    "WITH items AS (SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(external_id text, new_id text, "
    "  property_address text, mls_number text, status text, type text, listing_price numeric, sale_price numeric, "
    "  client_name text, key_dates jsonb)), "
    "linked AS (SELECT i.*, l.transaction_id FROM items i LEFT JOIN integration_links l ON l.org_id = $1 "
    "  AND l.integration_id = $2 AND l.external_type = $3 AND l.external_id = i.external_id), "
    "next AS (SELECT t.id, k.property_address, COALESCE(k.mls_number, t.mls_number) AS mls_number, k.status, k.type, "
    "  COALESCE(k.listing_price, t.listing_price) AS listing_price, COALESCE(k.sale_price, t.sale_price) AS sale_price, "
    "  COALESCE(k.client_name, t.client_name) AS client_name, "
    "  COALESCE(t.key_dates, '{}'::jsonb) || COALESCE(k.key_dates, '{}'::jsonb) AS key_dates "
    "  FROM linked k JOIN re_transactions t ON t.org_id = $1 AND t.id = k.transaction_id "
    "  WHERE (t.property_address, t.mls_number, t.status, t.type, t.listing_price, t.sale_price, t.client_name, "
    "         t.key_dates) IS DISTINCT FROM (k.property_address, COALESCE(k.mls_number, t.mls_number), k.status, "
    "         k.type, COALESCE(k.listing_price, t.listing_price), COALESCE(k.sale_price, t.sale_price), "
    "         COALESCE(k.client_name, t.client_name), COALESCE(t.key_dates, '{}'::jsonb) || "
    "         COALESCE(k.key_dates, '{}'::jsonb))), "
    "updated AS (UPDATE re_transactions t SET property_address = n.property_address, mls_number = n.mls_number, "
    "  status = n.status, type = n.type, listing_price = n.listing_price, sale_price = n.sale_price, "
    "  client_name = n.client_name, key_dates = n.key_dates, updated_at = now() FROM next n "
    "  WHERE t.org_id = $1 AND t.id = n.id RETURNING t.*), "
    "created AS (INSERT INTO re_transactions (id, org_id, property_address, mls_number, status, type, listing_price, "
    "  sale_price, client_name, key_dates) SELECT k.new_id, $1, k.property_address, k.mls_number, k.status, k.type, "
    "  k.listing_price, k.sale_price, k.client_name, COALESCE(k.key_dates, '{}'::jsonb) FROM linked k "
    "  WHERE k.transaction_id IS NULL RETURNING *), "
    "links AS (INSERT INTO integration_links (integration_id, org_id, external_type, external_id, transaction_id) "
    "  SELECT $2, $1, $3, c.external_id, c.new_id FROM linked c WHERE c.transaction_id IS NULL), "
    "logged AS (UPDATE integration_sync_log SET status = 'completed', error = NULL, completed_at = now(), "
    "  records_synced = (SELECT count(*) FROM items), metadata = jsonb_build_object('fetched', (SELECT count(*) FROM "
    "  items), 'created', (SELECT count(*) FROM created), 'updated', (SELECT count(*) FROM updated), 'unchanged', "
    "  (SELECT count(*) FROM items) - (SELECT count(*) FROM created) - (SELECT count(*) FROM updated)) "
    "  WHERE org_id = $1 AND id = $5) "
    "SELECT 'updated' AS imported_as, " + kTransactionColumns + " FROM updated "
    "UNION ALL SELECT 'created', " + kTransactionColumns + " FROM created";

}  // namespace

asio::awaitable<ImportResult> TransactionImport::apply(const std::string& org_id, const ImportBatch& import,
                                                       const hub::AuditEntry& audit) {
  const std::string& integration_id = import.integration_id;
  const std::string& sync_log_id = import.sync_log_id;
  std::vector<db::Statement> batch;
  batch.emplace_back(kUpsert,
                     std::vector<db::Param>{org_id, integration_id, import.external_type, records_json(import.records), sync_log_id});
  batch.emplace_back(
      "SELECT id, integration_id, org_id, operation, status, records_synced, error, metadata, started_at, "
      "completed_at FROM integration_sync_log WHERE org_id = $1 AND id = $2",
      std::vector<db::Param>{org_id, sync_log_id});
  batch.push_back(IntegrationStore::synced_statement(org_id, integration_id));
  // The entry carries the run's counts, read back from the sync-log row the first statement completed.
  db::SqlParams audit_params({org_id, sync_log_id});
  const std::string resource_id = audit_params.bind(integration_id);
  std::string audit_sql = hub::audit_insert_from(
      audit, audit_params, "integration_sync_log l WHERE l.org_id = $1 AND l.id = $2", resource_id,
      "l.metadata || jsonb_build_object('operation', l.operation, 'records_synced', l.records_synced)");
  batch.emplace_back(std::move(audit_sql), audit_params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  ImportResult out;
  const auto& rows = results[0];
  for (int i = 0; i < rows.rows(); ++i) {
    json::object row = rows.row_json(i);
    const bool created = row.at("imported_as").as_string() == "created";
    row.erase("imported_as");
    (created ? out.created : out.updated).push_back(std::move(row));
  }
  if (!results[1].empty()) out.sync_log = results[1].row_json(0);
  if (!results[2].empty()) out.integration = results[2].row_json(0);
  co_return out;
}

}  // namespace agenthq::verticals::real_estate::integrations
