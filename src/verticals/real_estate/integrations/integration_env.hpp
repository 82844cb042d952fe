// What every integration route and background check of one event loop shares.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "hub/services.hpp"
#include "verticals/real_estate/integrations/integration_store.hpp"
#include "verticals/real_estate/integrations/sync_log_store.hpp"

namespace agenthq::verticals::real_estate::integrations {

struct IntegrationEnv {
  explicit IntegrationEnv(hub::Services& s) : services(s), store(s.db), logs(s.db) {}

  hub::Services& services;
  IntegrationStore store;
  SyncLogStore logs;

  const app::ProviderConfig& providers() const { return services.config.providers; }
  // integration:updated to the org's connections; call after the change committed.
  void announce(const std::string& org_id, const boost::json::object& integration) const {
    services.events.org_event(org_id, "integration:updated", integration);
  }
};

}  // namespace agenthq::verticals::real_estate::integrations
