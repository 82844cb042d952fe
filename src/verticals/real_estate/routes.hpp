#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"
#include "verticals/real_estate/integrations/provider_config.hpp"

namespace agenthq::verticals::real_estate {

// Every route of the real-estate vertical (/api/v1/re/...). The app registers them next to the
// hub's; the hub itself knows nothing of the vertical.
// providers: where the CRM and accounting providers live and how the hub signs in to them.
void add_routes(http::Router& router, hub::Services& services, const integrations::ProviderConfig& providers);

}  // namespace agenthq::verticals::real_estate
