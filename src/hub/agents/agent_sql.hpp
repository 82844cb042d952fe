#pragma once
#include <chrono>
#include <string>

namespace agenthq::hub {

// The Agent object's columns (never api_key_hash or search_vector). Presence is computed on
// read: an agent whose last heartbeat is older than the timeout is reported offline without
// anyone having to call it.
std::string agent_columns(std::chrono::seconds presence_timeout, const std::string& table = "agents");

// SQL expression: the oldest heartbeat that still counts as present (`now() - interval 'N seconds'`).
std::string presence_cutoff(std::chrono::seconds presence_timeout);

// SQL predicate: the agent row `table` has the COMPUTED status bound at $status_param (one of
// online/offline/busy, validated by the caller). Written without CASE so the planner can still
// use the status index: "offline" is stored-offline or stale, anything else needs a fresh heartbeat.
std::string agent_presence_is(std::chrono::seconds presence_timeout, const std::string& table,
                              const std::string& status, int status_param);

// SQL predicate: the identity bound at $kind_param ('user'/'agent'), $id_param and $admin_param
// (boolean: owner/admin user) may change the agent row `table`. An agent may change only itself;
// a user the agents they own; owners and admins every agent of the org. The one definition of
// "may edit this agent" used by PATCH and heartbeat.
std::string agent_editable_by(const std::string& table, int kind_param, int id_param, int admin_param);

// Same for deletion: users only (an agent never deletes agents, not even itself).
std::string agent_deletable_by(const std::string& table, int kind_param, int id_param, int admin_param);

}  // namespace agenthq::hub
