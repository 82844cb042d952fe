#include "hub/orgs/org_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

asio::awaitable<json::object> OrgService::current(const auth::Identity& who) {
  auto org = co_await store_.find(who.org_id);
  if (!org) throw ApiError::not_found("Organisation");
  co_return std::move(*org);
}

asio::awaitable<json::object> OrgService::update(const auth::Identity& who, const std::string& ip,
                                                 const std::optional<std::string>& name,
                                                 const std::optional<json::object>& settings) {
  json::object details;
  if (name) details["name"] = *name;
  if (settings) details["settings_changed"] = true;
  AuditEntry audit = audit_by(who, "org.updated", "org", who.org_id, ip, std::move(details));
  auto org = co_await store_.update(who.org_id, name, settings, audit);
  if (!org) throw ApiError::not_found("Organisation");
  s_.announce(audit);
  co_return std::move(*org);
}

asio::awaitable<json::array> OrgService::members(const auth::Identity& who) { co_return co_await store_.members(who.org_id); }

}  // namespace agenthq::hub
