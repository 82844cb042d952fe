#include "hub/webhooks/webhook_dispatcher.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "auth/offload.hpp"
#include "hub/webhooks/webhook_signature.hpp"
#include "util/crypto.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"
#include "util/time.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

std::string WebhookDispatcher::seal(const std::string& secret) const { return util::aes256gcm_encrypt(key_, secret); }

void WebhookDispatcher::fire(const asio::any_io_executor& ex, std::string org_id, std::string event, json::object data,
                             std::optional<std::string> channel_id) {
  asio::co_spawn(ex, deliver_event(shared_from_this(), std::move(org_id), std::move(event), std::move(data),
                                   std::move(channel_id)),
                 asio::detached);
}

void WebhookDispatcher::fire_notifications(const asio::any_io_executor& ex, std::string org_id,
                                           std::vector<std::string> ids) {
  if (ids.empty()) return;
  asio::co_spawn(ex, deliver_notifications(shared_from_this(), std::move(org_id), std::move(ids)), asio::detached);
}

std::optional<WebhookRequest> WebhookDispatcher::request_for(const WebhookTarget& target, const std::string& event,
                                                             const std::string& delivery_id,
                                                             const std::string& timestamp,
                                                             const std::string& body) const {
  WebhookRequest r;
  r.url = target.url;
  r.body = body;
  r.timeout = config_.timeout;
  r.allow_internal = config_.allow_internal;
  r.headers = {"Content-Type: application/json", "User-Agent: AgentHQ-Webhooks/1.0", "X-AgentHQ-Event: " + event,
               "X-AgentHQ-Delivery: " + delivery_id, "X-AgentHQ-Timestamp: " + timestamp};
  if (!target.sealed_secret.empty()) {
    auto secret = util::aes256gcm_decrypt(key_, target.sealed_secret);
    if (!secret) return std::nullopt;
    r.headers.push_back("X-AgentHQ-Signature: " + webhook_signature(*secret, body));
  }
  return r;
}

asio::awaitable<void> WebhookDispatcher::deliver_event(std::shared_ptr<WebhookDispatcher> self, std::string org_id,
                                                       std::string event, json::object data,
                                                       std::optional<std::string> channel_id) {
  try {
    auto targets = co_await self->store_.matching(org_id, event, channel_id);
    if (targets.empty()) co_return;
    // One payload, and one delivery id, shared by every matching webhook (as the reference).
    const std::string delivery_id = util::new_ulid();
    const std::string timestamp = util::iso8601_now();
    json::object payload;
    payload["id"] = delivery_id;
    payload["event"] = event;
    payload["org_id"] = org_id;
    payload["timestamp"] = timestamp;
    payload["data"] = std::move(data);
    const std::string body = util::to_json(payload);
    std::vector<std::string> row_ids;
    for (std::size_t i = 0; i < targets.size(); ++i) row_ids.push_back(util::new_ulid());
    co_await self->store_.log_deliveries(org_id, targets, row_ids, delivery_id, event, body);
    auto ex = co_await asio::this_coro::executor;
    for (std::size_t i = 0; i < targets.size(); ++i) {
      auto request = self->request_for(targets[i], event, delivery_id, timestamp, body);
      if (!request) {
        DeliveryAttempt failed;
        failed.status = "failed";
        failed.error = "the webhook's secret cannot be opened with this server's ENCRYPTION_KEY";
        co_await self->store_.record(org_id, row_ids[i], failed);
        continue;
      }
      asio::co_spawn(ex, deliver_one(self, org_id, row_ids[i], std::move(*request)), asio::detached);
    }
  } catch (const std::exception& e) {
    util::log::warn("webhooks: could not deliver {} for org {}: {}", event, org_id, e.what());
  }
}

asio::awaitable<void> WebhookDispatcher::deliver_notifications(std::shared_ptr<WebhookDispatcher> self,
                                                               std::string org_id, std::vector<std::string> ids) {
  try {
    auto rows = co_await self->store_.notifications(org_id, ids);
    const std::string event = "notification:new";
    const std::optional<std::string> no_channel;
    for (auto& row : rows) co_await deliver_event(self, org_id, event, std::move(row), no_channel);
  } catch (const std::exception& e) {
    util::log::warn("webhooks: could not load notifications for org {}: {}", org_id, e.what());
  }
}

asio::awaitable<void> WebhookDispatcher::deliver_one(std::shared_ptr<WebhookDispatcher> self, std::string org_id,
                                                     std::string row_id, WebhookRequest request) {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer backoff(ex);
  auto delay = self->config_.backoff;
  try {
    for (int attempt = 1;; ++attempt) {
      WebhookReply reply = co_await auth::offload(webhook_pool(), &send_webhook, request);
      DeliveryAttempt logged;
      logged.attempts = attempt;
      logged.response_status = reply.status;
      logged.error = reply.ok() ? "" : !reply.error.empty() ? reply.error : "HTTP " + std::to_string(reply.status);
      const bool last = attempt >= self->config_.max_attempts;
      logged.status = reply.ok() ? "delivered" : last ? "failed" : "pending";
      if (logged.status == "pending") logged.retry_in_ms = delay.count();
      co_await self->store_.record(org_id, row_id, logged);
      if (logged.status != "pending") co_return;
      backoff.expires_after(delay);
      co_await backoff.async_wait(asio::use_awaitable);
      delay *= 2;
    }
  } catch (const std::exception& e) {
    util::log::warn("webhooks: delivery {} stopped: {}", row_id, e.what());
  }
}

asio::awaitable<WebhookReply> WebhookDispatcher::ping(std::string org_id, WebhookTarget target) {
  const std::string delivery_id = util::new_ulid();
  const std::string timestamp = util::iso8601_now();
  json::object payload;
  payload["id"] = delivery_id;
  payload["event"] = "test";
  payload["org_id"] = org_id;
  payload["timestamp"] = timestamp;
  payload["data"] = json::object{{"message", "This is a test ping from AgentHQ"}};
  const std::string body = util::to_json(payload);
  std::vector<WebhookTarget> targets{target};
  std::vector<std::string> row_ids{util::new_ulid()};
  co_await store_.log_deliveries(org_id, targets, row_ids, delivery_id, "test", body);
  auto request = request_for(target, "test", delivery_id, timestamp, body);
  WebhookReply reply;
  if (!request) {
    reply.error = "the webhook's secret cannot be opened with this server's ENCRYPTION_KEY";
  } else {
    reply = co_await auth::offload(webhook_pool(), &send_webhook, *request);
  }
  DeliveryAttempt logged;
  logged.attempts = 1;
  logged.response_status = reply.status;
  logged.status = reply.ok() ? "delivered" : "failed";
  logged.error = reply.ok() ? "" : !reply.error.empty() ? reply.error : "HTTP " + std::to_string(reply.status);
  co_await store_.record(org_id, row_ids[0], logged);
  co_return reply;
}

}  // namespace agenthq::hub
