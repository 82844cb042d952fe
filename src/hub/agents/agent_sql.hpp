#pragma once
#include <chrono>
#include <string>

namespace agenthq::hub {

// The Agent object's columns (never api_key_hash or search_vector). Presence is computed on
// read: an agent whose last heartbeat is older than the timeout is reported offline without
// anyone having to call it.
std::string agent_columns(std::chrono::seconds presence_timeout, const std::string& table = "agents");

}  // namespace agenthq::hub
