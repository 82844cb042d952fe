#include "hub/dms/dm_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

asio::awaitable<json::object> DmService::open(const auth::Identity& who, const std::string& ip,
                                              const std::string& member_id, const std::string& member_type) {
  if (member_id == who.id) throw ApiError::validation("A direct message needs another member");
  AuditEntry audit = audit_by(who, "dm.created", "channel", "", ip);
  auto opened = co_await store_.open(who, member_id, member_type, audit);
  if (!opened.member_found) throw ApiError::not_found("Member");
  if (opened.channel.empty()) throw ApiError::not_found("Direct message");
  if (opened.is_new) s_.announce(audit);
  co_return std::move(opened.channel);
}

asio::awaitable<json::array> DmService::list(const auth::Identity& who) { co_return co_await store_.list(who); }

}  // namespace agenthq::hub
