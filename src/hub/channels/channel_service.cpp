#include "hub/channels/channel_service.hpp"

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

asio::awaitable<json::object> ChannelService::create(const auth::Identity& who, const std::string& ip,
                                                     const NewChannel& channel) {
  AuditEntry audit = audit_by(who, "channel.created", "channel", "", ip);
  auto created = co_await store_.create(who, channel, audit);
  if (created.name_taken)
    throw ApiError::conflict("CHANNEL_EXISTS", "A channel named '" + channel.name + "' already exists");
  s_.announce(audit);
  co_return std::move(created.channel);
}

asio::awaitable<json::array> ChannelService::list(const auth::Identity& who, const std::optional<std::string>& type) {
  co_return co_await store_.list(who, type);
}

asio::awaitable<json::object> ChannelService::find(const auth::Identity& who, const std::string& id) {
  auto channel = co_await store_.find(who, id);
  if (!channel) throw ApiError::not_found("Channel");
  co_return std::move(*channel);
}

asio::awaitable<json::object> ChannelService::stats(const auth::Identity& who, const std::string& id) {
  auto stats = co_await store_.stats(who, id);
  if (!stats) throw ApiError::not_found("Channel");
  co_return std::move(*stats);
}

asio::awaitable<void> ChannelService::join(const auth::Identity& who, const std::string& ip, const std::string& id) {
  co_await change_membership(who, ip, id, MembershipChange::join);
}

asio::awaitable<bool> ChannelService::leave(const auth::Identity& who, const std::string& ip, const std::string& id) {
  co_return co_await change_membership(who, ip, id, MembershipChange::leave);
}

asio::awaitable<bool> ChannelService::change_membership(const auth::Identity& who, const std::string& ip,
                                                        const std::string& id, MembershipChange change) {
  const bool joining = change == MembershipChange::join;
  AuditEntry audit = audit_by(who, joining ? "channel.joined" : "channel.left", "channel", "", ip);
  auto outcome = co_await store_.change_membership(who, id, change, audit);
  if (outcome == MembershipOutcome::not_found) throw ApiError::not_found("Channel");
  if (outcome == MembershipOutcome::system_channel)
    throw ApiError::forbidden(std::string("System channels are open to everyone and cannot be ") +
                              (joining ? "joined" : "left"));
  if (outcome == MembershipOutcome::changed) s_.announce(audit);  // a no-op join or leave wrote no entry
  co_return outcome == MembershipOutcome::changed;
}

}  // namespace agenthq::hub
