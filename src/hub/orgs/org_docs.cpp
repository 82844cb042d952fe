#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::ref;

void document_org_routes(http::ApiDocs& docs) {
  docs.add(verb::get, "/api/v1/org", {.tag = "org", .summary = "The caller's organisation", .data = ref("Org")});
  docs.add(verb::get, "/api/v1/org/current",
           {.tag = "org", .summary = "The caller's organisation (alias the web app uses)", .data = ref("Org")});
  docs.add(verb::get, "/api/v1/org/members",
           {.tag = "org",
            .summary = "The organisation's people and agents, for pickers (DMs, assignees, mentions)",
            .data = R"({"type":"array","items":{"type":"object","required":["id","type","name","role"],"properties":{
              "id":{"type":"string"},"type":{"type":"string","enum":["user","agent"]},"name":{"type":"string"},
              "role":{"type":["string","null"],"enum":["owner","admin","member","viewer",null]}}}})",
            .description = "Ours (not in the older server): its web app had no way to list people."});
  docs.add(verb::patch, "/api/v1/org",
           {.tag = "org",
            .summary = "Rename the organisation or replace its settings",
            .body = R"({"type":"object","minProperties":1,"properties":{
              "name":{"type":"string","minLength":1,"maxLength":200},"settings":{"type":"object"}}})",
            .data = ref("Org")});
}

}  // namespace agenthq::hub
