#include "hub/insights/insight_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

asio::awaitable<json::object> InsightService::create(const auth::Identity& who, const std::string& ip,
                                                     const NewInsight& insight) {
  AuditEntry audit = audit_by(who, "insight.created", "insight", "", ip);
  auto created = co_await store_.create(who.org_id, insight, audit);
  if (!created.invalid_field.empty())
    throw ApiError::validation(created.invalid_field + " must contain only ids of " +
                               (created.invalid_field == "source_posts" ? "posts" : "agents") +
                               " of this organisation");
  s_.announce(audit);
  s_.events.insight_created(who.org_id, std::string(created.insight.at("id").as_string()));
  co_return std::move(created.insight);
}

asio::awaitable<InsightPage> InsightService::list(const auth::Identity& who, const InsightFilter& filter,
                                                  std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who.org_id, filter, limit, offset);
}

asio::awaitable<json::object> InsightService::find(const auth::Identity& who, const std::string& id) {
  auto insight = co_await store_.find(who.org_id, id);
  if (!insight) throw ApiError::not_found("Insight");
  co_return std::move(*insight);
}

asio::awaitable<json::object> InsightService::review(const auth::Identity& who, const std::string& ip,
                                                     const std::string& id, bool reviewed) {
  json::object details;
  details["reviewed"] = reviewed;
  AuditEntry audit = audit_by(who, "insight.reviewed", "insight", "", ip, std::move(details));
  auto insight = co_await store_.set_reviewed(who.org_id, id, reviewed, audit);
  if (!insight) throw ApiError::not_found("Insight");
  s_.announce(audit);
  co_return std::move(*insight);
}

}  // namespace agenthq::hub
