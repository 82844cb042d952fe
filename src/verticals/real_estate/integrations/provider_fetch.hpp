// Fetching everything a sync imports, page by page. Nothing is written while fetching: a
// failure on any page throws and leaves the hub's data as it was.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <vector>

#include "verticals/real_estate/integrations/import_record.hpp"
#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

// Every deal of the Follow Up Boss account (GET deals, limit 100, offset paging).
boost::asio::awaitable<std::vector<ImportRecord>> fetch_fub_deals(ProviderSession& session);

// Every loop of the Dotloop profiles (settings.profileId restricts to one), with each loop's
// detail and participants (GET profile/{pid}/loop batchNumber/batchSize 100 paging).
boost::asio::awaitable<std::vector<ImportRecord>> fetch_dotloop_loops(ProviderSession& session);

// Later pages can repeat a record when the provider's list shifts while we page: last one wins.
std::vector<ImportRecord> distinct_by_external_id(std::vector<ImportRecord> records);

}  // namespace agenthq::verticals::real_estate::integrations
