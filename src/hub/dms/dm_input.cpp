#include "hub/dms/dm_input.hpp"

#include "http/body_reader.hpp"

namespace agenthq::hub {

DmMember read_dm_member(const boost::json::object& raw) {
  http::BodyReader body(raw);
  DmMember m;
  m.id = body.required_string("member_id", 1, 200);
  m.type = body.required_enum("member_type", {"agent", "user"});
  return m;
}

}  // namespace agenthq::hub
