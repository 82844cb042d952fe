// SQL of integration_sync_log (contract 7.6): one row per logged provider call or sync run,
// started -> completed | failed.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace agenthq::verticals::real_estate::integrations {

struct SyncLogPage {
  bool integration_found = false;
  boost::json::array items;
  std::int64_t total = 0;
};

class SyncLogStore {
 public:
  explicit SyncLogStore(db::Database& db) : db_(db) {}

  // Inserts a started row and returns its id (committed at once, so a run in progress is visible).
  boost::asio::awaitable<std::string> start(const std::string& org_id, const std::string& integration_id,
                                            const std::string& operation);
  boost::asio::awaitable<std::optional<boost::json::object>> complete(const std::string& org_id,
                                                                      const std::string& log_id,
                                                                      std::int64_t records,
                                                                      const boost::json::object& metadata);
  // error nullopt: the failure had no message (stored as NULL, as the contract says). A run that
  // completed stays completed (a failure after its commit does not undo the import).
  boost::asio::awaitable<void> fail(const std::string& org_id, const std::string& log_id,
                                    const std::optional<std::string>& error);
  // The completed-row update as a statement, for a batch that must commit with it.
  static db::Statement complete_statement(const std::string& org_id, const std::string& log_id, std::int64_t records,
                                          const boost::json::object& metadata);

  // started_at desc; integration_found false when the id is not an integration of the org.
  boost::asio::awaitable<SyncLogPage> list(const std::string& org_id, const std::string& integration_id,
                                           std::int64_t limit, std::int64_t offset);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate::integrations
