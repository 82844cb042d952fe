// SQL of the integrations table. The Integration JSON never holds credentials_encrypted; the
// sealed text is read only by find_by_type, for the provider clients.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::verticals::real_estate::integrations {

// One integration row as the provider clients need it.
struct StoredIntegration {
  std::string id;
  std::string status;
  std::optional<std::string> sealed_credentials;
  boost::json::object settings;
};

class IntegrationStore {
 public:
  explicit IntegrationStore(db::Database& db) : db_(db) {}

  // Upsert by (org, type) (contract 3.15): new sealed credentials, settings replaced when given,
  // status connected, last_error cleared. The audit entry is written by the same statement.
  boost::asio::awaitable<boost::json::object> connect(const std::string& org_id, const std::string& type,
                                                      const std::string& sealed,
                                                      const std::optional<boost::json::object>& settings,
                                                      const hub::AuditEntry& audit);
  boost::asio::awaitable<boost::json::array> list(const std::string& org_id);  // newest first
  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id, const std::string& id);
  boost::asio::awaitable<std::optional<StoredIntegration>> find_by_type(const std::string& org_id,
                                                                        const std::string& type);
  // status disconnected, credentials dropped.
  boost::asio::awaitable<std::optional<boost::json::object>> disconnect(const std::string& org_id,
                                                                        const std::string& id,
                                                                        const hub::AuditEntry& audit);
  boost::asio::awaitable<bool> remove(const std::string& org_id, const std::string& id, const hub::AuditEntry& audit);

  // The outcome of a connection check: connected (last_error cleared, last_synced_at now) or
  // error with its message. With `only_if_sealed`, nothing changes unless the row still holds
  // exactly those credentials (a check that raced a reconnect or disconnect must not win).
  boost::asio::awaitable<std::optional<boost::json::object>> record_check(
      const std::string& org_id, const std::string& id, bool ok, const std::string& message,
      const std::optional<std::string>& only_if_sealed);
  // Refreshed OAuth tokens, written back sealed (updated_at bumped) if the row still holds the
  // credentials they were refreshed from: a reconnect or disconnect meanwhile wins.
  boost::asio::awaitable<void> replace_credentials(const std::string& org_id, const std::string& id,
                                                   const std::string& sealed, const std::string& previous);
  // status error, last_error "Token refresh failed" (contract 7.4), under the same condition.
  boost::asio::awaitable<std::optional<boost::json::object>> mark_refresh_failed(const std::string& org_id,
                                                                                 const std::string& id,
                                                                                 const std::string& previous);

  // last_synced_at (and updated_at) now, RETURNING the Integration: for the batch of a sync run,
  // so it commits with the run's rows and audit entry.
  static db::Statement synced_statement(const std::string& org_id, const std::string& id);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate::integrations
