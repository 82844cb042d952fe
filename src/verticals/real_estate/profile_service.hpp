#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/services.hpp"
#include "verticals/real_estate/profile_store.hpp"

namespace agenthq::verticals::real_estate {

// Agent profiles end to end (the hub's pattern, see hub/posts/post_service.hpp).
class ProfileService {
 public:
  explicit ProfileService(hub::Services& s) : s_(s), store_(s.db) {}

  boost::asio::awaitable<boost::json::array> list(const auth::Identity& who, const std::optional<std::string>& role);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& agent_id);
  // re_profile.updated; `created` tells a first save from a change.
  boost::asio::awaitable<ProfileSaved> save(const auth::Identity& who, const std::string& ip,
                                            const std::string& agent_id, const ProfileInput& input);

 private:
  hub::Services& s_;
  ProfileStore store_;
};

}  // namespace agenthq::verticals::real_estate
