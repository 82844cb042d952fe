#include "http/query_params.hpp"

#include "http/api_error.hpp"
#include "util/time.hpp"

namespace agenthq::http {

std::optional<std::string_view> query_value(const Query& query, const std::string& name) {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string> query_text(const Query& query, const std::string& name) {
  auto v = query_value(query, name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}

std::optional<std::string> query_text(const RequestContext& ctx, const std::string& name) {
  return query_text(ctx.query, name);
}

std::optional<std::chrono::system_clock::time_point> query_instant(const RequestContext& ctx, const std::string& name) {
  return query_instant(ctx.query, name);
}

std::optional<std::chrono::system_clock::time_point> query_instant(const Query& query, const std::string& name) {
  auto text = query_text(query, name);
  if (!text) return std::nullopt;
  auto tp = util::parse_iso8601(*text);
  if (!tp) throw ApiError::validation(name + " must be an ISO-8601 date or date-time");
  return tp;
}

}  // namespace agenthq::http
