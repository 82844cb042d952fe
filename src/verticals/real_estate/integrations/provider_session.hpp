// One integration opened for calls to its provider: the row resolved for the caller's org, its
// credentials unsealed, OAuth tokens kept fresh, auth headers added, sync-log rows written.
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "verticals/real_estate/integrations/credentials.hpp"
#include "verticals/real_estate/integrations/integration_env.hpp"
#include "verticals/real_estate/integrations/provider_http.hpp"

namespace agenthq::verticals::real_estate::integrations {

enum class OpenMode {
  connected_only,  // proxies and syncs (contract 3.15)
  checkable,       // connection tests: an integration in status error may be re-checked
};

class ProviderSession {
 public:
  ProviderSession() = default;

  // Contract 3.15's client resolution: no row of that type -> 404 INTEGRATION_NOT_FOUND; status
  // not connected -> 400 INTEGRATION_NOT_CONNECTED; no credentials -> 400 INTEGRATION_NO_CREDENTIALS.
  static boost::asio::awaitable<ProviderSession> open(IntegrationEnv& env, const std::string& org_id,
                                                      Provider provider, OpenMode mode);

  Provider provider() const { return provider_; }
  const std::string& org_id() const { return org_id_; }
  const std::string& integration_id() const { return id_; }
  const std::string& sealed_credentials() const { return sealed_; }
  const boost::json::object& credentials() const { return credentials_; }
  const boost::json::object& settings() const { return settings_; }
  const ProviderConfig& config() const { return env_->providers(); }
  IntegrationEnv& env() const { return *env_; }
  Target target() const;

  // Dotloop and QuickBooks: refresh the tokens when they expire within 5 minutes, store them
  // sealed; on failure the integration turns to error ("Token refresh failed") and this throws.
  boost::asio::awaitable<void> ensure_fresh();

  // One upstream call with the provider's auth headers, refreshed tokens first. With a non-empty
  // log_op the call runs under a sync-log row whose records_synced is the length of the array at
  // count_key (or of the body itself when it is an array).
  boost::asio::awaitable<boost::json::value> call(OutboundRequest request, Retry retry, const std::string& log_op,
                                                  const std::string& count_key);

  boost::asio::awaitable<std::string> log_started(const std::string& operation);
  boost::asio::awaitable<std::optional<boost::json::object>> log_completed(const std::string& log_id,
                                                                           std::int64_t records,
                                                                           const boost::json::object& metadata);
  boost::asio::awaitable<void> log_failed(const std::string& log_id, std::exception_ptr error);

 private:
  void add_auth(OutboundRequest& request) const;

  IntegrationEnv* env_ = nullptr;
  Provider provider_ = Provider::fub;
  std::string org_id_;
  std::string id_;
  std::string sealed_;
  boost::json::object credentials_;
  boost::json::object settings_;
};

// The message a failure leaves in a sync log or last_error: an ApiError's own message (they never
// carry credentials), a generic text for anything else.
std::string failure_message(std::exception_ptr error);

// Length of the array at key in body (or of body when it is an array); 0 otherwise.
std::int64_t count_items(const boost::json::value& body, const std::string& key);

}  // namespace agenthq::verticals::real_estate::integrations
