// POST /integrations/{type}/sync (ours): one run per call, recorded in integration_sync_log.
//   fub        every deal -> re_transactions              (one row, fub:listDeals)
//   dotloop    every loop -> re_transactions              (one row, dotloop:listLoops)
//   quickbooks the four entity queries, counted, nothing imported: no hub table holds accounting
//              data (rows quickbooks:queryAccounts, ...Invoices, ...Payments, ...Bills)
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>

#include "hub/activity/audit.hpp"
#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

// Runs the sync and returns the sync-log rows it wrote. Upstream failures are logged as failed and
// rethrown; imported rows commit together with the completed log row, the integration's
// last_synced_at and the audit entry (integration.synced), then are announced.
boost::asio::awaitable<boost::json::array> run_sync(ProviderSession& session, const hub::AuditEntry& audit);

}  // namespace agenthq::verticals::real_estate::integrations
