#include "hub/routes.hpp"

#include "hub/accounts/account_routes.hpp"
#include "hub/feed/feed_routes.hpp"
#include "hub/orgs/org_routes.hpp"
#include "hub/search/search_routes.hpp"

namespace agenthq::hub {

void add_hub_routes(http::Router& router, Services& services, const HealthProbe& probe) {
  add_health_routes(router, probe);
  add_account_routes(router, services);
  add_org_routes(router, services);
  add_search_routes(router, services);
  add_feed_routes(router, services);
}

}  // namespace agenthq::hub
