#pragma once
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

// What a token check or redemption found, in the contract's order (§3.2): token exists, invite
// type, status pending, not expired, then (users) email free.
enum class InviteOutcome { ok, invalid_token, invalid_type, used, revoked, expired, email_exists,
                           pending_exists, user_in_org, not_found, invalid_status };

struct InviteResult {
  InviteOutcome outcome = InviteOutcome::ok;
  boost::json::object invite;  // the Invite (lookup: the public subset + org_name)
  boost::json::object created;  // redeem: the new agent, or {user, org}
};

using InvitePage = db::ListPage;

struct Redemption {
  std::string token;
  std::string name;
  std::string secret_hash;   // bcrypt of the API key (agent) or of the password (user)
  std::string key_prefix;    // agents only
  std::string new_id;        // the agent's or user's id
  std::string audit_id;      // the invite.redeemed entry's id
};

// Invites. Creation, listing and revoking run as the admin's org; the public token routes first
// find the token's org through agenthq_invite_org() (migration 012) and then run as that org,
// so row-level security applies to everything they read and write. A redemption claims the
// invite and creates the agent or user in one statement with the invite row locked: two redeems
// of one token cannot both succeed.
class InviteStore {
 public:
  explicit InviteStore(db::Database& db, std::chrono::seconds presence_timeout)
      : db_(db), presence_timeout_(presence_timeout) {}

  boost::asio::awaitable<InviteResult> create(const auth::Identity& who, const std::string& type,
                                              const std::optional<std::string>& email, const std::string& role,
                                              const std::string& token, const AuditEntry& audit);
  boost::asio::awaitable<InvitePage> list(const auth::Identity& who, const std::optional<std::string>& type,
                                          std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<InviteResult> revoke(const auth::Identity& who, const std::string& id, const AuditEntry& audit);
  // The token's invite for the public lookup; marks it expired when its time has passed.
  boost::asio::awaitable<InviteResult> lookup(const std::string& token);
  boost::asio::awaitable<InviteResult> redeem_agent(const Redemption& r, const std::string& ip);
  boost::asio::awaitable<InviteResult> redeem_user(const Redemption& r, const std::string& ip);

 private:
  boost::asio::awaitable<std::optional<std::string>> org_of(const std::string& token);
  db::Database& db_;
  std::chrono::seconds presence_timeout_;
};

}  // namespace agenthq::hub
