#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/orgs/org_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// The caller's organisation (see PostService).
class OrgService {
 public:
  explicit OrgService(Services& s) : s_(s), store_(s.db) {}

  boost::asio::awaitable<boost::json::object> current(const auth::Identity& who);
  boost::asio::awaitable<boost::json::array> members(const auth::Identity& who);
  // org.updated; only name and settings change (nullopt: unchanged).
  boost::asio::awaitable<boost::json::object> update(const auth::Identity& who, const std::string& ip,
                                                     const std::optional<std::string>& name,
                                                     const std::optional<boost::json::object>& settings);

 private:
  Services& s_;
  OrgStore store_;
};

}  // namespace agenthq::hub
