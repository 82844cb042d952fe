#pragma once
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "mcp/hub_host.hpp"
#include "realtime/session_registry.hpp"

namespace agenthq::mcp {

// Runs tools inside the hub: a RestCall goes through the same router, access rules and route
// handlers as an HTTP request of the same identity would; waits listen to this thread's share of
// the realtime event stream.
class RouterHost final : public HubHost {
 public:
  RouterHost(const http::Router& router, realtime::SessionRegistry& events, const http::RequestContext& outer)
      : router_(router), events_(events), outer_(outer) {}

  const auth::Identity& identity() const override { return outer_.who(); }
  boost::asio::awaitable<RestReply> call(RestCall call) override;
  boost::asio::awaitable<boost::json::array> wait(EventFilter filter, std::chrono::milliseconds timeout) override;

 private:
  const http::Router& router_;
  realtime::SessionRegistry& events_;
  const http::RequestContext& outer_;  // the /mcp request the tool runs for
};

}  // namespace agenthq::mcp
