#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::verticals::real_estate {

// PUT /re/agents/:id/profile: the whole profile (absent optional fields reset to null / []).
struct ProfileInput {
  std::string role;  // listing_agent | buyers_agent | broker | transaction_coordinator
  std::optional<std::string> license_number;
  std::vector<std::string> specializations;
  std::vector<std::string> territories;
};

enum class ProfileWrite { done, not_found, forbidden };

struct ProfileSaved {
  ProfileWrite outcome = ProfileWrite::not_found;
  boost::json::object profile;
  bool created = false;
};

// SQL for re_agent_profiles. The table has no org_id: every statement joins the profile's agent
// and filters agents.org_id (row-level security does the same through the agent).
// Profile JSON: agent_id, agent_name, role, license_number, specializations, territories,
// created_at, updated_at.
class ProfileStore {
 public:
  explicit ProfileStore(db::Database& db) : db_(db) {}

  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id,
                                                                  const std::string& agent_id);
  // Ordered by agent name; role filters when set.
  boost::asio::awaitable<boost::json::array> list(const std::string& org_id,
                                                  const std::optional<std::string>& role);
  // Upsert with its audit entry (re_profile.updated) in one statement. Who may write is the
  // hub's rule for editing an agent: the agent itself, the user who owns it, owners and admins.
  boost::asio::awaitable<ProfileSaved> save(const auth::Identity& who, const std::string& agent_id,
                                            const ProfileInput& input, const hub::AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate
