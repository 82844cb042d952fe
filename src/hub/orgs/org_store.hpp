#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

class OrgStore {
 public:
  explicit OrgStore(db::Database& db) : db_(db) {}
  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id);
  // Everyone who can be messaged, assigned or mentioned: the org's people and agents,
  // {id, type, name, role (people only)}, people first, then by name.
  boost::asio::awaitable<boost::json::array> members(const std::string& org_id);
  // Only name and settings can change; nullopt leaves a field as it is.
  boost::asio::awaitable<std::optional<boost::json::object>> update(const std::string& org_id,
                                                                   const std::optional<std::string>& name,
                                                                   const std::optional<boost::json::object>& settings,
                                                                   const AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
