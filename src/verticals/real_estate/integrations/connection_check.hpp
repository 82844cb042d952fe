// Does the provider accept the stored credentials? Used by GET /integrations/{type}/test and,
// off the request path, right after POST /integrations/connect.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>

#include "verticals/real_estate/integrations/provider_session.hpp"

namespace agenthq::verticals::real_estate::integrations {

struct CheckResult {
  bool ok = false;
  std::string message;
};

// FUB GET users?limit=1, Dotloop GET profile, QuickBooks GET companyinfo/{realmId} (contract
// 7.3-7.5). Provider failures are a result, not an exception.
boost::asio::awaitable<CheckResult> check_connection(ProviderSession& session);

// Writes the result on the integration (connected + last_synced_at, or error + last_error) unless
// its credentials changed meanwhile, and announces integration:updated.
boost::asio::awaitable<void> record_check(ProviderSession& session, const CheckResult& result);

// Spawned detached after a connect committed: opens the integration again, checks it and records
// the result. Gives up quietly when the row was disconnected, deleted or reconnected meanwhile.
boost::asio::awaitable<void> verify_after_connect(std::shared_ptr<IntegrationEnv> env, std::string org_id,
                                                  Provider provider, std::string sealed);

}  // namespace agenthq::verticals::real_estate::integrations
