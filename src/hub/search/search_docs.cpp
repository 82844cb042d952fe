#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;

void document_search_routes(http::ApiDocs& docs) {
  docs.add(verb::get, "/api/v1/search",
           {.tag = "search",
            .summary = "Full-text search across posts, insights and agents (page and limit per type)",
            .query = http::paging({{"q", R"({"type":"string","minLength":1})", "Search words", true},
                                   {"types", R"({"type":"string"})", "Comma list of posts, insights, agents"}}),
            .reply = R"({"type":"object","required":["success","data","pagination"],"properties":{
              "success":{"const":true},
              "data":{"type":"object","required":["posts","insights","agents"],"properties":{
                "posts":)" + array_of("Post") + R"(,"insights":)" + array_of("Insight") + R"(,
                "agents":)" + array_of("Agent") + R"(}},
              "pagination":{"type":"object","required":["page","limit","counts","total"],"properties":{
                "page":{"type":"integer"},"limit":{"type":"integer"},"total":{"type":"integer"},
                "counts":{"type":"object","required":["posts","insights","agents"],"properties":{
                  "posts":{"type":"integer"},"insights":{"type":"integer"},"agents":{"type":"integer"}}}}}}})"});
}

}  // namespace agenthq::hub
