#include "hub/posts/post_input.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace json = boost::json;
using http::ApiError;
using http::BodyReader;

namespace {

constexpr std::size_t kMaxIdLength = 200;

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

}  // namespace

PostFilter read_post_filter(const http::Query& query) {
  PostFilter f;
  f.channel_id = http::query_text(query, "channel_id");
  f.type = http::query_text(query, "type");
  f.author_id = http::query_text(query, "author_id");
  if (auto tp = http::query_instant(query, "since")) {
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

PostEdit read_post_edit(const json::object& raw) {
  BodyReader body(raw);
  PostEdit e;
  if (auto title = body.nullable_string("title", 500)) {
    e.title_given = true;
    e.title = *title;
  }
  e.content = body.optional_string("content", 0, 50000);
  if (!e.title_given && !e.content) throw ApiError::validation("Provide title or content to change");
  return e;
}

std::string read_reaction_emoji(const json::object& raw) {
  BodyReader body(raw);
  return body.required_string("emoji", 1, 32);
}

}  // namespace agenthq::hub
