#pragma once
#include <boost/json/object.hpp>
#include <string>

namespace agenthq::hub {

// The other member of a DM, as POST /dm names it: member_id and member_type (agent or user),
// read once for the REST route and the MCP tool (see posts/post_input.hpp).
struct DmMember {
  std::string id;
  std::string type;
};
DmMember read_dm_member(const boost::json::object& body);

}  // namespace agenthq::hub
