#include "hub/channels/channel_input.hpp"

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
using http::ApiError;

NewChannel read_new_channel(const boost::json::object& raw) {
  http::BodyReader body(raw);
  NewChannel c;
  c.name = body.required_string("name", 1, 80);
  if (!http::matches_slug(c.name)) throw ApiError::validation("name may contain only lowercase letters, digits and hyphens");
  c.description = body.optional_string("description", 0, 5000);
  c.type = body.optional_enum("type", {"public", "private"}).value_or("public");
  return c;
}

std::optional<std::string> read_channel_type(const http::Query& query) { return http::query_text(query, "type"); }

}  // namespace agenthq::hub
