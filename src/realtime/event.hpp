#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "auth/identity.hpp"

namespace agenthq::realtime {

// Who of the org may receive a channel event, as the channel's resource decided when the event
// was loaded (hub/channels/channel_access_sql.hpp holds the one rule): everyone, or the
// channel's members only.
struct Audience {
  bool members_only = false;
  std::vector<std::pair<std::string, std::string>> members;  // (id, type) when members_only
  std::string recipient_id;  // set: only that identity's connections (notifications)
  std::string recipient_type;

  bool admits(const auth::Identity& who) const;
};

// One event ready for delivery: the frame is serialised once and the same buffer is written to
// every recipient. Org-wide events go to every connection of the org; channel events only to
// connections the audience admits and that follow the channel (ws_session.hpp); events with a
// recipient only to that user's or agent's own connections.
struct Event {
  std::string org_id;
  bool channel_scoped = false;
  std::string channel_id;
  std::string channel_name;
  Audience audience;                         // channel events and recipient-only events
  std::shared_ptr<const std::string> frame;  // {"event":...,"data":...}
};

}  // namespace agenthq::realtime
