#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/channels/channel_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Channels and membership end to end (see PostService). A channel the caller may not read is a
// 404 everywhere: its existence is not revealed.
class ChannelService {
 public:
  explicit ChannelService(Services& s) : s_(s), store_(s.db) {}

  // channel.created; 409 CHANNEL_EXISTS for a name the org already has.
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const NewChannel& channel);
  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who, const std::optional<std::string>& type);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& id);
  boost::asio::awaitable<boost::json::object> stats(const auth::Identity& who, const std::string& id);
  // channel.joined (only when the caller was not a member yet).
  boost::asio::awaitable<void> join(const auth::Identity& who, const std::string& ip, const std::string& id);
  // channel.left; false when the caller was not a member.
  boost::asio::awaitable<bool> leave(const auth::Identity& who, const std::string& ip, const std::string& id);

 private:
  // true when the membership changed (and was audited and announced).
  boost::asio::awaitable<bool> change_membership(const auth::Identity& who, const std::string& ip,
                                                 const std::string& id, MembershipChange change);

  Services& s_;
  ChannelStore store_;
};

}  // namespace agenthq::hub
