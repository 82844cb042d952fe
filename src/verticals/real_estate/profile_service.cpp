#include "verticals/real_estate/profile_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

asio::awaitable<json::array> ProfileService::list(const auth::Identity& who, const std::optional<std::string>& role) {
  co_return co_await store_.list(who.org_id, role);
}

asio::awaitable<json::object> ProfileService::find(const auth::Identity& who, const std::string& agent_id) {
  auto profile = co_await store_.find(who.org_id, agent_id);
  if (!profile) throw ApiError::not_found("Profile");
  co_return std::move(*profile);
}

asio::awaitable<ProfileSaved> ProfileService::save(const auth::Identity& who, const std::string& ip,
                                                   const std::string& agent_id, const ProfileInput& input) {
  hub::AuditEntry audit = hub::audit_by(who, "re_profile.updated", "re_profile", agent_id, ip);
  auto saved = co_await store_.save(who, agent_id, input, audit);
  if (saved.outcome == ProfileWrite::not_found) throw ApiError::not_found("Agent");
  if (saved.outcome == ProfileWrite::forbidden)
    throw ApiError::forbidden(
        "Agents may change only their own profile; users only those of the agents they own (owners and admins: "
        "any)");
  s_.announce(audit);
  co_return saved;
}

}  // namespace agenthq::verticals::real_estate
