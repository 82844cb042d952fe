// Follow Up Boss REST API v1 (contract 7.3): Basic auth with the API key, X-System headers,
// the generic retrying client of 7.2.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

using Query = std::vector<std::pair<std::string, std::string>>;

enum class Logging { logged, quiet };

class FubClient {
 public:
  explicit FubClient(ProviderSession& session) : session_(session) {}

  // GET people | deals | events | users; logged as fub:listPeople etc. with the array's length.
  boost::asio::awaitable<boost::json::value> list(const std::string& collection, const Query& query, Logging logging);
  boost::asio::awaitable<boost::json::value> get(const std::string& collection, const std::string& id);
  boost::asio::awaitable<boost::json::value> create_event(const boost::json::value& event);
  // The connection test: GET users?limit=1.
  boost::asio::awaitable<void> check();

 private:
  OutboundRequest request(const std::string& method, const std::string& path, const Query& query) const;
  ProviderSession& session_;
};

// The URL of path under base with the query appended (values percent-encoded).
std::string provider_url(const std::string& base, const std::string& path, const Query& query);

}  // namespace agenthq::verticals::real_estate::integrations
