#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

struct OpenedDm {
  bool member_found = false;  // the other member is an agent or user of the caller's org
  bool is_new = false;
  boost::json::object channel;  // Channel + member_id/member_type of the other member
};

// Direct messages: a channel of type dm per pair of org members, found by dm_pair_hash (contract
// §3.5), readable only by its two members like every members-only channel.
class DmStore {
 public:
  explicit DmStore(db::Database& db) : db_(db) {}

  // The pair's DM channel, created (with both members and an audit entry) if it does not exist.
  boost::asio::awaitable<OpenedDm> open(const auth::Identity& who, const std::string& member_id,
                                        const std::string& member_type, const AuditEntry& audit);
  // The caller's DM channels, most recently updated first.
  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who);

 private:
  db::Database& db_;
};

// Lowercase hex SHA-256 of the two ids sorted ascending and joined by ':' (types not included).
std::string dm_pair_hash(const std::string& a, const std::string& b);

}  // namespace agenthq::hub
