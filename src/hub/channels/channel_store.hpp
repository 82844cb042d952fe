#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

struct NewChannel {
  std::string name;
  std::optional<std::string> description;
  std::string type;  // public | private
};

struct CreatedChannel {
  bool name_taken = false;  // channels_org_id_name_unique: the org already has a channel of that name
  boost::json::object channel;
};

// What happened to a join or leave request. A channel the caller may not read (another org's,
// or a private one they are not in) is not_found: its existence is not revealed.
enum class MembershipOutcome { not_found, system_channel, changed, unchanged };
enum class MembershipChange { join, leave };

// SQL for channels and their members. Every query is scoped to the caller's org and filtered by
// channel_readable(), so private and DM channels exist only for their members.
class ChannelStore {
 public:
  explicit ChannelStore(db::Database& db) : db_(db) {}

  // Inserts the channel, adds the creator as member of a private channel, and writes the audit
  // entry in one atomic round trip.
  boost::asio::awaitable<CreatedChannel> create(const auth::Identity& who, const NewChannel& c,
                                                const AuditEntry& audit);
  // Ordered by name; type is an exact-match filter when given.
  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who, const std::optional<std::string>& type);
  boost::asio::awaitable<std::optional<boost::json::object>> find(const auth::Identity& who, const std::string& id);
  // {memberCount, postCount}; postCount counts every post of the channel, replies included.
  boost::asio::awaitable<std::optional<boost::json::object>> stats(const auth::Identity& who, const std::string& id);
  // join: changed when a member row was inserted, unchanged when the caller already was a member.
  // leave: changed when the member row was deleted, unchanged when the caller was not a member.
  // `audit` supplies action, details and client IP; the entry is written only on a real change.
  boost::asio::awaitable<MembershipOutcome> change_membership(const auth::Identity& who, const std::string& id,
                                                              MembershipChange change, const AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
