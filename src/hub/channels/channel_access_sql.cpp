#include "hub/channels/channel_access_sql.hpp"

namespace agenthq::hub {

namespace {
std::string members_only(const std::string& alias) { return alias + ".type IN ('private', 'dm')"; }
}  // namespace

std::string channel_readable(const std::string& alias, int id_param, int type_param) {
  return "(NOT " + members_only(alias) + " OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = " +
         alias + ".id AND cm.member_id = $" + std::to_string(id_param) + " AND cm.member_type = $" +
         std::to_string(type_param) + "))";
}

std::string channel_audience(const std::string& alias) {
  return "CASE WHEN " + members_only(alias) +
         " THEN (SELECT coalesce(json_agg(json_build_array(m.member_id, m.member_type)), '[]') FROM channel_members m "
         "WHERE m.channel_id = " + alias + ".id) END";
}

}  // namespace agenthq::hub
