#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_activity_routes(http::ApiDocs& docs) {
  const std::string when = R"({"type":"string","format":"date-time"})";
  docs.add(verb::post, "/api/v1/activity",
           {.tag = "activity",
            .summary = "Record an action in the append-only activity log",
            .body = R"({"type":"object","required":["action"],"properties":{
              "action":{"type":"string","minLength":1},"resource_type":{"type":"string"},
              "resource_id":{"type":"string"},"details":{"type":"object"}}})",
            .data = ref("ActivityEntry"),
            .status = 201});
  docs.add(verb::get, "/api/v1/activity",
           {.tag = "activity",
            .summary = "The activity log, newest first",
            .query = http::paging({{"actor_id", R"({"type":"string"})"},
                                   {"actor_type", R"({"type":"string","enum":["user","agent"]})"},
                                   {"action", R"({"type":"string"})", "Exact action"},
                                   {"resource_type", R"({"type":"string"})"},
                                   {"from", when}, {"to", when}, {"date_from", when}, {"date_to", when}}),
            .data = array_of("ActivityEntry"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/activity/recent",
           {.tag = "activity", .summary = "The newest activity entries", .query = http::paging(),
            .data = array_of("ActivityEntry"), .paginated = true});
}

}  // namespace agenthq::hub
