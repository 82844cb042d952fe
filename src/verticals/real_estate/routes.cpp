#include "verticals/real_estate/routes.hpp"

#include "verticals/real_estate/integrations/integration_routes.hpp"
#include "verticals/real_estate/metric_routes.hpp"
#include "verticals/real_estate/profile_routes.hpp"
#include "verticals/real_estate/transaction_routes.hpp"

namespace agenthq::verticals::real_estate {

void add_routes(http::Router& router, hub::Services& services, const integrations::ProviderConfig& providers) {
  add_transaction_routes(router, services);
  add_profile_routes(router, services);
  add_metric_routes(router, services);
  add_integration_routes(router, services, providers);
}

}  // namespace agenthq::verticals::real_estate
