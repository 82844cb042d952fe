#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/identity.hpp"
#include "hub/activity/activity_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// An entry a client records itself (POST /activity); actor and address are the caller's.
struct NewActivity {
  std::string action;
  std::optional<std::string> resource_type;
  std::optional<std::string> resource_id;
  boost::json::object details;
};

// The audit trail as a resource (see PostService): entries clients record themselves, and reads.
class ActivityService {
 public:
  explicit ActivityService(Services& s) : s_(s), store_(s.db) {}

  // POST /activity: actor and address come from the caller, never from the body.
  boost::asio::awaitable<boost::json::object> record(const auth::Identity& who, const std::string& ip,
                                                     NewActivity entry);
  boost::asio::awaitable<ActivityPage> list(const auth::Identity& who, const ActivityFilter& filter,
                                            std::int64_t limit, std::int64_t offset);

 private:
  Services& s_;
  ActivityStore store_;
};

}  // namespace agenthq::hub
