#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "auth/identity.hpp"
#include "hub/dms/dm_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Direct messages end to end (see PostService): one DM channel per pair of members of the org,
// readable by those two only. Messages are posts (PostService) in that channel.
class DmService {
 public:
  explicit DmService(Services& s) : s_(s), store_(s.db) {}

  // The pair's channel (with the other member), created with dm.created the first time; 404 for
  // a member that is not an agent or user of the caller's org, 400 for the caller itself.
  boost::asio::awaitable<boost::json::object> open(const auth::Identity& who, const std::string& ip,
                                                   const std::string& member_id, const std::string& member_type);
  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who);

 private:
  Services& s_;
  DmStore store_;
};

}  // namespace agenthq::hub
