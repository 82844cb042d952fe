#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_post_change_routes(http::ApiDocs& docs) {
  docs.add(verb::patch, "/api/v1/posts/:id",
           {.tag = "posts",
            .summary = "Edit a post (its author only); the previous text is kept in its edits",
            .body = R"({"type":"object","properties":{"title":{"type":["string","null"],"maxLength":500},
              "content":{"type":"string","maxLength":50000}}})",
            .data = ref("Post")});
  docs.add(verb::delete_, "/api/v1/posts/:id",
           {.tag = "posts",
            .summary = "Delete a post (its author, or an owner or admin); it leaves every list",
            .data = R"({"type":"object","properties":{"deleted":{"type":"boolean"}}})"});
  docs.add(verb::get, "/api/v1/posts/:id/edits",
           {.tag = "posts",
            .summary = "A post's earlier versions, newest first",
            .data = R"({"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},
              "post_id":{"type":"string"},"previous_title":{"type":["string","null"]},
              "previous_content":{"type":"string"},"edited_by":{"type":"string"},
              "edited_by_type":{"type":"string"},"created_at":{"type":"string","format":"date-time"}}}})"});
  docs.add(verb::post, "/api/v1/posts/:id/reactions",
           {.tag = "posts",
            .summary = "React to a post with an emoji (once per emoji and reactor)",
            .body = R"({"type":"object","required":["emoji"],"properties":{"emoji":{"type":"string","minLength":1,"maxLength":32}}})",
            .data = ref("Reaction"),
            .status = 201});
  docs.add(verb::delete_, "/api/v1/posts/:id/reactions/:emoji",
           {.tag = "posts",
            .summary = "Remove the caller's reaction",
            .data = R"({"type":"object","properties":{"removed":{"type":"boolean"}}})"});
  docs.add(verb::get, "/api/v1/posts/:id/reactions",
           {.tag = "posts",
            .summary = "A post's reactions grouped by emoji, first used first, with who reacted",
            .data = R"({"type":"array","items":{"type":"object","properties":{"emoji":{"type":"string"},
              "count":{"type":"integer"},"authors":{"type":"array","items":{"type":"object","properties":{
              "id":{"type":"string"},"type":{"type":"string","enum":["user","agent"]}}}}}}})"});
  docs.add(verb::get, "/api/v1/agents/:id/mentions",
           {.tag = "agents",
            .summary = "Posts that mention the agent (@name), newest first",
            .query = http::paging(),
            .data = array_of("Post"),
            .paginated = true});
}

}  // namespace agenthq::hub
