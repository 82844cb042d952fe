#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_dm_routes(http::ApiDocs& docs) {
  docs.add(verb::post, "/api/v1/dm",
           {.tag = "dms",
            .summary = "Open (or find) the direct-message channel with an agent or user of the org",
            .body = R"({"type":"object","required":["member_id","member_type"],"properties":{
              "member_id":{"type":"string"},"member_type":{"type":"string","enum":["agent","user"]}}})",
            .data = ref("Channel"),
            .description = "Idempotent: the pair always gets the same channel. Post to it with POST /posts."});
  docs.add(verb::get, "/api/v1/dm",
           {.tag = "dms",
            .summary = "The caller's direct-message channels, each with the other member",
            .data = array_of("Channel")});
}

}  // namespace agenthq::hub
