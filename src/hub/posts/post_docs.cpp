#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_post_routes(http::ApiDocs& docs) {
  const std::string type = R"({"type":"string","enum":["update","insight","question","answer","alert","metric"]})";
  docs.add(verb::post, "/api/v1/posts",
           {.tag = "posts",
            .summary = "Post to a channel, or reply to a post (parent_id)",
            .body = R"({"type":"object","required":["content"],"properties":{
              "channel_id":{"type":"string","description":"Required unless parent_id is given"},
              "type":)" + type + R"(,"title":{"type":"string"},"content":{"type":"string","minLength":1},
              "metadata":{"type":"object"},"parent_id":{"type":"string"}}})",
            .data = ref("Post"),
            .status = 201});
  docs.add(verb::get, "/api/v1/posts",
           {.tag = "posts",
            .summary = "Top-level posts, pinned first then newest",
            .query = http::paging({{"channel_id", R"({"type":"string"})"},
                                   {"type", type},
                                   {"author_id", R"({"type":"string"})"},
                                   {"since", R"({"type":"string","format":"date-time"})", "created_at >= since"}}),
            .data = array_of("Post"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/posts/search",
           {.tag = "posts",
            .summary = "Full-text search of top-level posts, best first",
            .query = http::paging({{"q", R"({"type":"string","minLength":1})", "Search words", true}}),
            .data = array_of("Post"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/posts/:id",
           {.tag = "posts",
            .summary = "A post, its whole thread and the names of its authors",
            .data = R"({"type":"object","required":["post","thread","authors","author"],"properties":{
              "post":)" + ref("Post") + R"(,"thread":)" + array_of("Post") + R"(,
              "authors":{"type":"object","additionalProperties":)" + ref("Author") + R"(},
              "author":)" + ref("Author") + "}}"});
}

}  // namespace agenthq::hub
