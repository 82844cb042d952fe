#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "util/rate_limiter.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"

namespace agenthq::auth {
class Authenticator;
}
namespace agenthq::db {
class Database;
}

namespace agenthq::http {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

class StaticSite;

struct PipelineOptions {
  std::string cors_origin;
  std::size_t max_json_depth = 32;
  const StaticSite* dashboard = nullptr;  // GETs of paths the API does not own; null: none
};

// The middleware chain every HTTP request goes through, in order: request id, CORS preflight,
// the dashboard's files (GET of a path no route owns; not rate limited: they are served from
// memory and a page load fetches several), rate limit, route match, authentication and role
// check, JSON body, handler, error envelope, standard headers, one access-log line.
class Pipeline {
 public:
  Pipeline(PipelineOptions options, const Router& router, util::RateLimiter& limiter, auth::Authenticator& authenticator,
           db::Database& db);
  boost::asio::awaitable<HttpResponse> handle(const HttpRequest& request, const std::string& client_ip);
  // The reply to a request the server could not even read (too large, malformed): the same
  // envelope and standard headers as every other reply, and the connection closes.
  HttpResponse refuse(Response out, const std::string& client_ip) const;

 private:
  boost::asio::awaitable<Response> dispatch(const HttpRequest& request, RequestContext& ctx,
                                            const util::RateLimiter::Decision& limit);
  void parse_body(const HttpRequest& request, RequestContext& ctx) const;
  bool serves_dashboard(const HttpRequest& request, std::string_view path) const;
  void set_standard_headers(HttpResponse& res, const Response& out, const std::string& request_id) const;

  PipelineOptions options_;
  const Router& router_;
  util::RateLimiter& limiter_;
  auth::Authenticator& authenticator_;
  db::Database& db_;
};

}  // namespace agenthq::http
