#include "realtime/ws_session.hpp"

#include <boost/asio.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>

#include "auth/authenticator.hpp"
#include "auth/auth_error.hpp"
#include "realtime/presence.hpp"
#include "metrics/metrics.hpp"
#include "realtime/session_registry.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"
#include "util/time.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;

namespace {
constexpr std::uint16_t kAuthFailed = 4001;
constexpr std::uint16_t kAuthError = 4000;

std::string token_from(const http::HttpRequest& request) {
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return {};
  for (auto p : target->params()) {
    if (p.key == "token" || p.key == "apiKey") return p.value;
  }
  return {};
}

std::shared_ptr<const std::string> frame(const char* event, const json::object& data) {
  return std::make_shared<const std::string>(util::to_json(json::object{{"event", event}, {"data", data}}));
}
}  // namespace

WsSession::WsSession(asio::ip::tcp::socket socket, WsContext& ctx, std::string client_ip)
    : ws_(std::move(socket)), ctx_(ctx), client_ip_(std::move(client_ip)) {}

void WsSession::start(http::HttpRequest request) {
  asio::co_spawn(ws_.get_executor(), [self = shared_from_this(), request = std::move(request)]() mutable {
    return self->run(std::move(request));
  }, asio::detached);
}

bool WsSession::wants_channel(const std::string& channel_id, const std::string& channel_name) const {
  return all_channels_ || subscriptions_.contains(channel_id) || subscriptions_.contains(channel_name);
}

void WsSession::send(std::shared_ptr<const std::string> f) {
  if (closed_) return;
  if (queue_.size() >= ctx_.limits.max_queued_frames) {
    util::log::warn("websocket: client {} stopped reading; disconnecting it", client_ip_);
    metrics::registry().ws_events_dropped.inc(queue_.size() + 1);
    cut_off();
    return;
  }
  queue_.push_back(std::move(f));
  metrics::registry().ws_events_delivered.inc();
  if (!writing_) {
    writing_ = true;
    asio::co_spawn(ws_.get_executor(), [self = shared_from_this()] { return self->write_loop(); }, asio::detached);
  }
}

void WsSession::cut_off() {
  closed_ = true;
  queue_.clear();
  boost::system::error_code ec;
  beast::get_lowest_layer(ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  beast::get_lowest_layer(ws_).socket().close(ec);
}

void WsSession::close() {
  if (closed_) return;
  asio::co_spawn(ws_.get_executor(), [self = shared_from_this()] {
    return self->close_with(static_cast<std::uint16_t>(websocket::close_code::going_away), "server shutting down");
  }, asio::detached);
}

asio::awaitable<void> WsSession::close_with(std::uint16_t code, const char* reason) {
  if (closed_) co_return;
  closed_ = true;
  beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(5));
  websocket::close_reason why(static_cast<websocket::close_code>(code), reason);
  co_await ws_.async_close(why, asio::as_tuple(asio::use_awaitable));
}

asio::awaitable<void> WsSession::write_loop() {
  auto self = shared_from_this();
  while (!queue_.empty() && !closed_) {
    auto next = queue_.front();
    auto [ec, n] = co_await ws_.async_write(asio::buffer(*next), asio::as_tuple(asio::use_awaitable));
    if (ec) {
      cut_off();
      break;
    }
    if (!queue_.empty()) queue_.pop_front();
  }
  writing_ = false;
}

void WsSession::reply(const char* event, const json::object& data) { send(frame(event, data)); }

asio::awaitable<void> WsSession::handle(const std::string& text) {
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 16;
  json::value msg = json::parse(text, ec, {}, opts);
  if (ec || !msg.is_object() || !msg.as_object().contains("event") || !msg.at("event").is_string()) {
    reply("error", {{"message", "Messages are JSON objects {\"event\": string, \"data\": object}"}});
    co_return;
  }
  const std::string event(msg.at("event").as_string());
  const json::value* data = msg.as_object().if_contains("data");
  if (event == "subscribe" || event == "unsubscribe") {
    // The SDK sends data.channel, the web app data.channelId.
    const json::value* ch = nullptr;
    if (data && data->is_object()) {
      ch = data->as_object().if_contains("channel");
      if (!ch || !ch->is_string()) ch = data->as_object().if_contains("channelId");
    }
    if (!ch || !ch->is_string() || ch->as_string().empty() || ch->as_string().size() > 200) {
      reply("error", {{"message", event + " needs data.channel (a channel id or name)"}});
      co_return;
    }
    const std::string channel(ch->as_string());
    if (event == "subscribe") {
      if (channel == kAllChannels) {
        all_channels_ = explicit_all_ = true;
      } else {
        if (subscriptions_.size() >= 1000) {
          reply("error", {{"message", "Too many subscriptions"}});
          co_return;
        }
        // A channel subscription ends the never-subscribed default (everything), not an explicit "*".
        if (!explicit_all_) all_channels_ = false;
        subscriptions_.insert(channel);
      }
      reply("subscribed", {{"channel", channel}});
    } else {
      // Never widens what the connection receives: leaving the last channel leaves it with none.
      if (channel == kAllChannels) all_channels_ = explicit_all_ = false;
      subscriptions_.erase(channel);
      reply("unsubscribed", {{"channel", channel}});
    }
  } else if (event == "heartbeat") {
    // Recorded before the ack: a client that got its ack may rely on the heartbeat being stored.
    if (identity_->is_agent()) co_await ctx_.presence.heartbeat(*identity_, ctx_.db);
    reply("heartbeat_ack", {{"timestamp", util::iso8601_now()}});
  } else {
    reply("error", {{"message", "Unknown event: " + event.substr(0, 100)}});
  }
}

asio::awaitable<void> WsSession::run(http::HttpRequest request) {
  auto self = shared_from_this();
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.read_message_max(ctx_.limits.max_message_bytes);
  auto [accept_ec] = co_await ws_.async_accept(request, asio::as_tuple(asio::use_awaitable));
  if (accept_ec) co_return;

  const std::string token = token_from(request);
  if (token.empty()) {
    co_await close_with(kAuthFailed, "Missing token");
    co_return;
  }
  bool auth_error = false;  // the database failed, as opposed to a bad token
  try {
    identity_ = co_await ctx_.authenticator.authenticate_token(token, ctx_.db, client_ip_);
  } catch (const auth::AuthError&) {
  } catch (const std::exception& e) {
    util::log::warn("websocket: authentication failed: {}", e.what());
    auth_error = true;
  }
  if (auth_error) {
    co_await close_with(kAuthError, "Authentication error");
    co_return;
  }
  if (!identity_) {
    co_await close_with(kAuthFailed, "Invalid authentication");
    co_return;
  }

  ctx_.registry.add(self);
  metrics::registry().ws_connections.add(1);
  if (identity_->is_agent()) co_await ctx_.presence.connected(*identity_, ctx_.db);
  beast::flat_buffer buffer;
  while (!closed_) {
    auto [ec, n] = co_await ws_.async_read(buffer, asio::as_tuple(asio::use_awaitable));
    if (ec) break;
    if (!ws_.got_text()) {
      reply("error", {{"message", "Only text frames are supported"}});
    } else {
      const std::string text = beast::buffers_to_string(buffer.data());
      co_await handle(text);
    }
    buffer.consume(buffer.size());
  }
  closed_ = true;
  ctx_.registry.remove(this);
  metrics::registry().ws_connections.add(-1);
  if (identity_->is_agent()) co_await ctx_.presence.disconnected(*identity_, ctx_.db);
}

}  // namespace agenthq::realtime
