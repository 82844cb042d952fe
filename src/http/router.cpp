#include "http/router.hpp"

#include "http/api_error.hpp"

namespace agenthq::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool fits(const Route& r, const std::vector<std::string_view>& parts) {
  if (r.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (r.segments[i].front() != ':' && r.segments[i] != parts[i]) return false;
  return true;
}

}  // namespace

void check_access(Access access, const auth::Identity& who) {
  if (access == Access::open) return;
  if (who.org_id.empty()) throw ApiError(boost::beast::http::status::bad_request, "MISSING_ORG", "No organisation in identity");
  if (access == Access::users && !who.is_user()) throw ApiError::forbidden("This action requires a user account");
  if (access == Access::admins && !who.is_admin()) throw ApiError::forbidden("Only owners and admins can do this");
}

void Router::add(boost::beast::http::verb method, std::string pattern, Access access, Handler handler) {
  Route r{method, pattern, access, std::move(handler), {}, 0};
  for (auto seg : split_path(pattern)) {
    r.segments.emplace_back(seg);
    if (seg.front() != ':') ++r.static_segments;
  }
  routes_.push_back(std::move(r));
}

const Route* Router::match(boost::beast::http::verb method, std::string_view path,
                           std::unordered_map<std::string, std::string>& params) const {
  const auto parts = split_path(path);
  const Route* best = nullptr;
  for (const auto& r : routes_) {
    if (r.method != method) continue;
    if (best && best->static_segments >= r.static_segments) continue;
    if (fits(r, parts)) best = &r;
  }
  if (best) {
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (best->segments[i].front() == ':') params[best->segments[i].substr(1)] = std::string(parts[i]);
  }
  return best;
}

bool Router::has_path(std::string_view path) const {
  const auto parts = split_path(path);
  for (const auto& r : routes_)
    if (fits(r, parts)) return true;
  return false;
}

}  // namespace agenthq::http
