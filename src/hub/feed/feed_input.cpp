#include "hub/feed/feed_input.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "http/api_error.hpp"
#include "http/query_params.hpp"
#include "hub/search/query_params.hpp"

namespace agenthq::hub {
using http::ApiError;

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
std::optional<std::string> instant(const http::Query& query, const char* name) {
  auto tp = http::query_instant(query, name);
  if (!tp) return std::nullopt;
  return timestamptz_text(*tp);
}

}  // namespace

FeedQuery read_feed(const http::Query& query, const http::PageRequest& page) {
  FeedQuery f;
  auto since = instant(query, "since");
  f.since = since ? *since : timestamptz_text(std::chrono::system_clock::now() - std::chrono::hours(24));
  f.until = instant(query, "until");
  if (auto actor = http::query_value(query, "actor_id"); actor && !actor->empty()) {
    if (!valid_utf8(*actor)) throw ApiError::validation("actor_id must be valid UTF-8 text");
    f.actor_id = std::string(*actor);
  }
  const auto types = requested_types(http::query_value(query, "types"), kSources);
  f.posts = types.count("posts") > 0;
  f.activity = types.count("activity") > 0;
  f.insights = types.count("insights") > 0;
  f.limit = page.limit;
  f.offset = page.offset();
  return f;
}

}  // namespace agenthq::hub
