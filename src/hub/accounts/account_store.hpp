#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

struct NewOrganisation {
  std::string org_name;
  std::string org_slug;
  std::string email;
  std::string password_hash;
  std::string user_name;
};

struct LoginRecord {
  std::string id;
  std::string org_id;
  std::string email;
  std::string name;
  std::string role;
  std::string password_hash;
};

struct NewAgent {
  std::string org_id;
  std::string name;
  std::optional<std::string> description;
  std::string api_key_hash;
  std::string api_key_prefix;
  std::optional<std::string> owner_user_id;
};

enum class RegisterConflict { none, slug_taken, email_taken };

// SQL for sign-up, sign-in and agent registration.
class AccountStore {
 public:
  AccountStore(db::Database& db, std::chrono::seconds presence_timeout);

  struct Registered {
    RegisterConflict conflict = RegisterConflict::none;
    boost::json::object org;
    boost::json::object user;  // id, email, name, role
  };
  // Organisation, its default channels and pinned posts, and the owner: all or nothing.
  boost::asio::awaitable<Registered> register_organisation(const NewOrganisation& n);
  boost::asio::awaitable<std::optional<LoginRecord>> find_login(const std::string& email);
  boost::asio::awaitable<void> record(const AuditEntry& entry);
  // The user's current role, or nullopt when the user no longer exists in that org.
  boost::asio::awaitable<std::optional<std::string>> current_role(const std::string& user_id,
                                                                  const std::string& org_id);
  // A further user of an existing organisation (demo data; invites come later).
  boost::asio::awaitable<void> add_user(const std::string& org_id, const std::string& email,
                                        const std::string& password_hash, const std::string& name,
                                        const std::string& role);
  boost::asio::awaitable<boost::json::object> create_agent(const NewAgent& agent, const AuditEntry& audit);

 private:
  db::Database& db_;
  std::string agent_columns_;
};

}  // namespace agenthq::hub
