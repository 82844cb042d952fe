// QuickBooks Online accounting API v3 (contract 7.5): company URL per realm, Bearer token
// refreshed 5 minutes before it expires, no retries, errors also as 2xx bodies holding Fault.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "verticals/real_estate/integrations/fub_client.hpp"  // Query, Logging, provider_url
#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

// The four entities the hub reads: "Account", "Invoice", "Payment", "Bill".
std::optional<std::string> quickbooks_entity(const std::string& route_name);  // "accounts" -> "Account"

class QuickBooksClient {
 public:
  explicit QuickBooksClient(ProviderSession& session) : session_(session) {}

  // select * from <Entity> startposition 1 maxresults 1000; with fetch_all, the following pages
  // too while a page comes back full, arrays concatenated and maxResults summed. Logged as
  // quickbooks:query<Entity>s with the number of entities.
  boost::asio::awaitable<boost::json::value> query(const std::string& entity, bool fetch_all, Logging logging);
  // GET <entity>/{id}: the entity itself (the body's <Entity> member).
  boost::asio::awaitable<boost::json::value> read(const std::string& entity, const std::string& id);
  // The connection test: GET companyinfo/{realmId}.
  boost::asio::awaitable<boost::json::value> company_info();

  static constexpr int kPageSize = 1000;

 private:
  boost::asio::awaitable<boost::json::value> get(const std::string& path, const Query& query);
  ProviderSession& session_;
};

}  // namespace agenthq::verticals::real_estate::integrations
