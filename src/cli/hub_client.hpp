#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agenthq::cli {

struct HttpReply {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string header(const std::string& lower_name) const;
};

// The hub cannot be reached at all (refused, DNS, timeout, TLS).
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A blocking HTTP client for the command-line faces (libcurl; http and https). Client commands run
// in their own process, never on a hub's event loop, so blocking is right here.
class HubClient {
 public:
  HubClient(std::string base_url, std::string token);

  // path may carry a query already; query is appended, URL-encoded.
  HttpReply request(const std::string& method, const std::string& path, const std::map<std::string, std::string>& query = {},
                    const std::optional<std::string>& json_body = std::nullopt,
                    const std::vector<std::string>& extra_headers = {}) const;

  const std::string& base_url() const { return base_url_; }

 private:
  std::string base_url_;
  std::string token_;
};

std::string url_encode(const std::string& s);

}  // namespace agenthq::cli
