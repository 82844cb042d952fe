#pragma once
#include <boost/beast/http/status.hpp>
#include <stdexcept>
#include <string>

#include "auth/auth_error.hpp"

namespace agenthq::http {

// A failure that ends a request with one of the contract's error codes. Routes and the
// pipeline throw it; the pipeline turns it into {"success":false,"error":{code,message}}.
class ApiError : public std::runtime_error {
 public:
  ApiError(boost::beast::http::status status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  boost::beast::http::status status() const { return status_; }
  const std::string& code() const { return code_; }

  static ApiError validation(const std::string& message);
  static ApiError not_found(const std::string& what = "Resource");
  static ApiError unauthorized(const std::string& message = "Authentication required");
  static ApiError forbidden(const std::string& message = "You do not have permission to do this");
  static ApiError conflict(std::string code, const std::string& message);
  static ApiError bad_request(std::string code, const std::string& message);
  // 429 RATE_LIMITED; the pipeline sends Retry-After: seconds.
  static ApiError rate_limited(const std::string& message, long retry_after_seconds);
  // The contract's 401 (UNAUTHORIZED, INVALID_TOKEN, INVALID_API_KEY) or 429 for a refused credential.
  static ApiError from(const auth::AuthError& refused);

  long retry_after_seconds() const { return retry_after_; }  // 0: no Retry-After

 private:
  boost::beast::http::status status_;
  std::string code_;
  long retry_after_ = 0;
};

}  // namespace agenthq::http
