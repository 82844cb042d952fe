#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/verb.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/request_context.hpp"
#include "http/response.hpp"

namespace agenthq::http {

// Who may call a route; the pipeline enforces it before the handler runs.
enum class Access {
  open,           // no authentication
  authenticated,  // any user or agent of an org
  users,          // users only; agents get 403
  admins,         // users with role owner or admin
};

using Handler = std::function<boost::asio::awaitable<Response>(RequestContext&)>;

// Throws the contract's 400/403 when this identity may not call a route of this access level.
void check_access(Access access, const auth::Identity& who);

struct Route {
  boost::beast::http::verb method;
  std::string pattern;
  Access access;
  Handler handler;
  std::vector<std::string> segments;  // ":name" marks a parameter
  int static_segments = 0;
};

// Matches method + path against patterns like "/api/v1/agents/:id". A literal segment beats a
// parameter, so "/agents/search" wins over "/agents/:id" whatever the registration order.
class Router {
 public:
  void add(boost::beast::http::verb method, std::string pattern, Access access, Handler handler);
  const Route* match(boost::beast::http::verb method, std::string_view path,
                     std::unordered_map<std::string, std::string>& params) const;
  // Whether some route, with any method, matches the path (such paths are never the dashboard's).
  bool has_path(std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace agenthq::http
