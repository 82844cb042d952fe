#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::verticals::real_estate {

// A field a PATCH may set or clear: nullopt = leave it, holds nullopt = set NULL.
using Settable = std::optional<std::optional<std::string>>;

// POST /re/transactions, already validated. Numbers are decimal text (re_input.hpp).
struct NewTransaction {
  std::string property_address;
  std::string type;  // buy | sell | lease
  std::optional<std::string> mls_number;
  std::optional<std::string> listing_price;
  std::optional<std::string> listing_agent_id;
  std::optional<std::string> buyers_agent_id;
  std::optional<std::string> client_name;
  boost::json::object key_dates;
};

// PATCH /re/transactions/:id, already validated (the move itself is checked in the write).
struct TransactionChanges {
  std::optional<std::string> status;
  Settable sale_price;
  Settable commission_rate;
  Settable commission_amount;
  std::optional<boost::json::object>
      key_dates;  // merged into the stored object; a null value removes the key
  std::optional<std::string> property_address;
  Settable mls_number;
  Settable client_name;
  Settable listing_price;
  Settable listing_agent_id;
  Settable buyers_agent_id;
};

struct TransactionFilter {
  std::optional<std::string> status;
  std::optional<std::string> type;
  std::optional<std::string> listing_agent_id;
  std::optional<std::string> buyers_agent_id;
};

using TransactionPage = db::ListPage;

enum class TransactionWrite { done, not_found, unknown_listing_agent, unknown_buyers_agent, refused_move };

struct TransactionWritten {
  TransactionWrite outcome = TransactionWrite::not_found;
  boost::json::object transaction;  // when done
  std::string status_before;        // when done or refused_move
};

// SQL for re_transactions. Every statement filters org_id; agent ids are checked against the
// org's agents inside the writing statement; the pipeline rule is part of the UPDATE's WHERE on
// a row locked first in the same transaction, so two concurrent moves cannot both pass.
class TransactionStore {
 public:
  explicit TransactionStore(db::Database& db) : db_(db) {}

  // Inserts (status prospecting, key_dates.prospecting = today unless given) with its audit
  // entry (transaction.created) in one statement.
  boost::asio::awaitable<TransactionWritten> create(const std::string& org_id, const NewTransaction& t,
                                                    const hub::AuditEntry& audit);
  // Newest first.
  boost::asio::awaitable<TransactionPage> list(const std::string& org_id, const TransactionFilter& filter,
                                               std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id,
                                                                  const std::string& id);

  // Applies the changes, stamps key_dates.<status> = today on a status change unless a date is
  // already there or given, derives commission_amount = sale_price x commission_rate for a closed
  // deal without one, writes the audit entry (transaction.updated, with from/to status) and
  // recomputes the metrics of the periods the change touches -- all in one transaction.
  boost::asio::awaitable<TransactionWritten> update(const std::string& org_id, const std::string& id,
                                                    const TransactionChanges& changes,
                                                    const hub::AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate
