#include "http/query_params.hpp"

#include "http/api_error.hpp"
#include "util/time.hpp"

namespace agenthq::http {

std::optional<std::string> query_text(const RequestContext& ctx, const std::string& name) {
  auto v = ctx.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}

std::optional<std::chrono::system_clock::time_point> query_instant(const RequestContext& ctx, const std::string& name) {
  auto text = query_text(ctx, name);
  if (!text) return std::nullopt;
  auto tp = util::parse_iso8601(*text);
  if (!tp) throw ApiError::validation(name + " must be an ISO-8601 date or date-time");
  return tp;
}

}  // namespace agenthq::http
