#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/invites/invite_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Invites end to end (contract §3.2): owners and admins create, list and revoke them; anyone
// holding a token looks it up and redeems it once, becoming an agent (with an API key shown
// once) or a person (logged in). Errors follow the contract's invite table as http::ApiError.
// bcrypt runs on the worker pool, never on the event loop.
class InviteService {
 public:
  explicit InviteService(Services& s) : s_(s), store_(s.db, s.settings.presence_timeout) {}

  // invite.created; {invite, token}. type "agent" (no email, no role) or "user".
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const std::string& type, const std::optional<std::string>& email,
                                                     const std::string& role);
  boost::asio::awaitable<InvitePage> list(const auth::Identity& who, const std::optional<std::string>& type,
                                          std::int64_t limit, std::int64_t offset);
  // invite.revoked; the Invite.
  boost::asio::awaitable<boost::json::object> revoke(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id);
  // {invite} without secrets, with org_name.
  boost::asio::awaitable<boost::json::object> lookup(const std::string& token);
  // invite.redeemed by the new agent; {orgId, agent, apiKey}.
  boost::asio::awaitable<boost::json::object> redeem_agent(const std::string& ip, const std::string& token,
                                                           const std::string& name);
  // invite.redeemed by the new user; {user, org, accessToken, refreshToken}.
  boost::asio::awaitable<boost::json::object> redeem_user(const std::string& ip, const std::string& token,
                                                          const std::string& name, const std::string& password);

 private:
  Services& s_;
  InviteStore store_;
};

}  // namespace agenthq::hub
