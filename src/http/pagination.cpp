#include "http/pagination.hpp"

#include <algorithm>

namespace agenthq::http {

std::optional<std::int64_t> parse_integer_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::int64_t v = 0;
  std::size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits)
    if (v < 1'000'000'000'000) v = v * 10 + (text[i] - '0');  // saturate: page=99999999999999999999 stays sane
  if (!digits) return std::nullopt;
  return negative ? -v : v;
}

PageRequest page_request(const Query& query, std::int64_t default_limit) {
  PageRequest p;
  p.limit = default_limit;
  if (auto it = query.find("page"); it != query.end()) {
    auto n = parse_integer_prefix(it->second);
    if (n && *n != 0) p.page = std::clamp<std::int64_t>(*n, 1, 1'000'000'000);
  }
  if (auto it = query.find("limit"); it != query.end()) {
    auto n = parse_integer_prefix(it->second);
    if (n && *n != 0) p.limit = std::clamp<std::int64_t>(*n, 1, 100);
  }
  return p;
}

PageRequest page_request(const RequestContext& ctx, std::int64_t default_limit) {
  return page_request(ctx.query, default_limit);
}

}  // namespace agenthq::http
