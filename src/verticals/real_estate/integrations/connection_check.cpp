#include "verticals/real_estate/integrations/connection_check.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "util/log.hpp"
#include "verticals/real_estate/integrations/dotloop_client.hpp"
#include "verticals/real_estate/integrations/fub_client.hpp"
#include "verticals/real_estate/integrations/quickbooks_client.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

asio::awaitable<CheckResult> check_connection(ProviderSession& s) {
  std::exception_ptr error;
  try {
    switch (s.provider()) {
      case Provider::fub: {
        FubClient fub(s);
        co_await fub.check();
        break;
      }
      case Provider::dotloop: {
        DotloopClient dotloop(s);
        co_await dotloop.profiles();
        break;
      }
      case Provider::quickbooks: {
        QuickBooksClient qbo(s);
        co_await qbo.company_info();
        break;
      }
    }
  } catch (...) {
    error = std::current_exception();
  }
  CheckResult r;
  r.ok = !error;
  r.message = error ? failure_message(error) : std::string("Connected to ") + display_name(s.provider());
  co_return r;
}

asio::awaitable<void> record_check(ProviderSession& s, const CheckResult& result) {
  // The session's sealed text follows a token refresh made during the check.
  const std::optional<std::string> only_if = s.sealed_credentials();
  auto row = co_await s.env().store.record_check(s.org_id(), s.integration_id(), result.ok, result.message, only_if);
  if (row) s.env().announce(s.org_id(), *row);
}

asio::awaitable<void> verify_after_connect(std::shared_ptr<IntegrationEnv> env, std::string org_id, Provider provider,
                                           std::string sealed) {
  try {
    auto session = co_await ProviderSession::open(*env, org_id, provider, OpenMode::connected_only);
    if (session.sealed_credentials() != sealed) co_return;  // reconnected meanwhile: that connect checks itself
    CheckResult result = co_await check_connection(session);
    co_await record_check(session, result);
    util::log::info("integration check: {} integration {} of org {} is {}", type_name(provider),
                    session.integration_id(), org_id, result.ok ? "connected" : "in error");
  } catch (const http::ApiError&) {
    // Disconnected or deleted before the check ran: nothing to record.
  } catch (const std::exception&) {
    util::log::warn("integration check: could not record the {} check for org {}", type_name(provider), org_id);
  }
}

}  // namespace agenthq::verticals::real_estate::integrations
