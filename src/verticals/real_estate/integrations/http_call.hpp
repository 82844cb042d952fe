// One blocking outbound HTTP request with libcurl. Never call it on an event-loop thread: the
// provider clients run it on outbound_pool() through auth::offload.
#pragma once
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agenthq::verticals::real_estate::integrations {

struct OutboundRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent when not empty (or when method is not GET)
  std::chrono::milliseconds timeout{30000};
};

struct OutboundReply {
  enum class Transport { answered, timed_out, failed };
  Transport transport = Transport::answered;
  long status = 0;  // HTTP status when answered
  std::string body;
  std::optional<long> retry_after_seconds;  // Retry-After in its delta-seconds form
  std::string transport_error;              // libcurl's description when not answered
};

OutboundReply perform_http(const OutboundRequest& request);

// Threads for blocking network calls. Kept apart from the hub's worker pool (bcrypt): a provider
// that hangs for its whole timeout must not hold up logins.
boost::asio::thread_pool& outbound_pool();

// RFC 3986 unreserved characters stay, everything else is %XX (path segments, query values).
std::string url_escape(std::string_view text);
// application/x-www-form-urlencoded (also usable for query strings): RFC 3986 unreserved
// characters stay, everything else is %XX.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace agenthq::verticals::real_estate::integrations
