#include "verticals/real_estate/integrations/provider_session.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "util/encoding.hpp"
#include "verticals/real_estate/integrations/oauth_refresh.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using http::ApiError;

asio::awaitable<ProviderSession> ProviderSession::open(IntegrationEnv& env, const std::string& org_id,
                                                       Provider provider, OpenMode mode) {
  const std::string type = type_name(provider);
  auto row = co_await env.store.find_by_type(org_id, type);
  if (!row)
    throw ApiError(status::not_found, "INTEGRATION_NOT_FOUND",
                   std::string(display_name(provider)) + " is not connected for this organisation");
  const bool usable = row->status == "connected" || (mode == OpenMode::checkable && row->status == "error");
  if (!usable)
    throw ApiError(status::bad_request, "INTEGRATION_NOT_CONNECTED",
                   std::string(display_name(provider)) + " integration is " + row->status +
                       (row->status == "error" ? " (run its test to re-check, or connect again)" : ""));
  if (!row->sealed_credentials)
    throw ApiError(status::bad_request, "INTEGRATION_NO_CREDENTIALS",
                   std::string(display_name(provider)) + " integration has no credentials; connect it again");
  auto credentials = unseal(env.services.settings.encryption_key, *row->sealed_credentials);
  if (!credentials)
    throw ApiError(status::bad_request, "INTEGRATION_NO_CREDENTIALS",
                   std::string(display_name(provider)) +
                       " credentials cannot be decrypted with the current ENCRYPTION_KEY; connect it again");
  ProviderSession s;
  s.env_ = &env;
  s.provider_ = provider;
  s.org_id_ = org_id;
  s.id_ = row->id;
  s.sealed_ = *row->sealed_credentials;
  s.credentials_ = std::move(*credentials);
  s.settings_ = std::move(row->settings);
  co_return s;
}

Target ProviderSession::target() const {
  Target t;
  t.provider = display_name(provider_);
  t.secrets = secrets_of(credentials_);
  const auto& c = config();
  for (const std::string* s : {&c.fub_system_key, &c.dotloop_client_secret, &c.quickbooks_client_secret})
    if (!s->empty()) t.secrets.push_back(*s);
  return t;
}

asio::awaitable<void> ProviderSession::ensure_fresh() {
  if (provider_ == Provider::fub) co_return;
  auto tokens = oauth_tokens(credentials_);
  if (!tokens)
    throw ApiError(status::bad_request, "INTEGRATION_NO_CREDENTIALS",
                   std::string(display_name(provider_)) + " credentials hold no OAuth tokens; connect it again");
  if (!needs_refresh(*tokens, std::chrono::system_clock::now())) co_return;

  OutboundRequest request = refresh_request(provider_, config(), *tokens);
  const Target t = target();
  std::optional<RefreshedTokens> fresh;
  std::string reason = "the reply carried no access_token";
  try {
    auto reply = co_await send_request(config(), std::move(request), Retry::none, t);
    fresh = parse_refresh_reply(parse_reply(reply, t));
  } catch (...) {
    reason = failure_message(std::current_exception());
  }
  if (!fresh) {
    auto row = co_await env_->store.mark_refresh_failed(org_id_, id_, sealed_);
    if (row) env_->announce(org_id_, *row);
    throw ApiError(status::bad_gateway, "INTEGRATION_ERROR", "Token refresh failed: " + reason);
  }
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  credentials_ = refreshed(std::move(credentials_), fresh->access_token, fresh->refresh_token,
                           now_ms + fresh->expires_in_seconds * 1000);
  const std::string previous = sealed_;
  sealed_ = seal(env_->services.settings.encryption_key, credentials_);
  co_await env_->store.replace_credentials(org_id_, id_, sealed_, previous);
}

void ProviderSession::add_auth(OutboundRequest& request) const {
  auto header = [&request](std::string_view name, const std::string& value) {
    std::string line(name);
    line += ": ";
    line += value;
    request.headers.push_back(std::move(line));
  };
  auto credential = [this](const char* name) {
    const auto* v = credentials_.if_contains(name);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  header("Accept", "application/json");
  if (provider_ == Provider::fub) {
    header("Authorization", "Basic " + util::base64_encode(credential("apiKey") + ":"));
    header("X-System", config().fub_system_name);
    if (!config().fub_system_key.empty()) header("X-System-Key", config().fub_system_key);
  } else {
    header("Authorization", "Bearer " + credential("accessToken"));
  }
  if (provider_ != Provider::quickbooks || !request.body.empty()) header("Content-Type", "application/json");
}

asio::awaitable<json::value> ProviderSession::call(OutboundRequest request, Retry retry, const std::string& log_op,
                                                   const std::string& count_key) {
  // QuickBooks logs after its token refresh, FUB and Dotloop before theirs (contract 7.6).
  if (provider_ == Provider::quickbooks) co_await ensure_fresh();
  std::string log_id;
  if (!log_op.empty()) log_id = co_await log_started(log_op);
  std::exception_ptr error;
  json::value body;
  try {
    co_await ensure_fresh();
    add_auth(request);
    const Target t = target();
    auto reply = co_await send_request(config(), std::move(request), retry, t);
    body = parse_reply(reply, t);
  } catch (...) {
    error = std::current_exception();
  }
  if (!log_id.empty()) {
    if (error) {
      co_await log_failed(log_id, error);
    } else {
      const std::int64_t n = count_items(body, count_key);
      const json::object no_metadata;
      co_await log_completed(log_id, n, no_metadata);
    }
  }
  if (error) std::rethrow_exception(error);
  co_return body;
}

asio::awaitable<std::string> ProviderSession::log_started(const std::string& operation) {
  co_return co_await env_->logs.start(org_id_, id_, operation);
}

asio::awaitable<std::optional<json::object>> ProviderSession::log_completed(const std::string& log_id,
                                                                            std::int64_t records,
                                                                            const json::object& metadata) {
  co_return co_await env_->logs.complete(org_id_, log_id, records, metadata);
}

asio::awaitable<void> ProviderSession::log_failed(const std::string& log_id, std::exception_ptr error) {
  const std::optional<std::string> message = failure_message(error);
  co_await env_->logs.fail(org_id_, log_id, message);
}

std::string failure_message(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const ApiError& e) {
    return e.what();
  } catch (...) {
    return "Internal error while talking to the provider";
  }
}

std::int64_t count_items(const json::value& body, const std::string& key) {
  if (const auto* a = body.if_array()) return static_cast<std::int64_t>(a->size());
  if (const auto* o = body.if_object(); o && !key.empty())
    if (const auto* v = o->if_contains(key); v && v->is_array()) return static_cast<std::int64_t>(v->as_array().size());
  return 0;
}

}  // namespace agenthq::verticals::real_estate::integrations
