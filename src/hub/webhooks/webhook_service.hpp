#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/services.hpp"
#include "hub/webhooks/webhook_store.hpp"

namespace agenthq::hub {

class WebhookDispatcher;

// A webhook as the routes read it from a request (already validated).
struct NewWebhook {
  std::string url;
  boost::json::array events;  // distinct, each one of the contract's webhook events
  std::string secret;         // empty: deliveries are not signed
};

// The outcome of a test ping (contract §3.13).
struct PingOutcome {
  bool found = false;
  bool delivered = false;
  std::string failure;  // with found && !delivered: the transport error or "HTTP <status>"
};

// Webhooks end to end (see PostService): viewers read but never register or delete; the
// secret is sealed before it is stored; webhook.created / webhook.deleted are audited in the
// same transaction as the change and announced after commit. A webhook of another org is
// absent (nullopt / false), which the routes answer with the contract's raw 404.
class WebhookService {
 public:
  explicit WebhookService(Services& s);

  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const NewWebhook& webhook);
  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who);
  boost::asio::awaitable<bool> remove(const auth::Identity& who, const std::string& ip, const std::string& id);
  // One attempt, awaited, not retried; not logged in the delivery log.
  boost::asio::awaitable<PingOutcome> ping(const auth::Identity& who, const std::string& id);
  // Newest first, at most 100.
  boost::asio::awaitable<std::optional<boost::json::array>> deliveries(const auth::Identity& who,
                                                                       const std::string& id);

 private:
  Services& s_;
  std::shared_ptr<WebhookDispatcher> dispatcher_;
  WebhookStore store_;
};

}  // namespace agenthq::hub
