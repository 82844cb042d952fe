// What every integration route and background check of one event loop shares.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "hub/services.hpp"
#include "verticals/real_estate/integrations/provider_config.hpp"
#include "verticals/real_estate/integrations/integration_store.hpp"
#include "verticals/real_estate/integrations/sync_log_store.hpp"

namespace agenthq::verticals::real_estate::integrations {

struct IntegrationEnv {
  IntegrationEnv(hub::Services& s, const ProviderConfig& p) : services(s), store(s.db), logs(s.db), providers_(p) {}

  hub::Services& services;
  IntegrationStore store;
  SyncLogStore logs;

  const ProviderConfig& providers() const { return providers_; }
  // integration:updated to the org's connections; call after the change committed.
  void announce(const std::string& org_id, const boost::json::object& integration) const {
    services.events.org_event(org_id, "integration:updated", integration);
  }

 private:
  const ProviderConfig& providers_;  // the app's; lives as long as the process
};

}  // namespace agenthq::verticals::real_estate::integrations
