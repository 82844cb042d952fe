#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;

void document_feed_routes(http::ApiDocs& docs) {
  const std::string when = R"({"type":"string","format":"date-time"})";
  docs.add(verb::get, "/api/v1/feed",
           {.tag = "feed",
            .summary = "The timeline: posts, activity and insights merged, newest first",
            .query = http::paging({{"since", when, "Default: 24 hours ago"},
                                   {"until", when},
                                   {"types", R"({"type":"string"})", "Comma list of posts, activity, insights"},
                                   {"actor_id", R"({"type":"string"})"}}),
            .data = array_of("FeedItem"),
            .paginated = true});
}

}  // namespace agenthq::hub
