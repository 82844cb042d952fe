#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace agenthq::realtime {

// One event ready for delivery: the frame is serialised once and the same buffer is written to
// every recipient. Org-wide events go to every connection of the org; channel events only to
// connections that may read the channel and subscribed to it (or to nothing at all); events
// with a recipient only to that user's or agent's own connections.
struct Event {
  std::string org_id;
  bool channel_scoped = false;
  std::string channel_id;
  std::string channel_name;
  bool members_only = false;                                 // private and DM channels
  std::vector<std::pair<std::string, std::string>> members;  // (id, type) when members_only
  std::string recipient_id;  // set: only that identity's connections (notifications)
  std::string recipient_type;
  std::shared_ptr<const std::string> frame;  // {"event":...,"data":...}
};

}  // namespace agenthq::realtime
