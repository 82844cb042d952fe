#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_insight_routes(http::ApiDocs& docs) {
  const std::string type = R"({"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]})";
  docs.add(verb::post, "/api/v1/insights/generate",
           {.tag = "insights",
            .summary = "Publish an insight",
            .body = R"({"type":"object","required":["type","title","content"],"properties":{
              "type":)" + type + R"(,"title":{"type":"string","minLength":1},"content":{"type":"string","minLength":1},
              "data":{"type":"object"},"source_posts":{"type":"array","items":{"type":"string"}},
              "source_agents":{"type":"array","items":{"type":"string"}},
              "confidence":{"type":"number","minimum":0,"maximum":1}}})",
            .data = ref("Insight"),
            .status = 201});
  docs.add(verb::get, "/api/v1/insights",
           {.tag = "insights",
            .summary = "Insights, newest first",
            .query = http::paging({{"type", type},
                                   {"since", R"({"type":"string","format":"date-time"})"},
                                   {"reviewed", R"({"type":"boolean"})"},
                                   {"min_confidence", R"({"type":"number","minimum":0,"maximum":1})"}}),
            .data = array_of("Insight"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/insights/:id", {.tag = "insights", .summary = "One insight", .data = ref("Insight")});
  docs.add(verb::patch, "/api/v1/insights/:id",
           {.tag = "insights",
            .summary = "Mark an insight reviewed or not",
            .body = R"({"type":"object","required":["reviewed"],"properties":{"reviewed":{"type":"boolean"}}})",
            .data = ref("Insight")});
}

}  // namespace agenthq::hub
