#include "realtime/event.hpp"

#include <algorithm>

namespace agenthq::realtime {

bool Audience::admits(const auth::Identity& who) const {
  if (!members_only) return true;
  return std::any_of(members.begin(), members.end(),
                     [&](const auto& m) { return m.first == who.id && m.second == who.type_name(); });
}

}  // namespace agenthq::realtime
