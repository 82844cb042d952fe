// Dotloop public API v2 (contract 7.4): Bearer token refreshed 5 minutes before it expires, the
// generic retrying client of 7.2. Lists come wrapped as {"meta":{...},"data":[...]}.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "verticals/real_estate/integrations/fub_client.hpp"  // Query, Logging, provider_url
#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

class DotloopClient {
 public:
  explicit DotloopClient(ProviderSession& session) : session_(session) {}

  boost::asio::awaitable<boost::json::value> profiles();  // GET profile (also the connection test)
  // GET profile/{pid}/loop (batchNumber, batchSize); logged as dotloop:listLoops.
  boost::asio::awaitable<boost::json::value> loops(const std::string& profile_id, const Query& query, Logging logging);
  boost::asio::awaitable<boost::json::value> loop(const std::string& profile_id, const std::string& loop_id);
  boost::asio::awaitable<boost::json::value> loop_detail(const std::string& profile_id, const std::string& loop_id);
  // GET .../participant; logged as dotloop:listParticipants.
  boost::asio::awaitable<boost::json::value> participants(const std::string& profile_id, const std::string& loop_id,
                                                          Logging logging);

 private:
  boost::asio::awaitable<boost::json::value> get(const std::string& path, const Query& query, const std::string& op);
  ProviderSession& session_;
};

}  // namespace agenthq::verticals::real_estate::integrations
