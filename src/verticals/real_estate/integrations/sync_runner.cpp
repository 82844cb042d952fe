#include "verticals/real_estate/integrations/sync_runner.hpp"

#include <boost/json.hpp>

#include "verticals/real_estate/integrations/integration_store.hpp"
#include "verticals/real_estate/integrations/provider_fetch.hpp"
#include "verticals/real_estate/integrations/quickbooks_client.hpp"
#include "verticals/real_estate/transaction_service.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

asio::awaitable<json::array> import_transactions(ProviderSession& s, const hub::AuditEntry& audit) {
  const bool fub = s.provider() == Provider::fub;
  const std::string op = fub ? "fub:listDeals" : "dotloop:listLoops";
  const std::string external_type = fub ? "fub_deal" : "dotloop_loop";
  const std::string log_id = co_await s.log_started(op);

  std::exception_ptr error;
  ImportResult result;
  try {
    ImportBatch batch{s.integration_id(), external_type, {}, log_id};
    if (fub) {
      batch.records = co_await fetch_fub_deals(s);
    } else {
      batch.records = co_await fetch_dotloop_loops(s);
    }
    TransactionService transactions(s.env().services);
    result = co_await transactions.import(s.org_id(), batch, audit);
  } catch (...) {
    error = std::current_exception();
  }
  if (error) {
    co_await s.log_failed(log_id, error);
    std::rethrow_exception(error);
  }
  if (!result.integration.empty()) s.env().announce(s.org_id(), result.integration);
  json::array logs;
  logs.push_back(result.sync_log);
  co_return logs;
}

asio::awaitable<json::array> count_accounting(ProviderSession& s, const hub::AuditEntry& audit) {
  QuickBooksClient qbo(s);
  json::array logs;
  json::object counts;
  for (const char* entity : {"Account", "Invoice", "Payment", "Bill"}) {
    const std::string name = entity;
    co_await s.ensure_fresh();
    const std::string op = "quickbooks:query" + name + "s";
    const std::string log_id = co_await s.log_started(op);
    std::exception_ptr error;
    std::int64_t n = 0;
    try {
      json::value body = co_await qbo.query(name, true, Logging::quiet);
      n = count_items(body.at("QueryResponse"), name);
    } catch (...) {
      error = std::current_exception();
    }
    if (error) {
      co_await s.log_failed(log_id, error);
      std::rethrow_exception(error);
    }
    const json::object no_metadata;
    auto row = co_await s.log_completed(log_id, n, no_metadata);
    if (row) logs.push_back(*row);
    counts[name] = n;
  }
  // last_synced_at and the audit entry, together.
  hub::AuditEntry entry = audit;
  entry.resource_id = s.integration_id();
  entry.details["counts"] = counts;
  std::vector<db::Statement> batch;
  batch.push_back(IntegrationStore::synced_statement(s.org_id(), s.integration_id()));
  batch.push_back(hub::audit_statement(entry));
  const db::Scope scope = db::Scope::org(s.org_id());
  auto results = co_await s.env().services.db.run(scope, std::move(batch));
  s.env().services.announce(entry);
  if (!results[0].empty()) s.env().announce(s.org_id(), results[0].row_json(0));
  co_return logs;
}

}  // namespace

asio::awaitable<json::array> run_sync(ProviderSession& session, const hub::AuditEntry& audit) {
  if (session.provider() == Provider::quickbooks) co_return co_await count_accounting(session, audit);
  co_return co_await import_transactions(session, audit);
}

}  // namespace agenthq::verticals::real_estate::integrations
