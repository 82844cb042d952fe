#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/paged_read.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::hub {

// The Insight object's columns, of the table aliased `i` (REST replies and insight:new events).
inline constexpr const char* kInsightColumns =
    "i.id, i.org_id, i.type, i.title, i.content, i.data, i.source_posts, i.source_agents, i.confidence, "
    "i.reviewed, i.created_at";

struct NewInsight {
  std::string type;
  std::string title;
  std::string content;
  boost::json::object data;
  std::vector<std::string> source_posts;   // ids of posts of the org
  std::vector<std::string> source_agents;  // ids of agents of the org
  std::optional<double> confidence;        // [0, 1]; nullopt stores NULL
};

// GET /insights; unset members do not filter.
struct InsightFilter {
  std::optional<std::string> type;
  std::optional<std::int64_t> since_micros;  // created_at >= since (epoch microseconds)
  std::optional<bool> reviewed;
  std::optional<double> min_confidence;      // confidence >= it (NULL confidence never matches)
};

using InsightPage = db::ListPage;

// SQL for insights. Responses list their columns explicitly: search_vector never leaves.
class InsightStore {
 public:
  explicit InsightStore(db::Database& db) : db_(db) {}

  struct Created {
    std::string invalid_field;  // "source_posts" / "source_agents" when an id is not of the org
    boost::json::object insight;
  };
  // Checks the source ids, inserts and audits (insight.created) in one statement.
  boost::asio::awaitable<Created> create(const std::string& org_id, const NewInsight& insight,
                                         const AuditEntry& audit);
  // Newest first (created_at DESC, id DESC), with the full count of matching rows.
  boost::asio::awaitable<InsightPage> list(const std::string& org_id, const InsightFilter& filter,
                                           std::int64_t limit, std::int64_t offset);
  boost::asio::awaitable<std::optional<boost::json::object>> find(const std::string& org_id, const std::string& id);
  // Sets reviewed and audits it (insight.reviewed) in one statement; nullopt when not in the org.
  boost::asio::awaitable<std::optional<boost::json::object>> set_reviewed(const std::string& org_id,
                                                                          const std::string& id, bool reviewed,
                                                                          const AuditEntry& audit);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
