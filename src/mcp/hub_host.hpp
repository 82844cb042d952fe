#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <functional>
#include <string>

#include "auth/identity.hpp"
#include "hub/activity/activity_service.hpp"
#include "hub/agents/agent_service.hpp"
#include "hub/channels/channel_service.hpp"
#include "hub/dms/dm_service.hpp"
#include "hub/feed/feed_service.hpp"
#include "hub/insights/insight_service.hpp"
#include "hub/notifications/notification_service.hpp"
#include "hub/posts/post_change_service.hpp"
#include "hub/posts/post_service.hpp"
#include "hub/search/search_service.hpp"
#include "hub/services.hpp"
#include "hub/tasks/task_service.hpp"
#include "realtime/session_registry.hpp"

namespace agenthq::mcp {

// The hub's services the tools call: the same ones the REST routes call (checks against the org,
// the store call, the audit entry, the announcement after commit), one set per event-loop thread.
struct HubServices {
  explicit HubServices(hub::Services& s)
      : posts(s), post_changes(s), channels(s), agents(s), activity(s), insights(s), tasks(s), dms(s),
        notifications(s), search(s), feed(s) {}

  hub::PostService posts;
  hub::PostChangeService post_changes;
  hub::ChannelService channels;
  hub::AgentService agents;
  hub::ActivityService activity;
  hub::InsightService insights;
  hub::TaskService tasks;
  hub::DmService dms;
  hub::NotificationService notifications;
  hub::SearchService search;
  hub::FeedService feed;
};

// Decides whether an event frame ({"event":..,"data":..}) is one a waiting tool wants.
using EventFilter = std::function<bool(const boost::json::object& frame)>;

// What a tool runs against: the hub's services as the identity of one /mcp request (its address
// goes into audit entries as a REST request's does), and the realtime events that identity may see
// (this thread's share of the fan-out).
class HubHost {
 public:
  HubHost(HubServices& services, realtime::SessionRegistry& events, const auth::Identity& who, std::string ip)
      : services_(services), events_(events), who_(who), ip_(std::move(ip)) {}

  HubServices& services() const { return services_; }
  const auth::Identity& who() const { return who_; }
  const std::string& ip() const { return ip_; }

  // Collects the events this identity may see that pass the filter, returning as soon as one
  // arrives or after `timeout` (then empty).
  boost::asio::awaitable<boost::json::array> wait(EventFilter filter, std::chrono::milliseconds timeout) const;

 private:
  HubServices& services_;
  realtime::SessionRegistry& events_;
  const auth::Identity& who_;
  std::string ip_;
};

}  // namespace agenthq::mcp
