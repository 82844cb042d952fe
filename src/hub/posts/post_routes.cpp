#include "hub/posts/post_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/posts/post_input.hpp"
#include "hub/posts/post_service.hpp"
#include "hub/search/search_input.hpp"
#include "hub/search/search_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

namespace {

Response page_response(const PostPage& page, const http::PageRequest& p) {
  return http::paginated(page.posts, {p.page, p.limit, page.total});
}

}  // namespace

void add_post_routes(http::Router& router, Services& s) {
  auto posts = std::make_shared<PostService>(s);
  auto searches = std::make_shared<SearchService>(s);

  router.add(verb::post, "/api/v1/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewPost n = read_new_post(ctx.body);
               auto post = co_await posts->create(ctx.who(), ctx.client_ip, n);
               co_return http::created(post);
             });

  router.add(verb::get, "/api/v1/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               PostFilter f = read_post_filter(ctx.query);
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await posts->list(ctx.who(), f, p.limit, p.offset());
               co_return page_response(page, p);
             });

  // The posts part of GET /search: one statement, ranked, counted and paged.
  router.add(verb::get, "/api/v1/posts/search", Access::authenticated,
             [searches](RequestContext& ctx) -> asio::awaitable<Response> {
               http::PageRequest p = http::page_request(ctx);
               const SearchQuery query = read_post_search(ctx.query, p);
               auto found = co_await searches->search(ctx.who(), query);
               co_return http::paginated(found.posts, {p.page, p.limit, found.posts_count});
             });

  router.add(verb::get, "/api/v1/posts/:id", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await posts->thread(ctx.who(), ctx.param("id"));
               co_return http::ok(found);
             });

  router.add(verb::get, "/api/v1/channels/:id/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               PostFilter f = read_post_filter(ctx.query);
               f.channel_id = ctx.param("id");
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await posts->list_channel(ctx.who(), f, p.limit, p.offset());
               co_return page_response(page, p);
             });
}

}  // namespace agenthq::hub
