#pragma once
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hub/settings.hpp"
#include "db/database.hpp"
#include "hub/webhooks/webhook_sender.hpp"
#include "hub/webhooks/webhook_store.hpp"

namespace agenthq::hub {

// Delivers hub events to the org's webhooks (contract §3.13) without ever making the request
// that caused them wait: fire() starts a detached coroutine and returns. Each delivery is logged
// in webhook_deliveries with the exact signed body; a failed attempt (transport error or
// non-2xx) is retried with exponential backoff up to config.max_attempts, and the log row
// records every outcome. The HTTP call runs on webhook_pool(), never on the event loop.
// Retries are kept in memory: a restart leaves unfinished rows "pending" in the log.
class WebhookDispatcher : public std::enable_shared_from_this<WebhookDispatcher> {
 public:
  WebhookDispatcher(db::Database& db, const WebhookSettings& config, std::string encryption_key)
      : store_(db), config_(config), key_(std::move(encryption_key)) {}

  // Posts in private and DM channels are never sent (their readers are the members only); pass
  // the post's channel for post:created / post:reply.
  // `ex` is the caller's event loop (co_await boost::asio::this_coro::executor).
  void fire(const boost::asio::any_io_executor& ex, std::string org_id, std::string event, boost::json::object data,
            std::optional<std::string> channel_id = std::nullopt);
  // notification:new for each of these notifications.
  void fire_notifications(const boost::asio::any_io_executor& ex, std::string org_id, std::vector<std::string> ids);
  // The test ping: one attempt, awaited, not retried.
  boost::asio::awaitable<WebhookReply> ping(std::string org_id, WebhookTarget target);

  // Seals a secret for storage (AES-256-GCM under ENCRYPTION_KEY).
  std::string seal(const std::string& secret) const;

 private:
  static boost::asio::awaitable<void> deliver_event(std::shared_ptr<WebhookDispatcher> self, std::string org_id,
                                                    std::string event, boost::json::object data,
                                                    std::optional<std::string> channel_id);
  static boost::asio::awaitable<void> deliver_notifications(std::shared_ptr<WebhookDispatcher> self,
                                                            std::string org_id, std::vector<std::string> ids);
  static boost::asio::awaitable<void> deliver_one(std::shared_ptr<WebhookDispatcher> self, std::string org_id,
                                                  std::string row_id, WebhookRequest request);
  // The request for one target: headers, signature over `body`. nullopt: the secret cannot be opened.
  std::optional<WebhookRequest> request_for(const WebhookTarget& target, const std::string& event,
                                            const std::string& delivery_id, const std::string& timestamp,
                                            const std::string& body) const;

  WebhookStore store_;
  WebhookSettings config_;
  std::string key_;
};

}  // namespace agenthq::hub
