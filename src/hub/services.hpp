#pragma once
#include <boost/asio/thread_pool.hpp>
#include <memory>

#include "hub/settings.hpp"
#include "auth/api_key_cache.hpp"
#include "auth/jwt.hpp"
#include "db/database.hpp"
#include "realtime/event_bus.hpp"

namespace agenthq::hub {

struct AuditEntry;
class WebhookDispatcher;
struct ReadCaches;

// What routes of one event-loop thread depend on. The database pool is the thread's own;
// the rest is shared by every thread of the process.
struct Services {
  const Settings& settings;
  db::Database& db;
  const auth::JwtCodec& jwt;
  auth::ApiKeyCache& key_cache;
  boost::asio::thread_pool& workers;  // bcrypt and other slow CPU work
  realtime::EventBus& events;         // announce committed changes (WebSocket fan-out)
  ReadCaches* caches = nullptr;       // process-wide (hub/cache/read_caches.hpp); null: nothing cached
  std::shared_ptr<WebhookDispatcher> webhooks = nullptr;  // this thread's; set by add_hub_routes

  // Announces an audit entry that has been committed (activity:new).
  void announce(const AuditEntry& entry) const;
};

}  // namespace agenthq::hub
