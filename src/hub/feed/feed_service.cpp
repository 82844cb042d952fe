#include "hub/feed/feed_service.hpp"

#include "hub/cache/read_caches.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;

FeedService::FeedService(Services& s) : store_(s.db, s.caches ? &s.caches->feed : nullptr) {}

asio::awaitable<FeedPage> FeedService::page(const auth::Identity& who, FeedQuery query) {
  query.org_id = who.org_id;
  query.caller_id = who.id;
  query.caller_type = who.type_name();
  co_return co_await store_.page(query);
}

}  // namespace agenthq::hub
