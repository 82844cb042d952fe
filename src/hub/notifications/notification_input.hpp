#pragma once
#include "http/request_context.hpp"
#include "hub/notifications/notification_store.hpp"

namespace agenthq::hub {

// The filters of GET /notifications (type, read), read once for the REST route and the MCP tool
// (see posts/post_input.hpp). As in the reference, read=true means read ones and any other
// value unread ones.
NotificationFilter read_notification_filter(const http::Query& query);

}  // namespace agenthq::hub
