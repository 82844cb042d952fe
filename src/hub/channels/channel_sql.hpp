#pragma once
#include <string>

namespace agenthq::hub {

// The Channel object's columns for the table aliased `alias`. Migrations 001-011 have no
// dm_pair_hash column (it arrives with DM channels in 017), so the field is not emitted yet.
std::string channel_columns(const std::string& alias = "c");

}  // namespace agenthq::hub
