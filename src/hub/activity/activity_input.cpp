#include "hub/activity/activity_input.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "http/body_reader.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace json = boost::json;

namespace {

// A time bound from the query as epoch microseconds; unparseable text is the client's mistake
// (400), never a database error.
void time_bound(const http::Query& query, const std::string& name, std::vector<std::int64_t>& out) {
  auto tp = http::query_instant(query, name);
  if (!tp) return;
  out.push_back(std::chrono::duration_cast<std::chrono::microseconds>(tp->time_since_epoch()).count());
}

}  // namespace

NewActivity read_new_activity(const json::object& raw) {
  http::BodyReader body(raw);
  NewActivity n;
  n.action = body.required_string("action", 1, 200);
  n.resource_type = body.optional_string("resource_type", 0, 200);
  n.resource_id = body.optional_string("resource_id", 0, 200);
  n.details = body.optional_object("details").value_or(json::object{});
  return n;
}

ActivityFilter read_activity_filter(const http::Query& query) {
  ActivityFilter f;
  f.actor_id = http::query_text(query, "actor_id");
  f.actor_type = http::query_text(query, "actor_type");
  f.action = http::query_text(query, "action");
  f.resource_type = http::query_text(query, "resource_type");
  time_bound(query, "from", f.created_from);
  time_bound(query, "date_from", f.created_from);
  time_bound(query, "to", f.created_to);
  time_bound(query, "date_to", f.created_to);
  return f;
}

}  // namespace agenthq::hub
