#pragma once
#include "realtime/event_loaders.hpp"

namespace agenthq::hub {

// Registers how the hub's event kinds (posts, reactions, tasks, notifications, activity, insights; published through
// realtime::EventBus) are read back for WebSocket delivery. A new resource with events adds its
// loader here, beside the SQL of its own columns.
void register_event_loaders(realtime::EventLoaders& loaders);

}  // namespace agenthq::hub
