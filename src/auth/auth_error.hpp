#pragma once
#include <stdexcept>
#include <string>

namespace agenthq::auth {

// Why a credential was refused. auth knows nothing of HTTP: the pipeline maps a reason to the
// contract's status and code in one place (http::ApiError::from), the WebSocket to its close code.
class AuthError : public std::runtime_error {
 public:
  enum class Reason {
    unauthenticated,  // no credential, a malformed header, or a token that is invalid or expired
    not_access_token,  // a valid refresh token used as an access token
    invalid_api_key,
    throttled,  // too many failed key checks from this client or for this key prefix
  };
  AuthError(Reason reason, const std::string& message, long retry_after_seconds = 0)
      : std::runtime_error(message), reason_(reason), retry_after_(retry_after_seconds) {}
  Reason reason() const { return reason_; }
  long retry_after_seconds() const { return retry_after_; }  // throttled only

 private:
  Reason reason_;
  long retry_after_;
};

}  // namespace agenthq::auth
