#include "hub/events.hpp"

#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/insights/insight_store.hpp"
#include "hub/notifications/notification_sql.hpp"
#include "hub/posts/post_sql.hpp"
#include "hub/tasks/task_store.hpp"

namespace agenthq::hub {
namespace json = boost::json;

namespace {

// Posts are channel events: delivered only to connections the channel's audience admits.
realtime::EventLoader post_loader(const char* event, std::function<json::value(json::object)> data = {}) {
  realtime::EventLoader loader;
  loader.event = event;
  loader.sql = "SELECT " + post_columns("p") + ", c.name AS event_channel_name, " + channel_audience("c") +
               " AS event_audience FROM posts p JOIN channels c ON c.id = p.channel_id "
               "WHERE p.org_id = $1 AND p.id = ANY($2::text[])";
  loader.channel_scoped = true;
  loader.data = std::move(data);
  return loader;
}

// A task in a channel is announced like that channel's posts; one without a channel org-wide.
realtime::EventLoader task_loader(const char* event) {
  realtime::EventLoader loader;
  loader.event = event;
  loader.sql = "SELECT " + task_columns("t") + ", c.name AS event_channel_name, " + channel_audience("c") +
               " AS event_audience FROM tasks t LEFT JOIN channels c ON c.id = t.channel_id "
               "WHERE t.org_id = $1 AND t.id = ANY($2::text[]) ORDER BY t.id";
  loader.channel_scoped = true;
  loader.data = [](json::object row) -> json::value { return json::object{{"task", std::move(row)}}; };
  return loader;
}

realtime::EventLoader org_loader(const char* event, const std::string& sql) {
  realtime::EventLoader loader;
  loader.event = event;
  loader.sql = sql;
  return loader;
}

}  // namespace

void register_event_loaders(realtime::EventLoaders& loaders, auth::ApiKeyCache& keys) {
  loaders.add_signal("agent_key_revoked", [&keys](const std::string&, const std::string& agent_id) {
    keys.forget_agent(agent_id);
  });
  loaders.add("post", post_loader("post:new"));
  loaders.add("post_updated", post_loader("post:updated"));
  // A deleted post's event is its id; a reaction's the post's id (contract §4).
  loaders.add("post_deleted", post_loader("post:deleted", [](json::object row) { return row.at("id"); }));
  const auto post_id = [](json::object row) -> json::value { return json::object{{"postId", row.at("id")}}; };
  loaders.add("reaction_new", post_loader("reaction:new", post_id));
  loaders.add("reaction_removed", post_loader("reaction:removed", post_id));
  loaders.add("task", task_loader("task:new"));
  loaders.add("task_updated", task_loader("task:updated"));
  realtime::EventLoader notification = org_loader(
      "notification:new", "SELECT " + notification_columns("n") +
                              " FROM notifications n WHERE n.org_id = $1 AND n.id = ANY($2::text[]) ORDER BY n.id");
  notification.recipient_only = true;
  notification.data = [](json::object row) -> json::value {
    json::value recipient = row.at("recipient_id");
    return json::object{{"recipientId", std::move(recipient)}, {"notification", std::move(row)}};
  };
  loaders.add("notification", std::move(notification));
  loaders.add("activity", org_loader("activity:new", std::string("SELECT ") + kActivityColumns +
                                                         " FROM activity_log WHERE org_id = $1 AND "
                                                         "id = ANY($2::text[]) ORDER BY id"));
  loaders.add("insight", org_loader("insight:new", std::string("SELECT ") + kInsightColumns +
                                                       " FROM insights i WHERE i.org_id = $1 AND "
                                                       "i.id = ANY($2::text[]) ORDER BY i.id"));
}

}  // namespace agenthq::hub
