#pragma once
#include <string>

namespace agenthq::hub {

// The Channel object's columns for the table aliased `alias` (dm_pair_hash: migration 017).
std::string channel_columns(const std::string& alias = "c");

}  // namespace agenthq::hub
