#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "hub/insights/insight_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Insights end to end (see PostService).
class InsightService {
 public:
  explicit InsightService(Services& s) : s_(s), store_(s.db) {}

  // insight.created; every source id must be a post/agent of the org (400 otherwise).
  boost::asio::awaitable<boost::json::object> create(const auth::Identity& who, const std::string& ip,
                                                     const NewInsight& insight);
  boost::asio::awaitable<InsightPage> list(const auth::Identity& who, const InsightFilter& filter,
                                           std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<boost::json::object> find(const auth::Identity& who, const std::string& id);
  // insight.reviewed
  boost::asio::awaitable<boost::json::object> review(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id, bool reviewed);

 private:
  Services& s_;
  InsightStore store_;
};

}  // namespace agenthq::hub
