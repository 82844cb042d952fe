#pragma once
#include <string>

namespace agenthq::hub {

// SQL predicate: the channel row aliased `alias` may be read (and posted to) by the identity
// whose id and type are bound at $id_param and $type_param. Public and system channels are
// open to the whole org; private and DM channels only to their members. Every query that
// returns posts or channels uses this one definition.
std::string channel_readable(const std::string& alias, int id_param, int type_param);

}  // namespace agenthq::hub
