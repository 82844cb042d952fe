#include "verticals/real_estate/integrations/route_support.hpp"

#include <algorithm>
#include <cctype>

#include "http/api_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
using http::ApiError;

Query passthrough(const http::RequestContext& ctx, std::initializer_list<const char*> names) {
  Query q;
  for (const char* name : names)
    if (auto v = ctx.query_param(name)) q.emplace_back(name, std::string(*v));
  return q;
}

std::string integer_param(const http::RequestContext& ctx, const std::string& name) {
  const std::string& v = ctx.param(name);
  if (v.empty() || v.size() > 20 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw ApiError::validation(name + " must be an integer");
  return v;
}

std::string id_param(const http::RequestContext& ctx, const std::string& name) {
  const std::string& v = ctx.param(name);
  const bool ok = !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  if (!ok) throw ApiError::validation(name + " must be a provider id (letters, digits, '-' or '_')");
  return v;
}

void refuse_viewers(const http::RequestContext& ctx) {
  if (ctx.who().is_viewer()) throw ApiError::forbidden("Viewers cannot change data");
}

}  // namespace agenthq::verticals::real_estate::integrations
