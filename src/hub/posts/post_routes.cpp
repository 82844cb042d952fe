#include "hub/posts/post_routes.hpp"
#include "http/query_params.hpp"
#include "hub/cache/read_caches.hpp"
#include "hub/search/search_store.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <ctime>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/posts/post_service.hpp"
#include "util/time.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

constexpr std::size_t kMaxIdLength = 200;
constexpr std::size_t kMaxQueryLength = 1000;

// UTC with microseconds, so PostgreSQL compares against exactly the instant the client meant
// (a date-only `since` is midnight UTC whatever the session's TimeZone).
std::string iso_micros(std::chrono::system_clock::time_point tp) {
  using namespace std::chrono;
  const auto secs = floor<seconds>(tp);
  const auto micros = duration_cast<microseconds>(tp - secs).count();
  const std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(micros));
  return buf;
}

PostFilter read_filter(const RequestContext& ctx) {
  PostFilter f;
  f.channel_id = http::query_text(ctx, "channel_id");
  f.type = http::query_text(ctx, "type");
  f.author_id = http::query_text(ctx, "author_id");
  if (auto tp = http::query_instant(ctx, "since")) {
    f.since = iso_micros(*tp);
  }
  return f;
}

NewPost read_new_post(const json::object& raw) {
  BodyReader body(raw);
  NewPost n;
  n.channel_id = body.optional_string("channel_id", 1, kMaxIdLength);
  // A reply may leave channel_id out and inherit its parent's (the Go CLI's reply command does).
  if (!n.channel_id && !body.has("parent_id")) throw ApiError::validation("channel_id is required");
  n.type = body.optional_enum("type", {"update", "insight", "question", "answer", "alert", "metric"}).value_or("update");
  n.title = body.optional_string("title", 0, 500);
  n.content = body.required_string("content", 1, 50000);
  n.metadata = body.optional_object("metadata").value_or(json::object{});
  n.parent_id = body.optional_string("parent_id", 0, kMaxIdLength);
  if (n.parent_id && n.parent_id->empty()) throw ApiError::validation("parent_id must not be empty");
  return n;
}

Response page_response(const PostPage& page, const http::PageRequest& p) {
  return http::paginated(page.posts, {p.page, p.limit, page.total});
}

}  // namespace

void add_post_routes(http::Router& router, Services& s) {
  auto posts = std::make_shared<PostService>(s);
  auto searcher = std::make_shared<SearchStore>(s.db, s.settings.presence_timeout, s.caches ? &s.caches->search : nullptr);

  router.add(verb::post, "/api/v1/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewPost n = read_new_post(ctx.body);
               auto post = co_await posts->create(ctx.who(), ctx.client_ip, n);
               co_return http::created(post);
             });

  router.add(verb::get, "/api/v1/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               PostFilter f = read_filter(ctx);
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await posts->list(ctx.who(), f, p.limit, p.offset());
               co_return page_response(page, p);
             });

  router.add(verb::get, "/api/v1/posts/search", Access::authenticated,
             [searcher](RequestContext& ctx) -> asio::awaitable<Response> {
               auto q = http::query_text(ctx, "q");
               if (!q || q->find_first_not_of(" \t\r\n") == std::string::npos)
                 throw ApiError::bad_request("MISSING_QUERY", "Query parameter q is required");
               if (q->size() > kMaxQueryLength)
                 throw ApiError::validation("q must be at most " + std::to_string(kMaxQueryLength) + " characters");
               http::PageRequest p = http::page_request(ctx);
               // The posts part of GET /search: one statement, ranked, counted and paged.
               SearchQuery query{ctx.who().org_id, ctx.who().id, ctx.who().type_name(), *q, true, false, false,
                                 p.limit, p.offset()};
               auto found = co_await searcher->search(query);
               co_return http::paginated(found.posts, {p.page, p.limit, found.posts_count});
             });

  router.add(verb::get, "/api/v1/posts/:id", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await posts->thread(ctx.who(), ctx.param("id"));
               co_return http::ok(found);
             });

  router.add(verb::get, "/api/v1/channels/:id/posts", Access::authenticated,
             [posts](RequestContext& ctx) -> asio::awaitable<Response> {
               PostFilter f = read_filter(ctx);
               f.channel_id = ctx.param("id");
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await posts->list_channel(ctx.who(), f, p.limit, p.offset());
               co_return page_response(page, p);
             });
}

}  // namespace agenthq::hub
