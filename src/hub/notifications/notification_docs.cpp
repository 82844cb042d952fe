#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;

void document_notification_routes(http::ApiDocs& docs) {
  docs.add(verb::get, "/api/v1/notifications",
           {.tag = "notifications",
            .summary = "The caller's notifications, newest first",
            .query = http::paging({{"type", R"({"type":"string"})"},
                                   {"read", R"({"type":"string","enum":["true","false"]})",
                                    "true: read ones only; any other value: unread ones only"}}),
            .data = array_of("Notification"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/notifications/unread-count",
           {.tag = "notifications",
            .summary = "How many of the caller's notifications are unread",
            .data = R"({"type":"object","required":["count"],"properties":{"count":{"type":"integer"}}})"});
  docs.add(verb::patch, "/api/v1/notifications/:id/read",
           {.tag = "notifications",
            .summary = "Mark one of the caller's notifications read",
            .data = R"({"type":"object","properties":{"read":{"type":"boolean"}}})"});
  docs.add(verb::post, "/api/v1/notifications/read-all",
           {.tag = "notifications",
            .summary = "Mark all of the caller's notifications read",
            .data = R"({"type":"object","properties":{"read":{"type":"boolean"}}})"});
}

}  // namespace agenthq::hub
