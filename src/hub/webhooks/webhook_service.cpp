#include "hub/webhooks/webhook_service.hpp"

#include <boost/json/serialize.hpp>

#include "http/api_error.hpp"
#include "hub/activity/audit.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

void refuse_viewers(const auth::Identity& who) {
  if (who.is_viewer()) throw http::ApiError::forbidden("Viewers cannot manage webhooks");
}

}  // namespace

WebhookService::WebhookService(Services& s) : s_(s), dispatcher_(s.webhooks), store_(s.db) {}

asio::awaitable<json::object> WebhookService::create(const auth::Identity& who, const std::string& ip,
                                                     const NewWebhook& webhook) {
  refuse_viewers(who);
  AuditEntry audit = audit_by(who, "webhook.created", "webhook", "", ip);
  const std::string sealed = webhook.secret.empty() ? std::string() : dispatcher_->seal(webhook.secret);
  auto created = co_await store_.create(who.org_id, webhook.url, json::serialize(webhook.events), sealed, audit);
  s_.announce(audit);
  co_return created;
}

asio::awaitable<json::array> WebhookService::list(const auth::Identity& who) {
  co_return co_await store_.list(who.org_id);
}

asio::awaitable<bool> WebhookService::remove(const auth::Identity& who, const std::string& ip,
                                             const std::string& id) {
  refuse_viewers(who);
  AuditEntry audit = audit_by(who, "webhook.deleted", "webhook", "", ip);
  const bool removed = co_await store_.remove(who.org_id, id, audit);
  if (removed) s_.announce(audit);
  co_return removed;
}

asio::awaitable<PingOutcome> WebhookService::ping(const auth::Identity& who, const std::string& id) {
  PingOutcome outcome;
  auto target = co_await store_.find(who.org_id, id);
  if (!target) co_return outcome;
  outcome.found = true;
  auto reply = co_await dispatcher_->ping(who.org_id, *target);
  outcome.delivered = reply.ok();
  if (!outcome.delivered) outcome.failure = !reply.error.empty() ? reply.error : "HTTP " + std::to_string(reply.status);
  co_return outcome;
}

asio::awaitable<std::optional<json::array>> WebhookService::deliveries(const auth::Identity& who,
                                                                       const std::string& id) {
  co_return co_await store_.deliveries(who.org_id, id);
}

}  // namespace agenthq::hub
