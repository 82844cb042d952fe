#include "hub/channels/channel_sql.hpp"

namespace agenthq::hub {

std::string channel_columns(const std::string& alias) {
  const std::string p = alias + ".";
  return p + "id, " + p + "org_id, " + p + "name, " + p + "description, " + p + "type, " + p + "created_by, " + p +
         "created_at, " + p + "updated_at, " + p + "dm_pair_hash";
}

}  // namespace agenthq::hub
