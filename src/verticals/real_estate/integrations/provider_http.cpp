#include "verticals/real_estate/integrations/provider_http.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include "auth/offload.hpp"
#include "verticals/real_estate/integrations/provider_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr int kAttempts = 3;
// A provider asking for a longer pause than this gets this: a client request is waiting.
constexpr std::chrono::seconds kMaxRetryAfter{30};

asio::awaitable<void> pause(std::chrono::milliseconds delay) {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

asio::awaitable<OutboundReply> send_request(const ProviderConfig& config, OutboundRequest request, Retry retry,
                                            const Target& target) {
  request.timeout = config.timeout;
  const int attempts = retry == Retry::standard ? kAttempts : 1;
  for (int attempt = 0;; ++attempt) {
    const bool last = attempt + 1 >= attempts;
    OutboundReply reply = co_await auth::offload(outbound_pool(), &perform_http, request);
    // backoff × 2^attempt (contract 7.2), unless the provider said how long to wait.
    std::chrono::milliseconds delay = config.backoff * (1 << attempt);
    switch (reply.transport) {
      case OutboundReply::Transport::timed_out:
        throw upstream_timeout(target.provider, static_cast<long>(config.timeout.count()));
      case OutboundReply::Transport::failed:
        if (last) throw upstream_unreachable(target.provider, reply.transport_error);
        break;
      case OutboundReply::Transport::answered:
        if (reply.status >= 200 && reply.status < 300) co_return reply;
        if (reply.status == 429) {
          if (last) {
            if (attempts == 1) throw upstream_error(target.provider, reply.status, reply.body, target.secrets);
            throw upstream_rate_limited(target.provider);
          }
          if (reply.retry_after_seconds)
            delay = std::min<std::chrono::milliseconds>(std::chrono::seconds(*reply.retry_after_seconds),
                                                        kMaxRetryAfter);
        } else if (reply.status < 500 || last) {
          throw upstream_error(target.provider, reply.status, reply.body, target.secrets);
        }
        break;
    }
    co_await pause(delay);
  }
}

json::value parse_reply(const OutboundReply& reply, const Target& target) {
  if (reply.body.find_first_not_of(" \t\r\n") == std::string::npos) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(reply.body, ec);
  if (ec) throw upstream_bad_reply(target.provider, "the body is not JSON");
  return v;
}

}  // namespace agenthq::verticals::real_estate::integrations
