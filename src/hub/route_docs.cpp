#include "hub/route_docs.hpp"

namespace agenthq::hub {

void document_hub_routes(http::ApiDocs& docs) {
  document_schemas(docs);
  document_system_routes(docs);
  document_account_routes(docs);
  document_org_routes(docs);
  document_agent_routes(docs);
  document_channel_routes(docs);
  document_post_routes(docs);
  document_activity_routes(docs);
  document_insight_routes(docs);
  document_search_routes(docs);
  document_feed_routes(docs);
  document_post_change_routes(docs);
  document_notification_routes(docs);
  document_dm_routes(docs);
  document_task_routes(docs);
  document_invite_routes(docs);
  document_webhook_routes(docs);
}

}  // namespace agenthq::hub
