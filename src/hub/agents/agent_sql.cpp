#include "hub/agents/agent_sql.hpp"

namespace agenthq::hub {
namespace {
std::string param(int n) { return "$" + std::to_string(n); }
}  // namespace

std::string presence_cutoff(std::chrono::seconds presence_timeout) {
  return "now() - interval '" + std::to_string(presence_timeout.count()) + " seconds'";
}

std::string agent_columns(std::chrono::seconds presence_timeout, const std::string& t) {
  const std::string p = t + ".";
  return p + "id, " + p + "org_id, " + p + "name, " + p + "description, " + p + "api_key_prefix, " + p +
         "owner_user_id, CASE WHEN " + p + "status <> 'offline' AND (" + p + "last_heartbeat IS NULL OR " + p +
         "last_heartbeat < " + presence_cutoff(presence_timeout) + ") THEN 'offline' ELSE " + p + "status END AS status, " +
         p + "last_heartbeat, " + p + "capabilities, " + p + "metadata, " + p + "created_at, " + p + "updated_at";
}

std::string agent_presence_is(std::chrono::seconds presence_timeout, const std::string& t, const std::string& status,
                              int status_param) {
  const std::string p = t + ".";
  if (status == "offline")
    return "(" + p + "status = " + param(status_param) + " OR " + p + "last_heartbeat IS NULL OR " + p +
           "last_heartbeat < " + presence_cutoff(presence_timeout) + ")";
  return "(" + p + "status = " + param(status_param) + " AND " + p + "last_heartbeat >= " + presence_cutoff(presence_timeout) +
         ")";
}

std::string agent_editable_by(const std::string& t, int kind_param, int id_param, int admin_param) {
  const std::string p = t + ".";
  return "((" + param(kind_param) + " = 'agent' AND " + p + "id = " + param(id_param) + ") OR (" + param(kind_param) +
         " = 'user' AND (" + param(admin_param) + "::boolean OR " + p + "owner_user_id = " + param(id_param) + ")))";
}

std::string agent_deletable_by(const std::string& t, int kind_param, int id_param, int admin_param) {
  const std::string p = t + ".";
  return "(" + param(kind_param) + " = 'user' AND (" + param(admin_param) + "::boolean OR " + p +
         "owner_user_id = " + param(id_param) + "))";
}

}  // namespace agenthq::hub
