#include "http/api_error.hpp"

namespace agenthq::http {
using boost::beast::http::status;

ApiError ApiError::validation(const std::string& message) {
  return {status::bad_request, "VALIDATION_ERROR", message};
}
ApiError ApiError::not_found(const std::string& what) { return {status::not_found, "NOT_FOUND", what + " not found"}; }
ApiError ApiError::unauthorized(const std::string& message) { return {status::unauthorized, "UNAUTHORIZED", message}; }
ApiError ApiError::forbidden(const std::string& message) { return {status::forbidden, "FORBIDDEN", message}; }
ApiError ApiError::conflict(std::string code, const std::string& message) {
  return {status::conflict, std::move(code), message};
}
ApiError ApiError::bad_request(std::string code, const std::string& message) {
  return {status::bad_request, std::move(code), message};
}
ApiError ApiError::rate_limited(const std::string& message, long retry_after_seconds) {
  ApiError e(status::too_many_requests, "RATE_LIMITED", message);
  e.retry_after_ = retry_after_seconds;
  return e;
}

ApiError ApiError::from(const auth::AuthError& refused) {
  using Reason = auth::AuthError::Reason;
  switch (refused.reason()) {
    case Reason::unauthenticated: return unauthorized(refused.what());
    case Reason::not_access_token: return {status::unauthorized, "INVALID_TOKEN", refused.what()};
    case Reason::invalid_api_key: return {status::unauthorized, "INVALID_API_KEY", refused.what()};
    case Reason::throttled: return rate_limited(refused.what(), refused.retry_after_seconds());
  }
  return unauthorized(refused.what());
}

}  // namespace agenthq::http
