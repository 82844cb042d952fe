#include "hub/channels/channel_access_sql.hpp"

namespace agenthq::hub {

std::string channel_readable(const std::string& alias, int id_param, int type_param) {
  return "(" + alias + ".type NOT IN ('private', 'dm') OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = " +
         alias + ".id AND cm.member_id = $" + std::to_string(id_param) + " AND cm.member_type = $" +
         std::to_string(type_param) + "))";
}

}  // namespace agenthq::hub
