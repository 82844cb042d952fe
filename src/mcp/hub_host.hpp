#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "auth/identity.hpp"

namespace agenthq::mcp {

// One REST call of the hub's own API, as a tool makes it: tools never hold route logic of their
// own, they call the routes (validation, tenant rules, audit and events included).
struct RestCall {
  boost::beast::http::verb method;
  std::string path;                           // "/api/v1/posts"
  std::map<std::string, std::string> query;   // already strings, as on a URL
  boost::json::object body;
};

struct RestReply {
  unsigned status = 0;
  boost::json::value body;  // the contract's envelope
};

// Decides whether an event frame ({"event":..,"data":..}) is one a waiting tool wants.
using EventFilter = std::function<bool(const boost::json::object& frame)>;

// What the tools run against: the hub, as one identity.
class HubHost {
 public:
  virtual ~HubHost() = default;
  virtual const auth::Identity& identity() const = 0;
  virtual boost::asio::awaitable<RestReply> call(RestCall call) = 0;
  // Collects the events this identity may see that pass the filter, returning as soon as one
  // arrives or after `timeout` (then empty).
  virtual boost::asio::awaitable<boost::json::array> wait(EventFilter filter, std::chrono::milliseconds timeout) = 0;
};

// A tool failed the way a REST call fails; shown to the model as an MCP tool error.
class ToolError : public std::runtime_error {
 public:
  ToolError(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace agenthq::mcp
