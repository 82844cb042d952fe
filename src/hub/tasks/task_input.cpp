#include "hub/tasks/task_input.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/query_params.hpp"
#include "util/time.hpp"

namespace agenthq::hub {
namespace json = boost::json;
using http::ApiError;
using http::BodyReader;

namespace {

constexpr std::size_t kMaxId = 200;

Change<std::string> set_to(std::optional<std::string> v) { return {v.has_value(), std::move(v)}; }

}  // namespace

TaskInput read_task(const json::object& raw, bool creating) {
  BodyReader body(raw);
  TaskInput in;
  if (creating) in.title = set_to(body.required_string("title", 1, 500));
  else in.title = set_to(body.optional_string("title", 1, 500));
  auto nullable = [&](const char* name, std::size_t max) {
    Change<std::string> c;
    if (auto v = body.nullable_string(name, max)) {
      c.given = creating ? v->has_value() : true;
      c.value = *v;
    }
    return c;
  };
  in.description = nullable("description", 10000);
  in.status = set_to(body.optional_enum("status", {"open", "in_progress", "completed", "cancelled"}));
  in.priority = set_to(body.optional_enum("priority", {"low", "medium", "high", "urgent"}));
  in.assigned_to = nullable("assigned_to", kMaxId);
  if (in.assigned_to.given && in.assigned_to.value && in.assigned_to.value->empty())
    throw ApiError::validation("assigned_to must not be empty");
  if (body.has("assigned_type") && !raw.at("assigned_type").is_null())
    in.assigned_type = body.optional_enum("assigned_type", {"agent", "user"});
  in.channel_id = nullable("channel_id", kMaxId);
  in.due_date = nullable("due_date", 100);
  if (in.due_date.value) {
    auto tp = util::parse_iso8601(*in.due_date.value);
    if (!tp) throw ApiError::validation("due_date must be an ISO-8601 date");
    in.due_date.value = util::iso8601(*tp);
  }
  if (auto metadata = body.optional_object("metadata")) in.metadata = set_to(json::serialize(*metadata));
  return in;
}

TaskFilter read_task_filter(const http::Query& query) {
  TaskFilter f;
  f.status = http::query_text(query, "status");
  f.priority = http::query_text(query, "priority");
  f.assigned_to = http::query_text(query, "assigned_to");
  f.created_by = http::query_text(query, "created_by");
  f.channel_id = http::query_text(query, "channel_id");
  return f;
}

}  // namespace agenthq::hub
