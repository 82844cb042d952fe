// The integrations API (contract 3.15, plus POST /integrations/{type}/sync). The one entry point
// the app layer calls; the hub itself knows nothing of this vertical.
#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"
#include "verticals/real_estate/integrations/provider_config.hpp"

namespace agenthq::verticals::real_estate {

void add_integration_routes(http::Router& router, hub::Services& services,
                            const integrations::ProviderConfig& providers);

}  // namespace agenthq::verticals::real_estate
