#pragma once
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "auth/identity.hpp"

namespace agenthq::http {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

// A query string, decoded; the last value of a repeated name wins. The request readers of the
// resources (hub/<resource>/*_input) read it, whether it came from a URL or from MCP arguments.
using Query = std::unordered_map<std::string, std::string>;

// Everything a route needs to know about one request, already parsed and authenticated.
struct RequestContext {
  const HttpRequest* raw = nullptr;
  std::string path;
  std::string route;  // the matched route's pattern ("/api/v1/posts/:id"); empty when none matched
  Query query;
  std::unordered_map<std::string, std::string> params;  // from the route pattern
  boost::json::object body;                             // {} when absent or not JSON
  std::optional<auth::Identity> identity;
  std::string client_ip;
  std::string request_id;

  const std::string& param(const std::string& name) const { return params.at(name); }
  std::optional<std::string_view> query_param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return std::string_view(it->second);
  }
  const auth::Identity& who() const { return *identity; }
};

}  // namespace agenthq::http
