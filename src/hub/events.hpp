#pragma once
#include "auth/api_key_cache.hpp"
#include "realtime/event_loaders.hpp"

namespace agenthq::hub {

// Registers how the hub's event kinds (posts, reactions, tasks, notifications, activity, insights; published through
// realtime::EventBus) are read back for WebSocket delivery. A new resource with events adds its
// loader here, beside the SQL of its own columns.
// `keys` learns of deleted agents' keys from other processes (the agent_key_revoked signal).
void register_event_loaders(realtime::EventLoaders& loaders, auth::ApiKeyCache& keys);

}  // namespace agenthq::hub
