#pragma once
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <string>
#include <vector>

namespace agenthq::hub {

struct WebhookRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::chrono::milliseconds timeout{10000};
  bool allow_internal = false;  // operator setting: deliver to loopback/private addresses too
};

struct WebhookReply {
  long status = 0;    // HTTP status when the receiver answered
  std::string error;  // set when it did not (refused address, timeout, connection error)
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

// One blocking POST with libcurl: no redirects, http/https only, and (unless allowed) every
// address curl is about to connect to is checked with is_internal_address() — at connect time,
// so a name that resolves to a public address when checked and a private one later (DNS
// rebinding) is still refused. Never call it on an event loop: use webhook_pool().
WebhookReply send_webhook(const WebhookRequest& request);

// Threads for webhook deliveries, apart from bcrypt's pool and the integrations' outbound pool:
// a slow receiver must not hold up logins or provider syncs.
boost::asio::thread_pool& webhook_pool();

}  // namespace agenthq::hub
