// What a provider record becomes in re_transactions, and how FUB deals and Dotloop loops map onto
// it. Pure functions: the provider clients fetch, these translate, TransactionImport writes.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::verticals::real_estate::integrations {

struct ImportRecord {
  std::string external_id;
  std::string property_address;
  std::optional<std::string> mls_number;
  std::string status;  // our pipeline: prospecting | listed | under_contract | pending | closed | cancelled
  std::string type;    // buy | sell | lease
  std::optional<std::string> listing_price;  // decimal text, 2 places
  std::optional<std::string> sale_price;
  std::optional<std::string> client_name;
  boost::json::object key_dates;  // merged into the transaction's key_dates
};

// A price as the text of numeric(12,2): numbers, or strings like "$450,000.00"; nullopt when
// absent, negative, not finite or not below 10^10.
std::optional<std::string> money(const boost::json::value* v);

// Follow Up Boss stage names are set per account ("Under Contract", "Closed", "Terminated"...):
// matched by keyword, anything unrecognised is prospecting.
std::string status_from_fub_stage(std::string_view stage);
// Pipeline name: seller/listing -> sell, lease/rental -> lease, anything else buy.
std::string type_from_fub_pipeline(std::string_view pipeline);
// Dotloop loop status: PRE_OFFER, PRE_LISTING -> prospecting; PRIVATE_LISTING, ACTIVE_LISTING ->
// listed; UNDER_CONTRACT -> under_contract; SOLD, LEASED -> closed; ARCHIVED -> cancelled.
std::string status_from_dotloop(std::string_view status);
// Dotloop transactionType: LISTING_FOR_SALE -> sell; LISTING_FOR_LEASE, LEASE_OFFER -> lease; else buy.
std::string type_from_dotloop(std::string_view transaction_type);

// nullopt when the deal has no id.
std::optional<ImportRecord> map_fub_deal(const boost::json::object& deal);
// loop: an element of the loop list; detail: the "data" of .../detail (may be null);
// participants: the "data" of .../participant (may be null).
std::optional<ImportRecord> map_dotloop_loop(const boost::json::object& loop, const boost::json::value& detail,
                                             const boost::json::value& participants);

}  // namespace agenthq::verticals::real_estate::integrations
