#include "hub/search/search_routes.hpp"

#include <array>
#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/pagination.hpp"
#include "hub/search/query_params.hpp"
#include "hub/cache/read_caches.hpp"
#include "hub/search/search_store.hpp"
#include "util/json_text.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

namespace {
constexpr std::array<const char*, 3> kTypes{"posts", "insights", "agents"};

SearchQuery parse(const RequestContext& ctx, const http::PageRequest& page) {
  auto q = ctx.query_param("q");
  // Blank text has no lexemes and would match nothing; say so instead of answering an empty page.
  if (!q || q->find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw ApiError::bad_request("MISSING_QUERY", "Query parameter q is required");
  if (!valid_utf8(*q)) throw ApiError::validation("q must be valid UTF-8 text");
  const auto types = requested_types(ctx.query_param("types"), kTypes);
  SearchQuery s;
  s.org_id = ctx.who().org_id;
  s.caller_id = ctx.who().id;
  s.caller_type = ctx.who().type_name();
  s.text = std::string(*q);
  s.posts = types.count("posts") > 0;
  s.insights = types.count("insights") > 0;
  s.agents = types.count("agents") > 0;
  s.limit = page.limit;
  s.offset = page.offset();
  return s;
}

// Search has its own pagination shape: per-type counts and their sum, no hasMore (contract 1.2).
Response envelope(const SearchResult& r, const http::PageRequest& page) {
  json::object counts;
  counts["posts"] = r.posts_count;
  counts["insights"] = r.insights_count;
  counts["agents"] = r.agents_count;
  json::object pagination;
  pagination["page"] = page.page;
  pagination["limit"] = page.limit;
  pagination["counts"] = std::move(counts);
  pagination["total"] = r.posts_count + r.insights_count + r.agents_count;
  std::string body = "{\"success\":true,\"data\":{\"posts\":" + r.posts.json + ",\"insights\":" + r.insights.json +
                     ",\"agents\":" + r.agents.json + "},\"pagination\":" + util::to_json(pagination) + "}";
  return Response{boost::beast::http::status::ok, std::move(body), {}};
}
}  // namespace

void add_search_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<SearchStore>(s.db, s.settings.presence_timeout, s.caches ? &s.caches->search : nullptr);

  router.add(verb::get, "/api/v1/search", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               const http::PageRequest page = http::page_request(ctx);
               const SearchQuery query = parse(ctx, page);
               SearchResult result = co_await store->search(query);
               Response response = envelope(result, page);
               co_return response;
             });
}

}  // namespace agenthq::hub
