#include "hub/feed/feed_routes.hpp"

#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "http/api_error.hpp"
#include "http/pagination.hpp"
#include "http/query_params.hpp"
#include "hub/cache/read_caches.hpp"
#include "hub/feed/feed_store.hpp"
#include "hub/search/query_params.hpp"
#include "util/time.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

namespace {
constexpr std::array<const char*, 3> kSources{"posts", "activity", "insights"};

// A timestamptz literal with every microsecond the client gave (util::iso8601 keeps only ms,
// which would move a `since` taken from a row's microsecond timestamp).
std::string timestamptz_text(std::chrono::system_clock::time_point tp) {
  using namespace std::chrono;
  const auto us = floor<microseconds>(tp);
  const auto day = floor<days>(us);
  const year_month_day ymd{day};
  const hh_mm_ss hms{us - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<long long>(hms.subseconds().count()));
  return buf;
}

// An empty value counts as absent, as in the reference (`since || default`).
std::optional<std::string> instant(const RequestContext& ctx, const char* name) {
  auto tp = http::query_instant(ctx, name);
  if (!tp) return std::nullopt;
  return timestamptz_text(*tp);
}

FeedQuery parse(const RequestContext& ctx, const http::PageRequest& page) {
  FeedQuery f;
  f.org_id = ctx.who().org_id;
  f.caller_id = ctx.who().id;
  f.caller_type = ctx.who().type_name();
  auto since = instant(ctx, "since");
  f.since = since ? *since : timestamptz_text(std::chrono::system_clock::now() - std::chrono::hours(24));
  f.until = instant(ctx, "until");
  if (auto actor = ctx.query_param("actor_id"); actor && !actor->empty()) {
    if (!valid_utf8(*actor)) throw ApiError::validation("actor_id must be valid UTF-8 text");
    f.actor_id = std::string(*actor);
  }
  const auto types = requested_types(ctx.query_param("types"), kSources);
  f.posts = types.count("posts") > 0;
  f.activity = types.count("activity") > 0;
  f.insights = types.count("insights") > 0;
  f.limit = page.limit;
  f.offset = page.offset();
  return f;
}
}  // namespace

void add_feed_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<FeedStore>(s.db, s.caches ? &s.caches->feed : nullptr);

  router.add(verb::get, "/api/v1/feed", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               const http::PageRequest page = http::page_request(ctx);
               const FeedQuery query = parse(ctx, page);
               FeedPage result = co_await store->page(query);
               const http::Pagination pagination{page.page, page.limit, result.total};
               Response response = http::paginated(result.items, pagination);
               co_return response;
             });
}

}  // namespace agenthq::hub
