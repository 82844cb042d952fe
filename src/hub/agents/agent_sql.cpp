#include "hub/agents/agent_sql.hpp"

namespace agenthq::hub {

std::string agent_columns(std::chrono::seconds presence_timeout, const std::string& t) {
  const std::string p = t + ".";
  return p + "id, " + p + "org_id, " + p + "name, " + p + "description, " + p + "api_key_prefix, " + p +
         "owner_user_id, CASE WHEN " + p + "status <> 'offline' AND (" + p + "last_heartbeat IS NULL OR " + p +
         "last_heartbeat < now() - interval '" + std::to_string(presence_timeout.count()) +
         " seconds') THEN 'offline' ELSE " + p + "status END AS status, " + p + "last_heartbeat, " + p +
         "capabilities, " + p + "metadata, " + p + "created_at, " + p + "updated_at";
}

}  // namespace agenthq::hub
