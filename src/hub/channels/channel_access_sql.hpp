#pragma once
#include <string>

namespace agenthq::hub {

// The one definition of "may read this channel": public and system channels are open to the
// whole org; private and DM channels only to their members. REST, search and the feed filter
// with channel_readable(); WebSocket fan-out checks each connection against the audience that
// channel_audience() loaded with the event (realtime::Audience).

// SQL predicate: the channel row aliased `alias` may be read (and posted to) by the identity
// whose id and type are bound at $id_param and $type_param.
std::string channel_readable(const std::string& alias, int id_param, int type_param);

// SQL expression: NULL when the whole org may read the channel row aliased `alias`, else a JSON
// array of its members' [member_id, member_type].
std::string channel_audience(const std::string& alias);

}  // namespace agenthq::hub
