#include "hub/search/search_input.hpp"

#include <array>

#include "http/api_error.hpp"
#include "http/query_params.hpp"
#include "hub/search/query_params.hpp"

namespace agenthq::hub {
using http::ApiError;

namespace {

constexpr std::array<const char*, 3> kTypes{"posts", "insights", "agents"};
constexpr std::size_t kMaxPostQueryLength = 1000;

// Blank text has no lexemes and would match nothing; say so instead of answering an empty page.
std::string required_text(const http::Query& query) {
  auto q = http::query_value(query, "q");
  if (!q || q->find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw ApiError::bad_request("MISSING_QUERY", "Query parameter q is required");
  return std::string(*q);
}

}  // namespace

SearchQuery read_search(const http::Query& query, const http::PageRequest& page) {
  SearchQuery s;
  s.text = required_text(query);
  if (!valid_utf8(s.text)) throw ApiError::validation("q must be valid UTF-8 text");
  const auto types = requested_types(http::query_value(query, "types"), kTypes);
  s.posts = types.count("posts") > 0;
  s.insights = types.count("insights") > 0;
  s.agents = types.count("agents") > 0;
  s.limit = page.limit;
  s.offset = page.offset();
  return s;
}

SearchQuery read_post_search(const http::Query& query, const http::PageRequest& page) {
  SearchQuery s;
  s.text = required_text(query);
  if (s.text.size() > kMaxPostQueryLength)
    throw ApiError::validation("q must be at most " + std::to_string(kMaxPostQueryLength) + " characters");
  s.posts = true;
  s.limit = page.limit;
  s.offset = page.offset();
  return s;
}

}  // namespace agenthq::hub
