#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

// Where a delivery goes: the webhook's URL and its sealed secret (AES-256-GCM; empty: none).
struct WebhookTarget {
  std::string id;
  std::string url;
  std::string sealed_secret;
};

struct DeliveryAttempt {
  int attempts = 0;
  std::string status;  // pending (a retry is due), delivered, failed
  long response_status = 0;
  std::string error;
  long long retry_in_ms = 0;  // with pending
};

// Webhooks of an org and their delivery log (webhook_deliveries, migration 020).
class WebhookStore {
 public:
  explicit WebhookStore(db::Database& db) : db_(db) {}

  // {id, url, events, active, created_at}
  boost::asio::awaitable<boost::json::object> create(const std::string& org_id, const std::string& url,
                                                     const std::string& events_json, const std::string& sealed_secret,
                                                     const AuditEntry& audit);
  // [{id, url, events, active, created_at, has_secret}] newest first, inactive ones included.
  boost::asio::awaitable<boost::json::array> list(const std::string& org_id);
  boost::asio::awaitable<bool> remove(const std::string& org_id, const std::string& id, const AuditEntry& audit);
  boost::asio::awaitable<std::optional<WebhookTarget>> find(const std::string& org_id, const std::string& id);
  // Active webhooks of the org subscribed to `event`; none when channel_id is a private or DM channel.
  boost::asio::awaitable<std::vector<WebhookTarget>> matching(const std::string& org_id, const std::string& event,
                                                              const std::optional<std::string>& channel_id);
  // The notification:new payloads of these notifications ({notification_id, recipient_id, ...};
  // body left out when absent).
  boost::asio::awaitable<std::vector<boost::json::object>> notifications(const std::string& org_id,
                                                                         const std::vector<std::string>& ids);
  // One pending delivery row per target (ids: one per target), all with the same body.
  boost::asio::awaitable<void> log_deliveries(const std::string& org_id, const std::vector<WebhookTarget>& targets,
                                              const std::vector<std::string>& ids, const std::string& delivery_id,
                                              const std::string& event, const std::string& payload);
  boost::asio::awaitable<void> record(const std::string& org_id, const std::string& id, const DeliveryAttempt& attempt);
  // Newest first, at most 100; nullopt when the webhook is not the org's.
  boost::asio::awaitable<std::optional<boost::json::array>> deliveries(const std::string& org_id,
                                                                       const std::string& webhook_id);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
