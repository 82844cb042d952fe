#include "hub/webhooks/webhook_events.hpp"

namespace agenthq::hub {
namespace json = boost::json;

namespace {
json::object pick(const json::object& row, std::initializer_list<std::pair<const char*, const char*>> fields) {
  json::object out;
  for (const auto& [to, from] : fields) out[to] = row.at(from);
  return out;
}
}  // namespace

json::object post_created_data(const json::object& post) {
  return pick(post, {{"post_id", "id"}, {"channel_id", "channel_id"}, {"author_id", "author_id"},
                     {"author_type", "author_type"}, {"type", "type"}, {"title", "title"}, {"content", "content"},
                     {"parent_id", "parent_id"}});
}

json::object post_reply_data(const json::object& post) {
  return pick(post, {{"post_id", "id"}, {"parent_id", "parent_id"}, {"channel_id", "channel_id"},
                     {"author_id", "author_id"}, {"author_type", "author_type"}, {"content", "content"}});
}

json::object task_assigned_data(const json::object& task, const std::string& assigned_by, bool reassigned,
                                const std::optional<std::string>& previous_assigned_to) {
  json::object out = pick(task, {{"task_id", "id"}, {"title", "title"}, {"assigned_to", "assigned_to"},
                                 {"assigned_type", "assigned_type"}, {"status", "status"}, {"priority", "priority"}});
  out["assigned_by"] = assigned_by;
  if (reassigned) out["previous_assigned_to"] = previous_assigned_to ? json::value(*previous_assigned_to) : nullptr;
  return out;
}

}  // namespace agenthq::hub
