#pragma once
#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>

namespace agenthq::test {

struct HttpResult {
  int status = 0;
  std::string body;
  boost::json::value json;                     // null when the body is not JSON
  std::map<std::string, std::string> headers;  // names lower-cased

  const boost::json::value& data() const { return json.at("data"); }
  std::string error_code() const;  // json.error.code or "" when absent
  std::string header(const std::string& lower_name) const;
};

// A blocking HTTP/1.1 client for tests: one connection per request, like a curl call.
class HttpClient {
 public:
  explicit HttpClient(unsigned short port, std::string host = "127.0.0.1") : host_(std::move(host)), port_(port) {}

  HttpResult request(boost::beast::http::verb method, const std::string& target,
                     const std::optional<boost::json::value>& body = std::nullopt, const std::string& token = "",
                     const std::map<std::string, std::string>& headers = {}) const;
  HttpResult get(const std::string& target, const std::string& token = "") const;
  HttpResult post(const std::string& target, const boost::json::value& body, const std::string& token = "") const;
  HttpResult patch(const std::string& target, const boost::json::value& body, const std::string& token = "") const;
  HttpResult del(const std::string& target, const std::string& token = "") const;
  // Sends bytes as they are (malformed requests) and returns the parsed reply.
  HttpResult raw(const std::string& bytes) const;

  unsigned short port() const { return port_; }
  // The same client connecting from another local address (127.x.y.z): a different client to the hub.
  HttpClient from(std::string source_ip) const {
    HttpClient c = *this;
    c.source_ = std::move(source_ip);
    return c;
  }

 private:
  std::string host_;
  unsigned short port_;
  std::string source_;  // empty: any
};

}  // namespace agenthq::test
