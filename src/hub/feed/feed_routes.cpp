#include "hub/feed/feed_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/feed/feed_input.hpp"
#include "hub/feed/feed_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_feed_routes(http::Router& router, Services& s) {
  auto feed = std::make_shared<FeedService>(s);

  router.add(verb::get, "/api/v1/feed", Access::authenticated,
             [feed](RequestContext& ctx) -> asio::awaitable<Response> {
               const http::PageRequest page = http::page_request(ctx);
               const FeedQuery query = read_feed(ctx.query, page);
               FeedPage result = co_await feed->page(ctx.who(), query);
               const http::Pagination pagination{page.page, page.limit, result.total};
               co_return http::paginated(result.items, pagination);
             });
}

}  // namespace agenthq::hub
