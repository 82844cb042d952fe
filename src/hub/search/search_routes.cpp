#include "hub/search/search_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/search/search_input.hpp"
#include "hub/search/search_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_search_routes(http::Router& router, Services& s) {
  auto searches = std::make_shared<SearchService>(s);

  router.add(verb::get, "/api/v1/search", Access::authenticated,
             [searches](RequestContext& ctx) -> asio::awaitable<Response> {
               const http::PageRequest page = http::page_request(ctx);
               const SearchQuery query = read_search(ctx.query, page);
               SearchResult result = co_await searches->search(ctx.who(), query);
               co_return http::reply_text(search_envelope_json(result, page));
             });
}

}  // namespace agenthq::hub
