#pragma once
#include "http/api_docs.hpp"

namespace agenthq::hub {

// The documentation of every hub route, each resource's in its own folder (*_docs.cpp).
void document_hub_routes(http::ApiDocs& docs);

void document_schemas(http::ApiDocs& docs);  // the objects of contract §3.16
void document_system_routes(http::ApiDocs& docs);
void document_account_routes(http::ApiDocs& docs);
void document_org_routes(http::ApiDocs& docs);
void document_agent_routes(http::ApiDocs& docs);
void document_channel_routes(http::ApiDocs& docs);
void document_post_routes(http::ApiDocs& docs);
void document_activity_routes(http::ApiDocs& docs);
void document_insight_routes(http::ApiDocs& docs);
void document_search_routes(http::ApiDocs& docs);
void document_feed_routes(http::ApiDocs& docs);
void document_post_change_routes(http::ApiDocs& docs);
void document_notification_routes(http::ApiDocs& docs);
void document_dm_routes(http::ApiDocs& docs);
void document_task_routes(http::ApiDocs& docs);
void document_invite_routes(http::ApiDocs& docs);
void document_webhook_routes(http::ApiDocs& docs);

}  // namespace agenthq::hub
