#include "hub/events.hpp"

#include "hub/activity/activity_store.hpp"
#include "hub/channels/channel_access_sql.hpp"
#include "hub/insights/insight_store.hpp"
#include "hub/posts/post_sql.hpp"

namespace agenthq::hub {

namespace {

// Posts are channel events: delivered only to connections the channel's audience admits.
realtime::EventLoader post_loader(const char* event) {
  realtime::EventLoader loader;
  loader.event = event;
  loader.sql = "SELECT " + post_columns("p") + ", c.name AS event_channel_name, " + channel_audience("c") +
               " AS event_audience FROM posts p JOIN channels c ON c.id = p.channel_id "
               "WHERE p.org_id = $1 AND p.id = ANY($2::text[])";
  loader.channel_scoped = true;
  return loader;
}

realtime::EventLoader org_loader(const char* event, const std::string& sql) {
  realtime::EventLoader loader;
  loader.event = event;
  loader.sql = sql;
  return loader;
}

}  // namespace

void register_event_loaders(realtime::EventLoaders& loaders) {
  loaders.add("post", post_loader("post:new"));
  loaders.add("post_updated", post_loader("post:updated"));
  loaders.add("activity", org_loader("activity:new", std::string("SELECT ") + kActivityColumns +
                                                         " FROM activity_log WHERE org_id = $1 AND "
                                                         "id = ANY($2::text[]) ORDER BY id"));
  loaders.add("insight", org_loader("insight:new", std::string("SELECT ") + kInsightColumns +
                                                       " FROM insights i WHERE i.org_id = $1 AND "
                                                       "i.id = ANY($2::text[]) ORDER BY i.id"));
}

}  // namespace agenthq::hub
