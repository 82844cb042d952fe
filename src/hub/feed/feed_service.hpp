#pragma once
#include <boost/asio/awaitable.hpp>

#include "auth/identity.hpp"
#include "hub/feed/feed_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// The feed as the caller sees it: the caller's org, and posts only of channels the caller may
// read. A read, nothing to audit; the REST route and the MCP tool call it.
class FeedService {
 public:
  explicit FeedService(Services& s);

  // query.org_id, caller_id and caller_type are set from `who`, whatever they held.
  boost::asio::awaitable<FeedPage> page(const auth::Identity& who, FeedQuery query);

 private:
  FeedStore store_;
};

}  // namespace agenthq::hub
