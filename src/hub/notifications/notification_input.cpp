#include "hub/notifications/notification_input.hpp"

#include "http/query_params.hpp"

namespace agenthq::hub {

NotificationFilter read_notification_filter(const http::Query& query) {
  NotificationFilter f;
  f.type = http::query_text(query, "type");
  if (auto read = http::query_text(query, "read")) f.read = *read == "true";
  return f;
}

}  // namespace agenthq::hub
