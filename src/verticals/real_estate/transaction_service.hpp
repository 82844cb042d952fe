#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/services.hpp"
#include "verticals/real_estate/integrations/transaction_import.hpp"
#include "verticals/real_estate/transaction_store.hpp"

namespace agenthq::verticals::real_estate {

// Transactions end to end (the hub's pattern, see hub/posts/post_service.hpp): the store's
// checked write, the audit entry, and the announcements after commit, for the API's writes
// and the providers' imports alike.
class TransactionService {
 public:
  explicit TransactionService(hub::Services& s) : s_(s), store_(s.db) {}

  // transaction.created; announces transaction:new.
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const NewTransaction& t);
  boost::asio::awaitable<TransactionPage> list(const auth::Identity& who, const TransactionFilter& filter,
                                               std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& id);
  // transaction.updated (details.fields: the fields the request named); announces transaction:updated.
  boost::asio::awaitable<boost::json::object> update(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id, const TransactionChanges& changes,
                                                     boost::json::array fields);
  // A provider sync run (integration.synced, `audit` by whoever started it): every record's
  // transaction, the sync-log row and the audit entry in one transaction; then the org's
  // metrics are rebuilt and transaction:new / transaction:updated announced for each row written.
  boost::asio::awaitable<integrations::ImportResult> import(const std::string& org_id,
                                                            const integrations::ImportBatch& batch,
                                                            const hub::AuditEntry& audit);

 private:
  hub::Services& s_;
  TransactionStore store_;
};

}  // namespace agenthq::verticals::real_estate
