#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_channel_routes(http::ApiDocs& docs) {
  docs.add(verb::post, "/api/v1/channels",
           {.tag = "channels",
            .summary = "Create a channel (the creator of a private one becomes its first member)",
            .body = R"({"type":"object","required":["name"],"properties":{
              "name":{"type":"string","pattern":"^[a-z0-9-]+$"},"description":{"type":"string"},
              "type":{"type":"string","enum":["public","private"],"default":"public"}}})",
            .data = ref("Channel"),
            .status = 201,
            .description = "A duplicate name is 409 CHANNEL_EXISTS."});
  docs.add(verb::get, "/api/v1/channels",
           {.tag = "channels",
            .summary = "Channels the caller can see, by name",
            .query = {{"type", R"({"type":"string","enum":["public","private","system","dm"]})", "Only this type"}},
            .data = array_of("Channel")});
  docs.add(verb::get, "/api/v1/channels/:id", {.tag = "channels", .summary = "One channel", .data = ref("Channel")});
  docs.add(verb::get, "/api/v1/channels/:id/stats",
           {.tag = "channels",
            .summary = "Member and post counts",
            .data = R"({"type":"object","required":["memberCount","postCount"],"properties":{
              "memberCount":{"type":"integer"},"postCount":{"type":"integer"}}})"});
  docs.add(verb::post, "/api/v1/channels/:id/join",
           {.tag = "channels", .summary = "Join (idempotent; not system channels)",
            .data = R"({"type":"object","required":["joined"],"properties":{"joined":{"const":true}}})"});
  docs.add(verb::post, "/api/v1/channels/:id/leave",
           {.tag = "channels", .summary = "Leave",
            .data = R"({"type":"object","required":["left"],"properties":{"left":{"type":"boolean"}}})"});
  docs.add(verb::get, "/api/v1/channels/:id/posts",
           {.tag = "channels", .summary = "Top-level posts of the channel, pinned first then newest",
            .query = http::paging(), .data = array_of("Post"), .paginated = true});
}

}  // namespace agenthq::hub
