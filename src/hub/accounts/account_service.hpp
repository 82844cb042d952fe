#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "auth/identity.hpp"
#include "hub/accounts/account_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

struct SignUp {
  std::string org_name;
  std::string org_slug;
  std::string email;
  std::string password;  // plain; hashed here, off the event loop
  std::string user_name;
};

// Sign-up, sign-in, token refresh and agent registration end to end (see PostService). bcrypt
// always runs on the worker pool.
class AccountService {
 public:
  explicit AccountService(Services& s) : s_(s), store_(s.db, s.settings.presence_timeout) {}

  // {accessToken, refreshToken, org, user}; 409 ORG_EXISTS / EMAIL_EXISTS.
  boost::asio::awaitable<boost::json::object> sign_up(const SignUp& sign_up);
  // user.login; {accessToken, refreshToken, user}; 401 INVALID_CREDENTIALS, in the same time
  // for an unknown email and a wrong password.
  boost::asio::awaitable<boost::json::object> login(const std::string& ip, const std::string& email,
                                                    const std::string& password);
  // {accessToken} with the user's current role; 401 INVALID_TOKEN.
  boost::asio::awaitable<boost::json::object> refresh(std::string_view refresh_token);
  // agent.registered; {agent, apiKey} (the key is shown once).
  boost::asio::awaitable<boost::json::object> register_agent(const auth::Identity& who, const std::string& ip,
                                                             const std::string& name,
                                                             const std::optional<std::string>& description);

 private:
  boost::json::object token_pair(const std::string& user_id, const std::string& org_id, const std::string& role) const;

  Services& s_;
  AccountStore store_;
};

}  // namespace agenthq::hub
