// Writes a sync run's records into re_transactions in ONE batch (one transaction): each record
// creates a transaction and its integration_links row, or updates the transaction the link
// points at. The sync-log row is completed, last_synced_at set and the audit entry written in
// the same batch, so either all of it is there or none.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "hub/activity/audit.hpp"
#include "verticals/real_estate/integrations/import_record.hpp"

namespace agenthq::verticals::real_estate::integrations {

// One sync run's records for one integration, and the sync-log row the run completes.
struct ImportBatch {
  std::string integration_id;
  std::string external_type;  // fub_deal, dotloop_loop
  std::vector<ImportRecord> records;  // distinct external ids
  std::string sync_log_id;
};

struct ImportResult {
  boost::json::array created;  // Transaction rows
  boost::json::array updated;  // Transaction rows that changed (unchanged ones are not rewritten)
  boost::json::object sync_log;
  boost::json::object integration;
};

class TransactionImport {
 public:
  explicit TransactionImport(db::Database& db) : db_(db) {}

  // The audit entry's details gain the run's counts. Use TransactionService::import, which
  // announces what this wrote.
  boost::asio::awaitable<ImportResult> apply(const std::string& org_id, const ImportBatch& batch,
                                             const hub::AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate::integrations
