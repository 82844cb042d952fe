#include "verticals/real_estate/transaction_service.hpp"

#include "http/api_error.hpp"
#include "util/ulid.hpp"
#include "verticals/real_estate/pipeline.hpp"
#include "verticals/real_estate/rollup.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

namespace {

void check(const TransactionWritten& w, const std::optional<std::string>& wanted_status) {
  switch (w.outcome) {
    case TransactionWrite::done:
      return;
    case TransactionWrite::not_found:
      throw ApiError::not_found("Transaction");
    case TransactionWrite::unknown_listing_agent:
      throw ApiError::validation("listing_agent_id is not an agent of this organisation");
    case TransactionWrite::unknown_buyers_agent:
      throw ApiError::validation("buyers_agent_id is not an agent of this organisation");
    case TransactionWrite::refused_move:
      throw ApiError::validation(refused_move_message(w.status_before, wanted_status.value_or(w.status_before)));
  }
}

}  // namespace

asio::awaitable<json::object> TransactionService::create(const auth::Identity& who, const std::string& ip,
                                                         const NewTransaction& t) {
  json::object details{{"property_address", t.property_address}, {"type", t.type}};
  hub::AuditEntry audit =
      hub::audit_by(who, "transaction.created", "transaction", util::new_ulid(), ip, std::move(details));
  auto written = co_await store_.create(who.org_id, t, audit);
  check(written, std::nullopt);
  s_.announce(audit);
  s_.events.org_event(who.org_id, "transaction:new", written.transaction);
  co_return std::move(written.transaction);
}

asio::awaitable<TransactionPage> TransactionService::list(const auth::Identity& who, const TransactionFilter& filter,
                                                          std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who.org_id, filter, limit, offset);
}

asio::awaitable<json::object> TransactionService::find(const auth::Identity& who, const std::string& id) {
  auto t = co_await store_.find(who.org_id, id);
  if (!t) throw ApiError::not_found("Transaction");
  co_return std::move(*t);
}

asio::awaitable<json::object> TransactionService::update(const auth::Identity& who, const std::string& ip,
                                                         const std::string& id, const TransactionChanges& changes,
                                                         json::array fields) {
  json::object details;
  details["fields"] = std::move(fields);
  hub::AuditEntry audit = hub::audit_by(who, "transaction.updated", "transaction", id, ip, std::move(details));
  auto written = co_await store_.update(who.org_id, id, changes, audit);
  check(written, changes.status);
  s_.announce(audit);
  s_.events.org_event(who.org_id, "transaction:updated", written.transaction);
  co_return std::move(written.transaction);
}

asio::awaitable<integrations::ImportResult> TransactionService::import(const std::string& org_id,
                                                                       const integrations::ImportBatch& batch,
                                                                       const hub::AuditEntry& audit) {
  integrations::TransactionImport importer(s_.db);
  auto result = co_await importer.apply(org_id, batch, audit);
  // Imported deals feed the computed metrics: rebuild the org's rollup (its own transaction,
  // after the import committed, so no row lock is held while it takes the org's metrics lock).
  if (!result.created.empty() || !result.updated.empty()) co_await rollup_org(s_.db, org_id);
  for (const auto& t : result.created) s_.events.org_event(org_id, "transaction:new", t.as_object());
  for (const auto& t : result.updated) s_.events.org_event(org_id, "transaction:updated", t.as_object());
  s_.announce(audit);
  co_return result;
}

}  // namespace agenthq::verticals::real_estate
