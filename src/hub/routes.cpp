#include "hub/routes.hpp"

#include "hub/accounts/account_routes.hpp"
#include "hub/activity/activity_routes.hpp"
#include "hub/agents/agent_routes.hpp"
#include "hub/channels/channel_routes.hpp"
#include "hub/dms/dm_routes.hpp"
#include "hub/feed/feed_routes.hpp"
#include "hub/insights/insight_routes.hpp"
#include "hub/invites/invite_routes.hpp"
#include "hub/orgs/org_routes.hpp"
#include "hub/notifications/notification_routes.hpp"
#include "hub/posts/post_change_routes.hpp"
#include "hub/posts/post_routes.hpp"
#include "hub/search/search_routes.hpp"
#include "hub/tasks/task_routes.hpp"
#include "hub/webhooks/webhook_dispatcher.hpp"
#include "hub/webhooks/webhook_routes.hpp"

namespace agenthq::hub {

void add_hub_routes(http::Router& router, Services& services, const HealthProbe& probe) {
  services.webhooks =
      std::make_shared<WebhookDispatcher>(services.db, services.settings.webhooks, services.settings.encryption_key);
  add_health_routes(router, probe);
  add_account_routes(router, services);
  add_org_routes(router, services);
  add_agent_routes(router, services);
  add_activity_routes(router, services);
  add_insight_routes(router, services);
  add_channel_routes(router, services);
  add_post_routes(router, services);
  add_post_change_routes(router, services);
  add_notification_routes(router, services);
  add_dm_routes(router, services);
  add_task_routes(router, services);
  add_webhook_routes(router, services);
  add_invite_routes(router, services);
  add_search_routes(router, services);
  add_feed_routes(router, services);
}

}  // namespace agenthq::hub
