#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace agenthq::verticals::real_estate {

// GET /re/metrics; unset members do not filter. Bounds are ISO-8601 instants (UTC).
struct MetricFilter {
  std::optional<std::string> agent_id;
  std::optional<std::string> period;
  std::optional<std::string> from;  // period_start >= from
  std::optional<std::string> to;    // period_start <= to
};

// Reads re_metrics (written only by rollup.hpp).
class MetricStore {
 public:
  explicit MetricStore(db::Database& db) : db_(db) {}

  // Metric rows, period_start descending, at most kMaxRows (the newest).
  static constexpr int kMaxRows = 2000;
  boost::asio::awaitable<boost::json::array> list(const std::string& org_id, const MetricFilter& filter);

  // [{id, name, metrics}] of the agents' rows of the period containing `day` (YYYY-MM-DD),
  // by metrics.total_volume descending (nulls last), then name.
  boost::asio::awaitable<boost::json::array> leaderboard(const std::string& org_id, const std::string& period,
                                                         const std::string& day);

 private:
  db::Database& db_;
};

}  // namespace agenthq::verticals::real_estate
