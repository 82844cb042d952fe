#include "realtime/event.hpp"

#include <algorithm>

namespace agenthq::realtime {

bool Audience::admits(const auth::Identity& who) const {
  if (!recipient_id.empty() && (who.id != recipient_id || who.type_name() != recipient_type))
    return false;
  if (!members_only) return true;
  return std::any_of(members.begin(), members.end(),
                     [&](const auto& m) { return m.first == who.id && m.second == who.type_name(); });
}

}  // namespace agenthq::realtime
